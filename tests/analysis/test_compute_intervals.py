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
    # respondents (y, w, cell): (1, 3, X), (0, 3, X), (1, 1, Y), (0, 1, Z); frame N_X = 6
    # p = (3 + 1) / 8 = 0.5; z = w(y − p)/Σw = ±0.1875 in X; singletons Y, Z add nothing
    # v = (1 − 2/6) · 2/1 · 2·0.1875² = 0.09375; n_eff = 0.25 / 0.09375 = 2.667
    result = weighted_proportion([1, 0, 1, 0], [3, 3, 1, 1], ["X", "X", "Y", "Z"], {"X": 6, "Y": 1, "Z": 1})
    assert result["estimate"] == 0.5
    assert result["se"] == pytest.approx(math.sqrt(0.09375))
    assert result["n_eff"] == pytest.approx(8 / 3)
    assert result["low"] == pytest.approx(0.115859, abs=1e-6)
    assert result["high"] == pytest.approx(0.884141, abs=1e-6)


def test_a_weighted_share_of_zero_falls_back_to_kish_and_stays_in_range():
    result = weighted_proportion([0, 0, 0], [1, 2, 1], ["X", "X", "X"])
    assert result["estimate"] == 0.0 and result["se"] == 0.0
    assert result["n_eff"] == pytest.approx(16 / 6)
    assert result["low"] == 0.0 and 0 < result["high"] < 1


def test_a_domain_keeps_the_other_respondents_of_its_strata_with_zero_contribution():
    # domain = first two respondents of stratum X (of three); p = (2·1 + 2·0)/4 = 0.5
    # z = d·w(y − p)/Σdw = (0.25, −0.25, 0); mean 0; v = 3/2 · (0.0625 + 0.0625) = 0.1875 (no fpc)
    result = weighted_proportion([1, 0, 1], [2, 2, 2], ["X", "X", "X"], domain=[True, True, False])
    assert result["estimate"] == 0.5
    assert result["se"] == pytest.approx(math.sqrt(0.1875))
