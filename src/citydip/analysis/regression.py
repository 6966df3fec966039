"""Models of the decisive factors (statsmodels), reported as publication tables.

* ``cooperation``: logit of cooperating now (coop_status = current) among all respondents;
* ``active_partner``: logit of having at least one active partner among cities cooperating now
  (the survey's measure of a partnership that works), with the institutionalisation index;
* ``importance``: ordinal logit (``OrderedModel``) of the importance of China for the city
  (marginal < important < crucial) among cities cooperating now, with the institutionalisation index.

Predictors, in this order: log population, the institutionalisation index where defined, capital, then every
imported city-level and country-level covariate that is present for at least 90% of the model's
sample and varies. Complete cases only. At most one predictor per five cases of the rarer outcome
(events per variable ≥ 5); predictors beyond that are dropped from the end of the list, and the
table says which. Standard errors are heteroskedasticity-robust HC1: the sandwich (HC0) times
n/(n − k), k the number of parameters. statsmodels' ``cov_type="HC1"`` for maximum-likelihood models
(Logit, OrderedModel) silently returns HC0, so :func:`_hc1` applies the factor (tested against the
closed form of a saturated logit in tests/analysis/test_fit_models.py). Average marginal effects are
statsmodels' ``get_margeff(at="overall")`` for the logits; for the ordinal model, the effect on the
probability of the top category, β_j · mean f(θ_top − x_iβ), with a delta-method SE.
"""
import warnings

import numpy as np
import pandas as pd

from citydip.analysis.dataset import COOP_IMPORTANCE_LEVELS, IMPORTANCE_LEVELS

MIN_PER_PREDICTOR = 5  # predictors beyond one per 5 cases of the rarer outcome are dropped
WARN_PER_PREDICTOR = 10  # below 10 events per predictor the summary flags the model (Peduzzi et al. 1996)
GRADIENT_TOLERANCE = 1e-8  # largest absolute score (analytic) at the optimum for an ordinal fit to count
COVERAGE = 0.9
TERM_COLUMNS = ["term", "coef", "se", "z", "p_value", "ame", "ame_se"]


class ModelSkipped(Exception):
    """The data cannot support the model; the message says why (it goes into index.json)."""


def candidate_predictors(data, with_index):
    base = ["log_population", *(["inst_index"] if with_index else []), "is_capital"]
    city = sorted(c for c, m in data.covariates.items() if m["level"] == "city")
    country = sorted(c for c, m in data.covariates.items() if m["level"] == "country")
    return base + city + country


def usable(frame, outcome, candidates, min_outcome_class):
    """(complete-case frame, predictors kept, predictors dropped with reason).

    ``frame`` must hold cases with the outcome observed or not; rows without the outcome are dropped
    before coverage is computed. Variation and separation are checked on the complete cases the
    model is fitted to (dropping a predictor can add cases, so the check repeats until nothing changes)."""
    frame = frame[frame[outcome].notna()]
    dropped = []
    kept = []
    for column in candidates:
        values = frame[column] if column in frame else pd.Series(np.nan, index=frame.index)
        if values.notna().mean() < COVERAGE:
            dropped.append(f"{column} (missing for more than {1 - COVERAGE:.0%})")
        else:
            kept.append(column)
    changed = True
    while changed:
        changed = False
        sample = frame[[outcome, *kept]].dropna().astype(float)
        for column in kept:
            if sample[column].nunique() < 2:
                reason = "does not vary in the complete cases"
            elif separates(sample[outcome], sample[column]):
                reason = "a value of it predicts the outcome perfectly in the complete cases: separation"
            else:
                continue
            dropped.append(f"{column} ({reason})")
            kept.remove(column)
            changed = True
            break
    sample = frame[[outcome, *kept]].dropna().astype(float)
    allowed = max(0, min_outcome_class(sample[outcome]) // MIN_PER_PREDICTOR)
    dropped += [f"{c} (fewer than {MIN_PER_PREDICTOR} cases of the rarer outcome per predictor)" for c in kept[allowed:]]
    kept = kept[:allowed]
    return frame[[outcome, *kept]].dropna().astype(float), kept, dropped


def separates(outcome, values):
    """True when a two-valued predictor has a value within which the outcome never varies."""
    pairs = pd.DataFrame({"y": outcome, "x": values}).dropna()
    if pairs["x"].nunique() != 2 or pairs["y"].nunique() < 2:
        return False
    return bool((pairs.groupby("x")["y"].nunique() < 2).any())


def _hc1(result):
    """Turn a result fitted with ``cov_type="HC0"`` into HC1 (before any standard error is read)."""
    n, k = result.nobs, len(result.params)
    result._results.cov_params_default = result._results.cov_params_default * n / (n - k)
    result._results.cov_type = "HC1"
    return result


def design_matrix(X):
    """The predictors as a new C-ordered float64 frame: the same numbers in the same memory layout whatever
    frame they were cut from. BLAS and NumPy round differently on a strided view than on a contiguous copy,
    and the view a column selection returns depends on which columns the frame happened to hold."""
    return pd.DataFrame(np.ascontiguousarray(X.to_numpy(dtype=float)), index=X.index, columns=X.columns)


def fit_logit(y, X):
    """Logit with HC1 SEs and average marginal effects; raises ModelSkipped when the fit fails."""
    import statsmodels.api as sm
    from statsmodels.tools.sm_exceptions import PerfectSeparationError

    exog = sm.add_constant(design_matrix(X), has_constant="add")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            result = _hc1(sm.Logit(y.astype(float), exog).fit(method="newton", disp=0, cov_type="HC0", maxiter=100))
        except (np.linalg.LinAlgError, ValueError, PerfectSeparationError) as error:
            raise ModelSkipped(f"not estimated: the logit could not be fitted ({error})") from error
    if not result.mle_retvals.get("converged", False) or not np.all(np.isfinite(result.bse)):
        raise ModelSkipped("not estimated: Newton–Raphson did not converge in 100 iterations "
                           "(quasi-separation or too little data)")
    fitted = result.predict()
    _check_certainty(np.where(y.to_numpy() == 1, fitted, 1 - fitted))
    # discrete change (0 → 1) for 0/1 predictors, derivative for the others
    margins = result.get_margeff(at="overall", method="dydx", dummy=True)
    terms = pd.DataFrame({"term": result.params.index, "coef": result.params.values, "se": result.bse.values,
                          "z": result.tvalues.values, "p_value": result.pvalues.values})
    ame = pd.DataFrame({"term": X.columns, "ame": margins.margeff, "ame_se": margins.margeff_se})
    terms = terms.merge(ame, on="term", how="left")
    stats = {"optimizer": "newton", "n": int(result.nobs), "events": int(y.sum()), "pseudo_r2": float(result.prsquared),
             "llf": float(result.llf), "llnull": float(result.llnull), "aic": float(result.aic)}
    return terms[TERM_COLUMNS], stats


def fit_ordinal(y, X, levels=IMPORTANCE_LEVELS):
    """Ordered logit with HC1 SEs; AME on P(top category) with a delta-method SE."""
    from citydip.analysis.ordered_logit import OrderedLogit

    endog = pd.Series(pd.Categorical(y, categories=list(levels), ordered=True), index=y.index)
    present = [level for level in levels if (endog == level).any()]
    if len(present) < 2:
        raise ModelSkipped("the outcome has fewer than two observed categories")
    endog = pd.Series(pd.Categorical(y, categories=present, ordered=True), index=y.index)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            model = OrderedLogit(endog, design_matrix(X))
            result = _fit_ordinal(model)
        except (np.linalg.LinAlgError, ValueError) as error:
            raise ModelSkipped(f"not estimated: the ordinal model could not be fitted ({error})") from error
    if result is None:
        raise ModelSkipped("not estimated: neither Newton–Raphson nor BFGS reached a maximum (score above "
                           f"{GRADIENT_TOLERANCE:g} or no convergence)")
    if not np.all(np.isfinite(result.bse)):
        raise ModelSkipped("not estimated: the ordinal model gave no finite standard errors (too little data)")
    observed = model.predict(result.params.to_numpy())[np.arange(len(endog)), endog.cat.codes.to_numpy()]
    _check_certainty(observed)
    ame, ame_se = _ordinal_ame(model, result, X)
    terms = pd.DataFrame({"term": result.params.index, "coef": result.params.values, "se": result.bse.values,
                          "z": result.tvalues.values, "p_value": result.pvalues.values})
    terms["ame"] = [ame.get(t, np.nan) for t in terms["term"]]
    terms["ame_se"] = [ame_se.get(t, np.nan) for t in terms["term"]]
    counts = endog.value_counts().to_numpy()
    llnull = float((counts * np.log(counts / counts.sum()))[counts > 0].sum())
    stats = {"optimizer": result.mle_retvals["optimizer"], "top": present[-1], "n": int(result.nobs),
             "events": int((endog == present[-1]).sum()), "pseudo_r2": 1 - result.llf / llnull,
             "llf": float(result.llf), "llnull": llnull, "aic": float(result.aic)}
    return terms[TERM_COLUMNS], stats


CERTAINTY = 1e-9


def _check_certainty(observed):
    """(Quasi-)separation: the optimum lies at infinity, so a converged optimiser has only stopped on a flat
    likelihood. Seen in the fit as cases whose observed outcome is predicted with certainty."""
    certain = int((np.asarray(observed) > 1 - CERTAINTY).sum())
    if certain:
        raise ModelSkipped(f"not estimated: {certain} case(s) predicted with certainty (fitted probability above "
                           f"1 − {CERTAINTY:g}): (quasi-)separation, the maximum likelihood estimate does not exist")


def _fit_ordinal(model):
    """Newton–Raphson from statsmodels' start values; if it does not converge, the stated fallback: BFGS
    from Newton's end point, then Newton–Raphson again from BFGS's end point to full precision.

    The model is :class:`OrderedLogit` (score and Hessian in closed form), so Newton converges
    quadratically; BFGS only brings a fit that Newton's full steps overshoot near the optimum. A fit
    counts only when the last Newton run reports convergence and the largest absolute score is below
    GRADIENT_TOLERANCE. Returns the HC1 result, or None."""
    result = model.fit(method="newton", disp=0, cov_type="HC0", maxiter=100)
    optimizer = "newton"
    if not _converged(model, result):
        if not np.all(np.isfinite(result.params)):
            return None
        bfgs = model.fit(method="bfgs", disp=0, cov_type="HC0", maxiter=5000, gtol=1e-8,
                         start_params=result.params.to_numpy())
        if not np.all(np.isfinite(bfgs.params)):
            return None
        result = model.fit(method="newton", disp=0, cov_type="HC0", maxiter=100, start_params=bfgs.params.to_numpy())
        optimizer = "bfgs+newton"
        if not _converged(model, result):
            return None
    result._results.mle_retvals["optimizer"] = optimizer
    return _hc1(result)


def _converged(model, result):
    return bool(result.mle_retvals.get("converged", False)) and np.all(np.isfinite(result.params)) and \
        np.abs(model.score(result.params.to_numpy())).max() < GRADIENT_TOLERANCE


def _ordinal_ame(model, result, X):
    """AME of each predictor on P(top category) and its delta-method SE.

    The gradient of the AMEs with respect to the parameters is taken by complex step,
    ∂g/∂p_j = Im g(p + ih·e_j) / h with h = 1e-20: exact to machine precision (no difference of two
    nearly equal numbers, unlike a finite difference, whose rounding moved the SE's ninth digit)."""
    k = X.shape[1]
    exog = X.to_numpy(dtype=float)

    binary = [bool(set(np.unique(exog[:, j])) <= {0.0, 1.0}) for j in range(k)]

    def ame(params):
        top = model.transform_threshold_params(params)[-2]
        beta = params[:k]
        eta = top - exog @ beta
        density = np.exp(-eta) / (1 + np.exp(-eta)) ** 2
        effects = beta * density.mean()
        for j in np.flatnonzero(binary):  # discrete change of P(top) from 0 to 1
            one, zero = exog.copy(), exog.copy()
            one[:, j], zero[:, j] = 1.0, 0.0
            effects[j] = np.mean(_logistic(one @ beta - top) - _logistic(zero @ beta - top))
        return effects

    params = result.params.to_numpy()
    value = ame(params)
    step = 1e-20
    gradient = np.column_stack([ame(params + 1j * step * e).imag / step for e in np.eye(len(params))])
    se = np.sqrt(np.diag(gradient @ result.cov_params().to_numpy() @ gradient.T))
    return dict(zip(X.columns, value)), dict(zip(X.columns, se))


def _logistic(x):
    return 1 / (1 + np.exp(-x))


def publication_table(terms, stats):
    """The terms plus rows N and pseudo-R² (McFadden), as printed in a paper."""
    footer = pd.DataFrame([{"term": "N", "coef": stats["n"]}, {"term": "pseudo-R² (McFadden)", "coef": stats["pseudo_r2"]}])
    return pd.concat([terms, footer], ignore_index=True)[TERM_COLUMNS]


def _min_class(y):
    counts = y.value_counts()
    return int(counts.min()) if len(counts) > 1 else 0


MODELS = {
    "cooperation": {"title": "Logit of cooperating now (coop_status = current)", "outcome": "current",
                    "sample": lambda c: c[c["respondent"]], "with_index": False, "kind": "logit"},
    "active_partner": {"title": "Logit of at least one active partner, cities cooperating now",
                       "outcome": "any_active_partner", "sample": lambda c: c[c["respondent"] & (c["current"] == 1)],
                       "with_index": True, "kind": "logit"},
    "importance": {"title": "Ordinal logit of the importance of the cooperation with {partner} (ordered answers, top category last)",
                   "outcome": "importance_level", "sample": lambda c: c[c["respondent"] & (c["current"] == 1)],
                   "with_index": True, "kind": "ordinal"},
}


def importance_item(cities):
    """(column, ordered levels) of the importance question the wave asked: ``importance`` (edition 1,
    marginal < important < crucial) or ``coop_importance`` (edition 2, not at all … very; don't know missing)."""
    if "importance" in cities and cities["importance"].notna().any():
        return "importance", IMPORTANCE_LEVELS
    if "coop_importance" in cities and cities["coop_importance"].notna().any():
        return "coop_importance", COOP_IMPORTANCE_LEVELS
    return "importance", IMPORTANCE_LEVELS


def fit_model(data, name):
    spec = MODELS[name]
    cities = data.cities.copy()
    column, levels = importance_item(cities)
    cities["importance_level"] = cities[column].map({v: i for i, v in enumerate(levels)})
    if spec["with_index"] and "inst_index" not in cities:
        from citydip.analysis.institutionalisation import index

        cities["inst_index"] = index(cities)
    frame = spec["sample"](cities)
    sample, kept, dropped = usable(frame, spec["outcome"], candidate_predictors(data, spec["with_index"]), _min_class)
    if len(sample) >= 10 and _min_class(sample[spec["outcome"]]) == 0:
        raise ModelSkipped(f"the outcome does not vary among the {len(sample)} complete cases")
    if len(sample) < 10 or not kept:
        raise ModelSkipped(f"{len(sample)} complete cases and {len(kept)} usable predictors: too little data")
    y, X = sample[spec["outcome"]], sample[kept]
    if spec["kind"] == "logit":
        terms, stats = fit_logit(y, X)
    else:
        terms, stats = fit_ordinal(y.map(dict(enumerate(levels))), X, levels)
        stats["outcome"] = column
    epv = _min_class(y) / len(kept)
    stats.update({"model": name, "kind": spec["kind"], "outcome": spec["outcome"], "predictors": ", ".join(kept),
                  "dropped": "; ".join(dropped), "events_per_predictor": epv,
                  "warning": (f"events per predictor {epv:.1f} < {WARN_PER_PREDICTOR}: coefficients may be biased "
                              "away from zero" if epv < WARN_PER_PREDICTOR else "")})
    return terms, stats


def run(data, out):
    summaries = []
    for name, spec in MODELS.items():
        try:
            terms, stats = fit_model(data, name)
        except ModelSkipped as reason:
            out.skip(f"regression_{name}", str(reason))
            continue
        note = (f"N = {stats['n']}; McFadden pseudo-R² = {stats['pseudo_r2']:.3f}; HC1 robust SEs; "
                f"converged ({stats['optimizer']}); AME = average marginal effect"
                + ("" if spec["kind"] == "logit" else f" on P({stats['top']})")
                + " (discrete change 0 → 1 for 0/1 predictors)"
                + (f"; dropped: {stats['dropped']}" if stats["dropped"] else "")
                + (f"; WARNING: {stats['warning']}" if stats["warning"] else ""))
        out.table(f"regression_{name}", publication_table(terms, stats), spec["title"], note)
        summaries.append(stats)
    if summaries:
        columns = ["model", "kind", "outcome", "optimizer", "n", "events", "events_per_predictor", "pseudo_r2", "llf",
                   "llnull", "aic", "predictors", "dropped", "warning"]
        out.table("regression_summary", pd.DataFrame(summaries)[columns], "Models: samples and fit",
                  "events: cases of the outcome 1 (logit) or of the top category (ordinal)")

