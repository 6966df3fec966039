"""The models against known results: a saturated logit in closed form, an ordinal logit against scipy."""
import math

import numpy as np
import pandas as pd
import pytest
from scipy import optimize, special

from citydip.analysis import dataset
from citydip.analysis.regression import ModelSkipped, fit_logit, fit_model, fit_ordinal, separates


def two_by_two():
    # x = 0: 3 events of 10; x = 1: 7 events of 10
    x = [0] * 10 + [1] * 10
    y = [1] * 3 + [0] * 7 + [1] * 7 + [0] * 3
    return pd.Series(y, dtype=float), pd.DataFrame({"x": x}, dtype=float)


def test_the_logit_of_a_two_by_two_table_has_the_log_odds_ratio_as_slope():
    terms, stats = fit_logit(*two_by_two())
    terms = terms.set_index("term")
    assert terms.loc["const", "coef"] == pytest.approx(math.log(3 / 7), abs=1e-6)
    assert terms.loc["x", "coef"] == pytest.approx(2 * math.log(7 / 3), abs=1e-6)
    # saturated model: HC0 = model-based (Woolf) SE; HC1 multiplies by sqrt(n / (n − k)) = sqrt(20 / 18)
    woolf = math.sqrt(1 / 3 + 1 / 7 + 1 / 7 + 1 / 3)
    assert terms.loc["x", "se"] == pytest.approx(woolf * math.sqrt(20 / 18), abs=1e-5)
    # x is 0/1: the AME is the discrete change P(y | x = 1) − P(y | x = 0) = 0.7 − 0.3 (not the derivative 0.356)
    assert terms.loc["x", "ame"] == pytest.approx(0.4, abs=1e-6)
    assert stats["n"] == 20 and stats["events"] == 10


def test_the_pseudo_r2_is_mcfadden():
    _, stats = fit_logit(*two_by_two())
    llf = 2 * (3 * math.log(0.3) + 7 * math.log(0.7))
    assert stats["llf"] == pytest.approx(llf, abs=1e-6)
    assert stats["pseudo_r2"] == pytest.approx(1 - llf / (20 * math.log(0.5)), abs=1e-6)


def ordinal_data():
    rng = np.random.default_rng(3)
    x = rng.normal(size=120)
    latent = 1.2 * x + rng.logistic(size=120)
    y = pd.Series(np.select([latent < -0.5, latent < 1.0], ["marginal", "important"], "crucial"))
    return y, pd.DataFrame({"x": x})


def hand_written_fit(y, x):
    """Maximum likelihood of the ordered logit by scipy, independent of statsmodels."""
    codes = y.map({"marginal": 0, "important": 1, "crucial": 2}).to_numpy()

    def negative_llf(params):
        beta, t1, t2 = params
        cuts = np.array([-np.inf, t1, t2, np.inf])
        upper, lower = cuts[codes + 1] - beta * x, cuts[codes] - beta * x
        return -np.log(special.expit(upper) - special.expit(lower)).sum()

    return optimize.minimize(negative_llf, [0.0, -1.0, 1.0], method="Nelder-Mead",
                             options={"xatol": 1e-8, "fatol": 1e-10, "maxiter": 5000})


def test_the_ordinal_model_matches_an_independent_maximum_likelihood_fit():
    y, X = ordinal_data()
    terms, stats = fit_ordinal(y, X)
    reference = hand_written_fit(y, X["x"].to_numpy())
    assert terms.set_index("term").loc["x", "coef"] == pytest.approx(reference.x[0], abs=1e-3)
    assert stats["llf"] == pytest.approx(-reference.fun, abs=1e-5)


def test_the_ordinal_ame_is_the_mean_slope_of_the_top_probability():
    y, X = ordinal_data()
    terms, _ = fit_ordinal(y, X)
    row = terms.set_index("term")
    beta, t1, increment = row.loc["x", "coef"], row.loc["marginal/important", "coef"], row.loc["important/crucial", "coef"]
    top = t1 + math.exp(increment)
    h = 1e-5
    slope = (special.expit(beta * (X["x"] + h) - top) - special.expit(beta * (X["x"] - h) - top)) / (2 * h)
    assert row.loc["x", "ame"] == pytest.approx(slope.mean(), abs=1e-6)


def test_a_binary_predictor_that_separates_the_outcome_is_detected():
    assert separates(pd.Series([1, 1, 0, 1]), pd.Series([1, 1, 0, 0]))
    assert not separates(pd.Series([1, 0, 0, 1]), pd.Series([1, 1, 0, 0]))


def test_a_model_without_enough_data_is_skipped_with_a_reason(small_frame):
    with pytest.raises(ModelSkipped, match="too little data"):
        fit_model(dataset.load(), "cooperation")


def test_the_study_models_fit_with_their_predictors(study):
    terms, stats = fit_model(dataset.load(), "importance")
    assert {"log_population", "inst_index"} <= set(terms["term"])
    assert stats["n"] > 30 and 0 < stats["pseudo_r2"] < 1


def test_the_ordinal_standard_errors_are_hc1():
    from statsmodels.miscmodels.ordinal_model import OrderedModel

    y, X = ordinal_data()
    endog = pd.Series(pd.Categorical(y, categories=["marginal", "important", "crucial"], ordered=True))
    hc0 = OrderedModel(endog, X, distr="logit").fit(method="bfgs", disp=0, cov_type="HC0").bse.to_numpy()
    terms, _ = fit_ordinal(y, X)
    assert terms["se"].to_numpy() == pytest.approx(hc0 * math.sqrt(120 / (120 - 3)), rel=1e-4)


def test_the_ordinal_model_follows_the_importance_item_the_wave_asked():
    import pandas as pd

    from citydip.analysis.regression import importance_item

    edition_1 = pd.DataFrame({"importance": ["crucial", None], "coop_importance": [None, None]})
    edition_2 = pd.DataFrame({"importance": [None, None], "coop_importance": ["very", "dont_know"]})
    assert importance_item(edition_1) == ("importance", ("marginal", "important", "crucial"))
    column, levels = importance_item(edition_2)
    assert column == "coop_importance" and levels[0] == "not_at_all" and levels[-1] == "very"
    assert "dont_know" not in levels  # "don't know" is missing, not a level


def test_the_closed_form_score_and_hessian_are_the_derivatives_of_the_likelihood():
    from statsmodels.tools.numdiff import approx_fprime, approx_hess

    from citydip.analysis.ordered_logit import OrderedLogit

    rng = np.random.default_rng(5)
    X = pd.DataFrame({"x": rng.normal(size=150), "z": rng.integers(0, 2, 150).astype(float)})
    latent = 1.2 * X["x"] - 0.7 * X["z"] + rng.logistic(size=150)
    y = pd.Series(pd.Categorical(np.select([latent < -1, latent < 0, latent < 1.5], list("abc"), "d"),
                                 categories=list("abcd"), ordered=True))
    model = OrderedLogit(y, X)
    params = np.array([0.5, -0.3, -0.8, -0.2, 0.3])  # β_x, β_z, θ_1, log(θ_2 − θ_1), log(θ_3 − θ_2)
    assert model.score_obs(params) == pytest.approx(approx_fprime(params, model.loglikeobs, centered=True), abs=1e-7)
    assert model.score(params) == pytest.approx(approx_fprime(params, model.loglike, centered=True), abs=1e-6)
    assert model.hessian(params) == pytest.approx(approx_hess(params, model.loglike), rel=1e-5, abs=1e-4)
    assert not np.allclose(model.hessian(params), model.hessian(params + 0.1))  # it depends on the parameters


def test_the_ordinal_fit_is_the_same_to_the_last_bit_in_a_forked_child_and_whatever_the_frame_held(study):
    """The cause of the two-process difference (docs/reliability.md): the same numbers in another memory
    layout -- here the importance model's predictors cut from a frame that already held the index, as
    it did after another part had added it -- gave other last digits, and a forked child could see
    either layout."""
    from citydip.analysis.institutionalisation import index
    from citydip.core.parallel import run_forked

    data = dataset.load()
    here = fit_model(data, "importance")
    in_children = run_forked([lambda: fit_model(data, "importance")] * 2, workers=2)
    data.cities["inst_index"] = index(data.cities)
    with_the_column = fit_model(data, "importance")
    for terms, stats in [*in_children, with_the_column]:
        assert terms.equals(here[0]) and stats == here[1]
    assert here[1]["optimizer"] == "newton" and len(here[0]) >= 4


def test_the_printed_digits_of_the_ordinal_fit_do_not_depend_on_the_arithmetic(study):
    """Reversing the cases changes every sum's rounding; the estimates and SEs move by far less than the
    sixth significant digit the CSV prints (with finite differences the SEs moved in the eighth, and the
    AME's SE by finite difference in the ninth)."""
    data = dataset.load()
    terms, stats = fit_model(data, "importance")
    data.cities = data.cities.iloc[::-1]
    reversed_terms, reversed_stats = fit_model(data, "importance")
    for column in ("coef", "se", "z", "p_value", "ame", "ame_se"):
        assert reversed_terms[column].to_numpy() == pytest.approx(terms[column].to_numpy(), rel=1e-10, nan_ok=True)
    assert reversed_stats["llf"] == pytest.approx(stats["llf"], rel=1e-12)
