"""Recompute the published estimates of `citydip analyze` independently and compare them, cell by cell.

    DATABASE_URL=sqlite:////tmp/demo.sqlite3 PYTHONPATH=src python bench/recompute_analysis.py OUT_DIR

OUT_DIR is the folder `citydip analyze --output` wrote. The raw data are read with plain SQL (no
citydip code: Django only opens the connection the settings name, and ``size_class_for`` labels a city
whose size class is not stored). The numbers are computed with other libraries than citydip's own:

* raked weights: samplics ``SampleWeight.rake``; weighted shares and their SEs: the calibration
  residuals by statsmodels WLS, their variance by samplics ``TaylorEstimator`` (a weighted total);
* Wilson intervals: the score formula written out here (non-integer n for the weighted interval);
* logit models: statsmodels ``GLM`` (binomial) fitted by IRLS, HC1 written out (sandwich × n/(n − k)), AMEs
  as discrete changes (0/1 predictors) or mean β·p(1 − p), by predict;
* the ordinal model: statsmodels ``OrderedModel`` fitted by Nelder–Mead then BFGS, HC1 from its
  score_obs and hessian, AMEs on P(top) by predict;
* Cronbach's alpha: pingouin.

The model's predictors are read from ``regression_summary`` (the choice of predictors is a rule, not an
estimate); the sample is rebuilt from the raw answers. Agreement: |published − recomputed| ≤ 1e-4, or
1e-5 relative for values of 10 and more (the CSVs keep six significant digits). Prints one line per
table and the largest difference; exits 1 on any disagreement.
"""
import json
import math
import os
import sys
import warnings
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "citydip.settings")
warnings.filterwarnings("ignore")

Z = 1.959963984540054
INST = ("inst_agreement", "inst_office_china", "inst_staff", "inst_budget", "inst_chinese_office", "inst_networks")
LEVELS = {"marginal": 0, "important": 1, "crucial": 2}  # `importance`, instrument edition 1
COOP_LEVELS = {"not_at_all": 0, "not_very": 1, "neither": 2, "fairly": 3, "very": 4}  # `coop_importance`, edition 2
MIN_RESPONDENTS = 5  # documented in docs/analysis.md


def raw_data():
    """One row per frame city with its answers' variables and covariates, from plain SQL."""
    from django.db import connection

    from citydip.frame.models import size_class_for

    with connection.cursor() as cursor:
        cursor.execute("SELECT id FROM survey_wave ORDER BY created DESC, id DESC LIMIT 1")
        wave = cursor.fetchone()
        cursor.execute("SELECT id, country_id, population, is_capital, size_class FROM frame_city WHERE in_frame")
        cities = pd.DataFrame(cursor.fetchall(), columns=["pk", "country", "population", "is_capital", "size_class"])
        answers = {}
        if wave:
            cursor.execute("SELECT city_id, state, answers FROM survey_response WHERE wave_id = %s", [wave[0]])
            answers = {pk: (state, json.loads(a) if isinstance(a, str) else (a or {})) for pk, state, a in cursor.fetchall()}
        cursor.execute("SELECT level, variable, city_id, country_id, year, value FROM analysis_covariate "
                       "ORDER BY level, variable, city_id, country_id, year IS NOT NULL, year, id")
        covariates = cursor.fetchall()
    cities["size_class"] = [s or size_class_for(p) or "unknown" for s, p in zip(cities["size_class"], cities["population"])]
    cities["log_population"] = np.log(cities["population"].astype(float))
    cities["is_capital"] = cities["is_capital"].astype(float)
    state = cities["pk"].map(lambda pk: answers.get(pk, ("", {}))[0])
    given = cities["pk"].map(lambda pk: answers.get(pk, ("", {}))[1])
    coop = given.map(lambda a: a.get("coop_status"))
    cities["respondent"] = state.isin(["partial", "complete"]) & coop.notna()
    cities["current"] = coop.map({"current": 1.0, "past": 0.0, "never": 0.0})
    first = given.map(lambda a: LEVELS.get(a.get("importance"), np.nan))
    second = given.map(lambda a: COOP_LEVELS.get(a.get("coop_importance"), np.nan))
    cities["importance_level"] = first if first.notna().any() else second
    cities.attrs["levels"] = LEVELS if first.notna().any() else COOP_LEVELS
    for item in INST:
        cities[item] = given.map(lambda a, i=item: {"yes": 1.0, "no": 0.0}.get(a.get(i), np.nan))
    partners = given.map(lambda a: [p for p in a.get("partners") or [] if isinstance(p, dict)])
    cities["any_active_partner"] = partners.map(
        lambda ps: (1.0 if any(p.get("partner_status") == "active" for p in ps) else 0.0) if ps else np.nan)
    items = cities[list(INST)]
    cities["inst_index"] = items.mean(axis=1).where(items.notna().all(axis=1) & (cities["current"] == 1))
    latest = {}
    for level, variable, city, country, _, value in covariates:
        latest[(variable if level == "city" else f"country_{variable}", city if level == "city" else country)] = value
    for column in sorted({c for c, _ in latest}):
        key = "country" if column.startswith("country_") else "pk"
        cities[column] = [latest.get((column, k), np.nan) for k in cities[key]]
    return cities


def rake_weights(cities):
    from samplics.weighting import SampleWeight

    represented = cities["country"].isin(set(cities.loc[cities["respondent"], "country"]))
    frame = cities[represented]
    sample = cities[cities["respondent"]]
    if set(frame["size_class"]) != set(sample["size_class"]):
        return None  # a size class without respondents: the merge rule is not recomputed here
    weights = SampleWeight().rake(
        samp_weight=np.ones(len(sample)), margins={"c": sample["country"].to_numpy(), "s": sample["size_class"].to_numpy()},
        control={"c": frame["country"].value_counts().to_dict(), "s": frame["size_class"].value_counts().to_dict()},
        tol=1e-13, max_iter=5000)
    return pd.Series(weights, index=sample.index)


def pooled(labels):
    counts = pd.Series(labels).value_counts()
    out = ["pool" if counts[v] < 2 else v for v in labels]
    if out.count("pool") == 1:
        out = [counts.idxmax() if v == "pool" else v for v in out]
    return out


def wilson(k, n):
    if n <= 0:
        return math.nan, math.nan
    p = k / n
    centre = (p + Z * Z / (2 * n)) / (1 + Z * Z / n)
    half = Z / (1 + Z * Z / n) * math.sqrt(p * (1 - p) / n + Z * Z / (4 * n * n))
    return (0.0 if k <= 0 else centre - half), (1.0 if k >= n else centre + half)


def weighted_share(sample, weights, domain):
    import statsmodels.api as sm
    from samplics.estimation import TaylorEstimator
    from samplics.utils.types import PopParam

    w, y, d = weights.to_numpy(), sample["current"].to_numpy(), domain.astype(float)
    p = (w * d * y).sum() / (w * d).sum()
    u = d * (y - p) / (w * d).sum()
    X = pd.concat([pd.get_dummies(pd.Series(pooled(sample[c].tolist())), dtype=float) for c in ("country", "size_class")],
                  axis=1).to_numpy()
    estimator = TaylorEstimator(PopParam.total)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        residuals = np.asarray(sm.WLS(u, X, weights=w).fit().resid)
        # + 1/w shifts every w·e by 1: the variance is unchanged, and samplics needs a non-zero total
        estimator.estimate(y=residuals + 1 / w, samp_weight=w)
    se, n_d = math.sqrt(estimator.variance), int(d.sum())
    deff = se ** 2 / (p * (1 - p) / n_d) if 0 < p < 1 else math.nan
    n_eff = n_d / deff if 0 < p < 1 else (w * d).sum() ** 2 / ((w * d) ** 2).sum()
    low, high = wilson(p * min(n_eff, n_d), min(n_eff, n_d))
    return {"weighted_share": p, "weighted_se": se, "deff": deff, "n_eff": n_eff, "weighted_low": low, "weighted_high": high}


def prevalence(cities, weights, by):
    respondents = cities[cities["respondent"]]
    groups = [("all", respondents)] if by is None else list(respondents.groupby(by))
    rows = {}
    for value, group in groups:
        n, k = len(group), float(group["current"].sum())
        row = {"n": n, "cooperating": k}
        if n >= MIN_RESPONDENTS:
            row.update(share=k / n, wilson_low=wilson(k, n)[0], wilson_high=wilson(k, n)[1])
            if weights is not None:
                domain = np.ones(len(respondents), bool) if by is None else (respondents[by] == value).to_numpy()
                row.update(weighted_share(respondents, weights, domain))
        rows[str(value)] = row
    return rows


def hc1(cov_hc0, n, k):
    return cov_hc0 * n / (n - k)


def logit(sample, outcome, predictors):
    import statsmodels.api as sm

    y, exog = sample[outcome], sm.add_constant(sample[predictors], has_constant="add")
    fit = sm.GLM(y, exog, family=sm.families.Binomial()).fit(tol=1e-12, maxiter=200)  # IRLS
    p = fit.predict(exog).to_numpy()
    x = exog.to_numpy()
    scores = x * (y.to_numpy() - p)[:, None]
    bread = np.linalg.inv(x.T @ (x * (p * (1 - p))[:, None]))
    se = np.sqrt(np.diag(hc1(bread @ scores.T @ scores @ bread, len(y), x.shape[1])))
    rows = {}
    for j, term in enumerate(exog.columns):
        row = {"coef": fit.params[term], "se": se[j]}
        if term != "const":
            if set(sample[term].unique()) <= {0.0, 1.0}:
                row["ame"] = (fit.predict(exog.assign(**{term: 1.0})) - fit.predict(exog.assign(**{term: 0.0}))).mean()
            else:
                row["ame"] = (fit.params[term] * p * (1 - p)).mean()
        rows[term] = row
    return rows


def ordinal(sample, outcome, predictors, levels=LEVELS):
    from statsmodels.miscmodels.ordinal_model import OrderedModel

    present = sorted(sample[outcome].unique())
    names = {v: k for k, v in levels.items()}
    endog = pd.Series(pd.Categorical(sample[outcome].map(names), categories=[names[v] for v in present], ordered=True),
                      index=sample.index)
    model = OrderedModel(endog, sample[predictors], distr="logit")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # Nelder–Mead only supplies the start values
        start = model.fit(method="nm", disp=0, maxiter=50000).params
    fit = model.fit(method="bfgs", disp=0, maxiter=10000, gtol=1e-8, start_params=start)
    params = fit.params.to_numpy()
    scores = model.score_obs(params)
    bread = np.linalg.inv(-model.hessian(params))
    se = np.sqrt(np.diag(hc1(bread @ scores.T @ scores @ bread, len(endog), len(params))))
    rows = {term: {"coef": fit.params[term], "se": se[j]} for j, term in enumerate(fit.params.index)}
    top = len(present) - 1
    for term in predictors:
        if set(sample[term].unique()) <= {0.0, 1.0}:
            one = model.predict(params, exog=sample[predictors].assign(**{term: 1.0}))[:, top]
            zero = model.predict(params, exog=sample[predictors].assign(**{term: 0.0}))[:, top]
            rows[term]["ame"] = float(np.mean(one - zero))
        else:
            probability = model.predict(params, exog=sample[predictors])[:, top]
            rows[term]["ame"] = float(np.mean(fit.params[term] * probability * (1 - probability)))
    return rows


MODELS = {"cooperation": ("current", lambda c: c[c["respondent"]], logit),
          "active_partner": ("any_active_partner", lambda c: c[c["respondent"] & (c["current"] == 1)], logit),
          "importance": ("importance_level", lambda c: c[c["respondent"] & (c["current"] == 1)], ordinal)}


def agree(published, ours):
    if pd.isna(published) and (ours is None or pd.isna(ours)):
        return True
    if pd.isna(published) or ours is None or pd.isna(ours):
        return False
    return abs(published - ours) <= max(1e-4, 1e-5 * abs(published))


def compare(output_dir):
    """[(table, row, column, published, recomputed)] for every number checked; the disagreements are those
    for which :func:`agree` is false."""
    tables = Path(output_dir) / "tables"
    cities = raw_data()
    checked = []

    def check(name, key, column, published, ours):
        checked.append((name, key, column, published, ours))

    weights = rake_weights(cities)
    if (tables / "weights_margins.csv").exists():
        margins = pd.read_csv(tables / "weights_margins.csv")
        for _, row in margins.iterrows():
            check("weights_margins", f"{row['margin']}={row['category']}", "weighted", row["weighted"], row["frame"])
    for name, by in (("prevalence_overall", None), ("prevalence_by_country", "country"),
                     ("prevalence_by_size_class", "size_class")):
        if not (tables / f"{name}.csv").exists():
            continue
        ours = prevalence(cities, weights, by)
        for _, row in pd.read_csv(tables / f"{name}.csv", keep_default_na=False, na_values=[""]).iterrows():
            mine = ours.get(str(row["group"]), {})
            for column in ("n", "cooperating", "share", "wilson_low", "wilson_high", "weighted_share", "weighted_low",
                           "weighted_high", "weighted_se", "deff", "n_eff"):
                if weights is None and column.startswith("weighted") or column in ("deff", "n_eff") and weights is None:
                    continue
                check(name, row["group"], column, row[column], mine.get(column))
    summary = tables / "regression_summary.csv"
    if summary.exists():
        for _, spec in pd.read_csv(summary).iterrows():
            outcome, sample_of, fit = MODELS[spec["model"]]
            predictors = [p.strip() for p in str(spec["predictors"]).split(",")]
            sample = sample_of(cities)[[outcome, *predictors]].dropna().astype(float)
            ours = (fit(sample, outcome, predictors, cities.attrs["levels"]) if fit is ordinal
                    else fit(sample, outcome, predictors))
            published = pd.read_csv(tables / f"regression_{spec['model']}.csv")
            check(f"regression_{spec['model']}", "N", "coef", float(published.loc[published["term"] == "N", "coef"].iloc[0]),
                  len(sample))
            for _, row in published[~published["term"].isin(["N", "pseudo-R² (McFadden)"])].iterrows():
                for column in ("coef", "se", "ame"):
                    if column == "ame" and pd.isna(row["ame"]):
                        continue
                    check(f"regression_{spec['model']}", row["term"], column, row[column], ours[row["term"]].get(column))
    reliability = tables / "institutionalisation_reliability.csv"
    if reliability.exists():
        import pingouin

        items = cities.loc[cities["inst_index"].notna(), list(INST)]
        alpha, _ = pingouin.cronbach_alpha(data=items)
        check("institutionalisation_reliability", "all", "cronbach_alpha",
              pd.read_csv(reliability)["cronbach_alpha"].iloc[0], alpha)
    return checked


def main(argv):
    import django

    django.setup()
    if len(argv) != 1:
        print(__doc__.strip().splitlines()[2])
        return 2
    checked = compare(argv[0])
    bad = [c for c in checked if not agree(c[3], c[4])]
    by_table = {}
    for table, *_ in checked:
        by_table[table] = by_table.get(table, 0) + 1
    for table, count in by_table.items():
        print(f"{table}: {count} numbers checked")
    differences = [abs(p - o) for _, _, _, p, o in checked if not pd.isna(p) and o is not None and not pd.isna(o)]
    print(f"largest absolute difference {max(differences, default=0):.2e} over {len(checked)} numbers")
    for table, key, column, published, ours in bad:
        print(f"DISAGREES {table} [{key}] {column}: published {published!r}, recomputed {ours!r}")
    print(f"{len(checked) - len(bad)} agree, {len(bad)} disagree")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
