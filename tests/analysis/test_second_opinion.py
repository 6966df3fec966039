"""A second opinion on every estimator: the same number from an independent, well-kept implementation.

samplics (raking, post-stratification, Taylor-linearised variance), statsmodels (WLS residuals, other
optimisers), scipy (Wilson), pingouin (Cronbach's alpha) and a delete-one jackknife that re-rakes each
replicate with samplics. The AAPOR rates are checked against the published formulas in
tests/fieldwork/test_show_dashboard.py. Tolerances are stated at each assertion: 1e-8 where the two
implementations compute the same formula, looser where they are different estimators of one quantity.
"""
import math
import warnings

import numpy as np
import pandas as pd
import pytest
import statsmodels.api as sm

from citydip.analysis.intervals import weighted_proportion, wilson
from citydip.analysis.weights import poststratify, rake

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # samplics announces on import that it is archived (see pyproject.toml)
    import samplics.estimation as samplics_estimation
    import samplics.weighting as samplics_weighting
    from samplics.utils.types import PopParam

SIZE_CLASSES = ["50k–100k", "100k–250k", "250k–500k"]


def frame(seed=5, n=240):
    """A frame of ``n`` cities in five countries and three size classes; MT has one city (one respondent)."""
    rng = np.random.default_rng(seed)
    countries = rng.choice(["DE", "FR", "IT", "PL"], n - 1, p=[0.4, 0.3, 0.2, 0.1]).tolist() + ["MT"]
    sizes = rng.choice(SIZE_CLASSES, n, p=[0.55, 0.35, 0.10])
    cities = pd.DataFrame({"country": countries, "size_class": sizes})
    big = (cities["size_class"] != "50k–100k").to_numpy()
    cities["respondent"] = rng.random(n) < np.where(big, 0.65, 0.4)
    cities.loc[n - 1, "respondent"] = True
    cities["y"] = (rng.random(n) < np.where(big, 0.6, 0.3)).astype(float)
    return cities


def samplics_rake(cities):
    sample = cities[cities["respondent"]]
    control = {"country": cities["country"].value_counts().to_dict(),
               "size_class": cities["size_class"].value_counts().to_dict()}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return samplics_weighting.SampleWeight().rake(
            samp_weight=np.ones(len(sample)), margins={"country": sample["country"].to_numpy(),
                                                       "size_class": sample["size_class"].to_numpy()},
            control=control, tol=1e-13, max_iter=5000)


def test_raked_weights_agree_with_samplics_and_match_every_margin():
    cities = frame()
    ours, _, margins, info = rake(cities, SIZE_CLASSES)
    theirs = samplics_rake(cities)
    assert info["converged"]
    assert np.allclose(ours.dropna().to_numpy(), theirs, atol=1e-8)  # tolerance 1e-8 (both iterate to 1e-9 or better)
    assert (margins["weighted"] - margins["frame"]).abs().max() < 1e-9


def test_post_stratified_weights_agree_with_samplics():
    cities = frame()
    ours, cells, _ = poststratify(cities, SIZE_CLASSES)
    sample = cities["respondent"]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        theirs = samplics_weighting.SampleWeight().poststratify(
            samp_weight=np.ones(int(sample.sum())), control=cells.value_counts().to_dict(),
            domain=cells[sample].to_numpy())
    assert np.allclose(ours[sample].to_numpy(), theirs, atol=1e-10)


def _calibrated_se(y, w, X, domain):
    """The calibration-residual SE computed independently: statsmodels WLS residuals, samplics' variance of a total."""
    d = np.asarray(domain, dtype=float)
    p = (w * d * y).sum() / (w * d).sum()
    u = d * (y - p) / (w * d).sum()
    residuals = sm.WLS(u, X, weights=w).fit().resid
    estimator = samplics_estimation.TaylorEstimator(PopParam.total)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        estimator.estimate(y=np.asarray(residuals), samp_weight=w)
    return p, math.sqrt(estimator.variance)


def _indicators(labels):
    return pd.get_dummies(pd.Series(labels), dtype=float).to_numpy()


def _collapsed(labels):
    """The documented rule written out again: categories with one respondent are pooled; a pool of one
    respondent joins the largest category."""
    counts = pd.Series(labels).value_counts()
    pooled = ["pool" if counts[v] < 2 else v for v in labels]
    if pooled.count("pool") == 1:
        pooled = [counts.idxmax() if v == "pool" else v for v in pooled]
    return np.array(pooled, dtype=object)


@pytest.mark.parametrize("domain_of", [None, ("size_class", "100k–250k"), ("country", "IT")])
def test_raked_shares_and_standard_errors_agree_with_statsmodels_and_samplics(domain_of):
    cities = frame()
    weights, _, _, _ = rake(cities, SIZE_CLASSES)
    sample = cities[cities["respondent"]].assign(weight=weights.dropna())
    assert (sample["country"] == "MT").sum() == 1  # a singleton margin category: pooled for the variance
    domain = np.ones(len(sample), bool) if domain_of is None else (sample[domain_of[0]] == domain_of[1]).to_numpy()
    ours = weighted_proportion(sample["y"], sample["weight"], sample[["country", "size_class"]], domain=domain)
    X = np.hstack([_indicators(_collapsed(sample["country"].to_numpy())), _indicators(sample["size_class"].to_numpy())])
    p, se = _calibrated_se(sample["y"].to_numpy(), sample["weight"].to_numpy(), X, domain)
    assert ours["estimate"] == pytest.approx(p, abs=1e-12)
    assert ours["se"] == pytest.approx(se, rel=1e-8)  # same formula, two implementations
    assert ours["deff"] == pytest.approx(se ** 2 / (p * (1 - p) / domain.sum()), rel=1e-8)


def test_the_linearised_se_of_a_raked_share_agrees_with_a_re_raking_jackknife():
    """Different estimators of one variance: delete-one jackknife, each replicate re-raked by samplics (within 10%)."""
    cities = frame(seed=11, n=200)
    cities = cities[cities["country"] != "MT"].reset_index(drop=True)  # the jackknife cannot drop a lone respondent
    weights, _, _, _ = rake(cities, SIZE_CLASSES)
    sample = cities[cities["respondent"]].assign(weight=weights.dropna())
    ours = weighted_proportion(sample["y"], sample["weight"], sample[["country", "size_class"]])
    replicates = []
    for drop in sample.index:
        kept = cities.drop(index=drop)
        w = samplics_rake(kept.assign(respondent=kept["respondent"]))
        y = kept.loc[kept["respondent"], "y"].to_numpy()
        replicates.append((w * y).sum() / w.sum())
    n = len(replicates)
    jackknife = math.sqrt((n - 1) / n * ((np.array(replicates) - np.mean(replicates)) ** 2).sum())
    assert ours["se"] == pytest.approx(jackknife, rel=0.10)


def test_post_stratified_shares_with_singleton_cells_get_a_positive_se_from_the_collapse_rule():
    cities = frame()
    weights, cells, _ = poststratify(cities, SIZE_CLASSES)
    sample = cities[cities["respondent"]].assign(weight=weights.dropna(), cell=cells[cities["respondent"]])
    assert (sample["cell"].value_counts() == 1).any()
    ours = weighted_proportion(sample["y"], sample["weight"], sample["cell"].to_numpy())
    p, se = _calibrated_se(sample["y"].to_numpy(), sample["weight"].to_numpy(),
                           _indicators(_collapsed(sample["cell"].to_numpy())), np.ones(len(sample), bool))
    assert ours["se"] == pytest.approx(se, rel=1e-8) and ours["se"] > 0


@pytest.mark.parametrize("k,n", [(0, 7), (3, 10), (10, 10), (1, 1), (17, 351)])
def test_wilson_agrees_with_scipy(k, n):
    from scipy.stats import binomtest

    interval = binomtest(k, n).proportion_ci(confidence_level=0.95, method="wilson")
    low, high = wilson(k, n)
    assert low == pytest.approx(interval.low, abs=1e-12) and high == pytest.approx(interval.high, abs=1e-12)
    assert (low == 0.0) == (k == 0) and (high == 1.0) == (k == n)  # exactly 0 / 1 at the edges


def test_cronbachs_alpha_agrees_with_pingouin():
    import pingouin

    from citydip.analysis.institutionalisation import cronbach_alpha

    rng = np.random.default_rng(2)
    trait = rng.normal(size=150)
    items = pd.DataFrame({f"i{j}": (trait + rng.normal(size=150) > 0).astype(float) for j in range(6)})
    theirs, _ = pingouin.cronbach_alpha(data=items)
    assert cronbach_alpha(items) == pytest.approx(theirs, abs=1e-12)


def _logit_data(seed=4, n=300):
    rng = np.random.default_rng(seed)
    X = pd.DataFrame({"size": rng.normal(size=n), "capital": (rng.random(n) < 0.3).astype(float)})
    eta = -0.3 + 0.8 * X["size"] - 0.9 * X["capital"]
    return pd.Series((rng.random(n) < 1 / (1 + np.exp(-eta))).astype(float)), X


def test_the_logit_agrees_with_statsmodels_bfgs_a_sandwich_by_hand_and_discrete_changes():
    from citydip.analysis.regression import fit_logit

    y, X = _logit_data()
    terms, stats = fit_logit(y, X)
    terms = terms.set_index("term")
    exog = sm.add_constant(X)
    other = sm.Logit(y, exog).fit(method="bfgs", disp=0, maxiter=2000, gtol=1e-10)
    assert np.allclose(terms.loc[other.params.index, "coef"], other.params, atol=1e-5)  # optimiser tolerance
    # HC1 by hand: H⁻¹ (Σ s_i s_iᵀ) H⁻¹ · n/(n − k)
    p = other.predict(exog).to_numpy()
    scores = exog.to_numpy() * (y.to_numpy() - p)[:, None]
    bread = np.linalg.inv(exog.to_numpy().T @ (exog.to_numpy() * (p * (1 - p))[:, None]))
    cov = bread @ scores.T @ scores @ bread * len(y) / (len(y) - exog.shape[1])
    assert np.allclose(terms.loc[other.params.index, "se"], np.sqrt(np.diag(cov)), rtol=1e-4)
    # AME of the 0/1 predictor: mean P(x = 1) − P(x = 0); of the continuous one: mean β p(1 − p)
    one, zero = exog.assign(capital=1.0), exog.assign(capital=0.0)
    assert terms.loc["capital", "ame"] == pytest.approx((other.predict(one) - other.predict(zero)).mean(), abs=1e-5)
    assert terms.loc["size", "ame"] == pytest.approx((other.params["size"] * p * (1 - p)).mean(), abs=1e-5)


def _ordinal_data(seed=8, n=400):
    rng = np.random.default_rng(seed)
    X = pd.DataFrame({"size": rng.normal(size=n), "airport": (rng.random(n) < 0.4).astype(float)})
    latent = 0.7 * X["size"] + 0.5 * X["airport"] + rng.logistic(size=n)
    y = pd.Series(np.select([latent < -0.5, latent < 1.0], ["marginal", "important"], "crucial"))
    return y, X


def test_the_ordinal_model_agrees_with_statsmodels_nelder_mead_then_bfgs():
    from statsmodels.miscmodels.ordinal_model import OrderedModel

    from citydip.analysis.regression import fit_ordinal

    y, X = _ordinal_data()
    terms, stats = fit_ordinal(y, X)
    terms = terms.set_index("term")
    endog = pd.Series(pd.Categorical(y, categories=["marginal", "important", "crucial"], ordered=True))
    model = OrderedModel(endog, X, distr="logit")
    start = model.fit(method="nm", disp=0, maxiter=20000).params
    other = model.fit(method="bfgs", disp=0, maxiter=5000, gtol=1e-10, start_params=start)
    assert np.allclose(terms.loc[other.params.index, "coef"], other.params, atol=1e-5)
    assert stats["optimizer"] == "newton"
    # discrete change of P(crucial) for the 0/1 predictor, from the other fit's predictions
    one, zero = model.predict(other.params, exog=X.assign(airport=1.0)), model.predict(other.params, exog=X.assign(airport=0.0))
    assert terms.loc["airport", "ame"] == pytest.approx((one[:, 2] - zero[:, 2]).mean(), abs=1e-5)


def test_a_model_that_cannot_converge_is_reported_as_not_estimated():
    from citydip.analysis.regression import ModelSkipped, fit_logit, fit_ordinal

    y, X = _logit_data(n=60)
    X = X.assign(leak=(y + np.linspace(0, 0.5, len(y))))  # quasi-complete separation by a continuous predictor
    with pytest.raises(ModelSkipped, match="not estimated"):
        fit_logit(y, X)
    yo, Xo = _ordinal_data(n=80)
    Xo = Xo.assign(leak=yo.map({"marginal": 0.0, "important": 1.0, "crucial": 2.0}) + np.linspace(0, 0.5, len(yo)))
    with pytest.raises(ModelSkipped, match="not estimated"):
        fit_ordinal(yo, Xo)


def test_separation_is_checked_on_the_complete_cases_the_model_is_fitted_to():
    from citydip.analysis.regression import usable

    # one capital among the complete cases (the other capital lacks a covariate): the outcome cannot vary
    # within capital = 1 in the fitted sample, so is_capital must go
    frame_ = pd.DataFrame({"y": [0, 1, 0, 1, 0, 1, 1, 0, 1, 0, 1, 0] * 2,
                           "is_capital": [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1] + [0] * 12,
                           "gdp": [1.0] * 11 + [np.nan] + list(np.linspace(0, 2, 12))})
    frame_["gdp"] = frame_["gdp"] + np.arange(24) * 0.01
    _, kept, dropped = usable(frame_, "y", ["is_capital", "gdp"], lambda s: int(s.value_counts().min()))
    assert kept == ["gdp"] and any(d.startswith("is_capital") and "separation" in d for d in dropped)
