"""Intervals against values computed by hand with the Wilson formula and the linearisation of intervals.py."""
import math

import pytest

from citydip.analysis.intervals import weighted_proportion, wilson


def test_it_gives_the_wilson_interval_of_two_out_of_four():
    # centre (p + z²/2n)/(1 + z²/n) = 0.5; half-width z/(1 + z²/n)·sqrt(p(1−p)/n + z²/4n²) = 0.34996
    low, high = wilson(2, 4)
    assert low == pytest.approx(0.150039, abs=1e-6)
    assert high == pytest.approx(0.849961, abs=1e-6)


def test_it_gives_no_interval_without_cases():
    assert all(math.isnan(v) for v in wilson(0, 0))


def test_the_weighted_share_and_its_linearised_interval_match_the_hand_computation():
    # respondents (y, w, cell): (1, 3, X), (0, 3, X), (1, 1, Y), (0, 1, Z); p = (3 + 1) / 8 = 0.5
    # Y and Z have one respondent each: pooled for the variance (collapsed), so they add variance.
    # u = (y − p)/Σw = ±0.0625; residuals on the cells X, pooled = u (weighted means 0); z = w·e
    # = (0.1875, −0.1875, 0.0625, −0.0625); v = 4/3 · (2·0.1875² + 2·0.0625²) = 0.104167
    # deff = v / (0.25/4) = 5/3; n_eff = 4 / deff = 2.4
    result = weighted_proportion([1, 0, 1, 0], [3, 3, 1, 1], ["X", "X", "Y", "Z"], {"X": 6, "Y": 1, "Z": 1})
    assert result["estimate"] == 0.5
    assert result["se"] == pytest.approx(math.sqrt(0.078125 * 4 / 3))
    assert result["deff"] == pytest.approx(5 / 3) and result["n_eff"] == pytest.approx(2.4)
    assert (result["low"], result["high"]) == pytest.approx(wilson(1.2, 2.4))


def test_a_domain_of_one_respondent_gets_no_standard_error_rather_than_zero():
    result = weighted_proportion([1, 0, 1, 0], [3, 3, 1, 1], ["X", "X", "Y", "Y"], domain=[True, False, False, False])
    assert result["estimate"] == 1.0 and math.isnan(result["se"]) and result["n"] == 1


def test_the_wilson_bounds_are_exactly_zero_and_one_at_the_edges():
    assert wilson(0, 7)[0] == 0.0 and wilson(7, 7)[1] == 1.0
    assert wilson(0, 3.7)[0] == 0.0


def test_a_weighted_share_of_zero_falls_back_to_kish_and_stays_in_range():
    result = weighted_proportion([0, 0, 0], [1, 2, 1], ["X", "X", "X"])
    assert result["estimate"] == 0.0 and result["se"] == 0.0
    assert result["n_eff"] == pytest.approx(16 / 6)
    assert result["low"] == 0.0 and 0 < result["high"] < 1


def test_a_domain_keeps_the_other_respondents_of_its_strata_with_zero_contribution():
    # domain = first two respondents of stratum X (of three); p = (2·1 + 2·0)/4 = 0.5
    # u = d(y − p)/Σdw = (0.125, −0.125, 0); residual on the one cell = u; z = w·u = (0.25, −0.25, 0)
    # v = 3/2 · (0.0625 + 0.0625) = 0.1875 (with replacement, no fpc)
    result = weighted_proportion([1, 0, 1], [2, 2, 2], ["X", "X", "X"], domain=[True, True, False])
    assert result["estimate"] == 0.5
    assert result["se"] == pytest.approx(math.sqrt(0.1875))


def test_raked_share_keeps_unanswered_rows_in_the_design_but_out_of_the_domain():
    import pandas as pd

    from citydip.analysis.intervals import raked_share

    frame = pd.DataFrame({"y": [1, 0, None, 1, 0, 1], "weight": [2, 2, 2, 1, 1, float("nan")],
                          "country": ["DE", "DE", "DE", "FR", "FR", "FR"], "rake_size_class": ["a", "b", "a", "b", "a", "b"]})
    result = raked_share(frame, "y")
    assert result["n"] == 4 and result["estimate"] == pytest.approx(3 / 6)
    same = weighted_proportion([1, 0, 0, 1, 0], [2, 2, 2, 1, 1], frame.loc[:4, ["country", "rake_size_class"]],
                               domain=[True, True, False, True, True])
    assert result["se"] == pytest.approx(same["se"], rel=1e-12)
