"""Diverse-case selection of case-study cities (`citydip cases select`).

Candidates: respondents cooperating now (coop_status = current) who consented to a follow-up
interview (followup_consent = yes), less ``--exclude``. Covariates: log population, then every
imported city-level and country-level covariate present for at least 80% of the candidates and not
constant (or the ``--covariates`` named); a missing value takes the candidates' median; each
covariate is standardised (z-score over the candidates). Distance: Euclidean on the z-scores.

Rule: maximise the minimum pairwise distance among the chosen (max-min diversity), with the mean
pairwise distance breaking ties, under the constraints (``--include`` always chosen, at most
``--max-per-country`` per country). Search: greedy farthest-point insertion followed by 1-for-1
swaps until no swap improves, from ``STARTS`` starts (the first from the point farthest from the
candidates' centre, the others random with the seed); the best local optimum is kept. The measure is
compared with ``DRAWS`` random draws of the same size under the same constraints.
"""
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from citydip.core.errors import CitydipError

STARTS = 30
DRAWS = 1000
COVERAGE = 0.8


@dataclass
class Request:
    n: int = 10
    max_per_country: int = 2
    include: tuple = ()
    exclude: tuple = ()
    seed: int = 0
    covariates: tuple = ()


@dataclass
class Selection:
    chosen: pd.DataFrame
    candidates: pd.DataFrame
    covariates: list
    z: np.ndarray
    index: list
    diversity: dict
    random: dict
    notes: list = field(default_factory=list)


def candidates(data, request):
    cities = data.cities
    pool = cities[cities["respondent"] & (cities["current"] == 1) & (cities["followup_consent"] == "yes")]
    known = set(cities["city_id"])
    for city_id in (*request.include, *request.exclude):
        if city_id not in known:
            raise CitydipError("ANALYSIS-E020", f"{city_id!r} is not a frame city: use the ids of `citydip frame export`",
                               field="--include" if city_id in request.include else "--exclude")
    for city_id in request.include:
        if city_id not in set(pool["city_id"]):
            raise CitydipError("ANALYSIS-E021", f"{city_id} cannot be included: it is not a respondent cooperating now "
                               "that consented to a follow-up interview", field="--include")
        if city_id in request.exclude:
            raise CitydipError("ANALYSIS-E021", f"{city_id} is both included and excluded: keep one", field="--include")
    return pool[~pool["city_id"].isin(request.exclude)].reset_index(drop=True)


def covariate_columns(data, pool, requested=()):
    if requested:
        unknown = [c for c in requested if c not in pool.columns or c in ("city_id", "name", "country")]
        if unknown:
            raise CitydipError("ANALYSIS-E023", f"unknown covariate(s) {', '.join(unknown)}: choose from log_population, "
                               f"population and {', '.join(sorted(data.covariates)) or '(none imported)'}", field="--covariates")
        return list(requested)
    columns = ["log_population", *sorted(c for c, m in data.covariates.items() if m["level"] == "city"),
               *sorted(c for c, m in data.covariates.items() if m["level"] == "country")]
    return [c for c in columns if pool[c].notna().mean() >= COVERAGE and pool[c].dropna().nunique() > 1]


def standardise(pool, columns):
    values = pool[columns].astype(float)
    values = values.fillna(values.median())
    sd = values.std(ddof=0).replace(0, 1)
    return ((values - values.mean()) / sd).to_numpy()


def pairwise(z):
    difference = z[:, None, :] - z[None, :, :]
    return np.sqrt((difference ** 2).sum(axis=2))


def diversity(distances, chosen):
    """(minimum, mean) pairwise distance among the chosen indices."""
    sub = distances[np.ix_(chosen, chosen)]
    upper = sub[np.triu_indices(len(chosen), k=1)]
    return (float(upper.min()), float(upper.mean())) if len(upper) else (0.0, 0.0)


def _fits(i, chosen, countries, cap):
    return i not in chosen and sum(countries[j] == countries[i] for j in chosen) < cap


def greedy(distances, countries, n, cap, start):
    """Farthest-point insertion from ``start`` (a list of indices) under the per-country cap."""
    chosen = list(start)
    while len(chosen) < n:
        options = [i for i in range(len(countries)) if _fits(i, chosen, countries, cap)]
        if not options:
            return None
        nearest = distances[np.ix_(options, chosen)].min(axis=1) if chosen else np.zeros(len(options))
        spread = distances[np.ix_(options, chosen)].sum(axis=1) if chosen else np.zeros(len(options))
        chosen.append(options[max(range(len(options)), key=lambda k: (nearest[k], spread[k], -options[k]))])
    return chosen


def _options(rest, countries, cap):
    """Indices that may join ``rest``: not in it, and their country below the cap."""
    taken = {}
    for i in rest:
        taken[countries[i]] = taken.get(countries[i], 0) + 1
    members = set(rest)
    return np.asarray([i for i, c in enumerate(countries) if i not in members and taken.get(c, 0) < cap], dtype=int)


def _better(score, best, tolerance=1e-12):
    return score[0] > best[0] + tolerance or (abs(score[0] - best[0]) <= tolerance and score[1] > best[1] + tolerance)


def improve(distances, countries, chosen, forced, cap):
    """Best 1-for-1 swap of a non-forced city while one improves (min distance, then mean distance).

    Vectorised: with one city out, the pairs among the rest are fixed, so every replacement's
    score is the rest's minimum and sum combined with its distances to the rest."""
    chosen = list(chosen)
    best = diversity(distances, chosen)
    pairs = len(chosen) * (len(chosen) - 1) / 2
    improved = True
    while improved:
        improved = False
        for position in [p for p, i in enumerate(chosen) if i not in forced]:
            rest = chosen[:position] + chosen[position + 1:]
            options = _options(rest, countries, cap)
            if not len(options):
                continue
            upper = distances[np.ix_(rest, rest)][np.triu_indices(len(rest), k=1)]
            to_rest = distances[np.ix_(options, rest)]
            mins = np.minimum(upper.min() if len(upper) else np.inf, to_rest.min(axis=1))
            means = (upper.sum() + to_rest.sum(axis=1)) / pairs
            k = np.lexsort((-options, means, mins))[-1]
            if _better((mins[k], means[k]), best):
                chosen[position] = int(options[k])
                best = (float(mins[k]), float(means[k]))
                improved = True
    return chosen, best


def search(distances, countries, n, cap, forced, rng, starts=STARTS):
    centre = np.argsort(-np.sqrt((distances ** 2).mean(axis=1)), kind="stable")
    best, best_score = None, None
    for attempt in range(starts):
        if forced:
            start = list(forced)
        else:
            start = [int(centre[0])] if attempt == 0 else [int(rng.integers(len(countries)))]
        chosen = greedy(distances, countries, n, cap, start)
        if chosen is None:
            continue
        chosen, score = improve(distances, countries, chosen, set(forced), cap)
        if best_score is None or score > best_score:
            best, best_score = chosen, score
    return best, best_score


def solve(distances, countries, n, cap, forced, rng):
    """(chosen, (min, mean), method): exact max-min (maxmin.py) where the candidates allow, else the heuristic.

    With the exact minimum found, the mean distance is raised by the swap search, which only accepts
    swaps that keep the minimum (``_better``)."""
    from citydip.analysis import maxmin

    if len(countries) <= maxmin.EXACT_MAX_CANDIDATES:
        try:
            chosen, optimum = maxmin.exact_maxmin(distances, countries, n, cap, forced)
        except maxmin.NotProved as reason:
            method = f"heuristic (the exact program was not proved within {maxmin.TIME_LIMIT:g} s: {reason})"
        else:
            if chosen is not None:
                chosen, score = improve(distances, countries, chosen, set(forced), cap)
                return chosen, score, ("exact: the minimum pairwise distance is proved optimal (integer program, "
                                       "scipy milp); ties broken by the mean distance with 1-for-1 swaps")
            method = "heuristic"
    else:
        method = (f"heuristic ({len(countries)} candidates, more than the {maxmin.EXACT_MAX_CANDIDATES} "
                  "solved exactly): a local optimum, not proved")
    chosen, score = search(distances, countries, n, cap, forced, rng)
    return chosen, score, method if method != "heuristic" else "heuristic: a local optimum, not proved"


def random_draws(distances, countries, n, cap, forced, rng, draws=DRAWS):
    """Diversity of ``draws`` random feasible sets: forced cities plus others in random order, capped per country."""
    scores = []
    others = [i for i in range(len(countries)) if i not in forced]
    for _ in range(draws):
        chosen = list(forced)
        for i in rng.permutation(others):
            if len(chosen) == n:
                break
            if _fits(int(i), chosen, countries, cap):
                chosen.append(int(i))
        if len(chosen) == n:
            scores.append(diversity(distances, chosen))
    return np.asarray(scores).reshape(-1, 2)


def select(data, request):
    """Run the selection; raises CitydipError when the constraints cannot be met."""
    pool = candidates(data, request)
    columns = covariate_columns(data, pool, request.covariates)
    if not columns:
        raise CitydipError("ANALYSIS-E024", "no covariate varies among the candidates: import covariates or check "
                           "the frame's populations", field="--covariates")
    countries = list(pool["country"])
    feasible = sum(min(countries.count(c), request.max_per_country) for c in set(countries))
    if request.n < 2 or feasible < request.n or len(request.include) > request.n:
        raise CitydipError("ANALYSIS-E022", f"cannot choose {request.n} cities: {len(pool)} candidates allow at most "
                           f"{feasible} with at most {request.max_per_country} per country; lower -n or raise "
                           "--max-per-country", field="-n")
    z = standardise(pool, columns)
    distances = pairwise(z)
    rng = np.random.default_rng(request.seed)
    forced = [int(pool.index[pool["city_id"] == c][0]) for c in request.include]
    if any(sum(countries[i] == countries[f] for i in forced) > request.max_per_country for f in forced):
        raise CitydipError("ANALYSIS-E022", "--include names more cities of one country than --max-per-country allows",
                           field="--include")
    chosen, score, method = solve(distances, countries, request.n, request.max_per_country, forced, rng)
    draws = random_draws(distances, countries, request.n, request.max_per_country, forced, rng)
    return Selection(chosen=pool.loc[chosen].reset_index(drop=True), candidates=pool, covariates=columns, z=z,
                     index=chosen, diversity={"min_distance": score[0], "mean_distance": score[1], "method": method},
                     random=compare(score, draws))


def compare(score, draws):
    """How the selection's diversity ranks among random draws (share of draws it beats or equals)."""
    if not len(draws):
        return {"draws": 0}
    result = {"draws": len(draws)}
    for k, name in enumerate(("min_distance", "mean_distance")):
        values = draws[:, k]
        result[name] = {"median": float(np.median(values)), "p95": float(np.percentile(values, 95)),
                        "max": float(values.max()), "percentile": float((values <= score[k] + 1e-12).mean() * 100)}
    return result
