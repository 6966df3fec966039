"""Cronbach's alpha and the institutionalisation index against hand computation."""
import math

import pandas as pd
import pytest

from citydip.analysis.institutionalisation import cronbach_alpha, index


def test_cronbach_alpha_of_a_small_matrix_is_computed_by_hand():
    # item variances 0.25, 1/3, 0.25 (sum 5/6); totals 3, 2, 1, 0 have variance 5/3
    # α = 3/2 · (1 − (5/6)/(5/3)) = 0.75
    assert cronbach_alpha([[1, 1, 1], [1, 1, 0], [1, 0, 0], [0, 0, 0]]) == pytest.approx(0.75)


def test_alpha_is_undefined_for_a_single_item_or_no_variance():
    assert math.isnan(cronbach_alpha([[1], [0]]))
    assert math.isnan(cronbach_alpha([[1, 1], [1, 1]]))


def test_the_index_is_the_share_of_yes_and_needs_all_six_items():
    items = ["inst_agreement", "inst_office_china", "inst_staff", "inst_budget", "inst_chinese_office", "inst_networks"]
    cities = pd.DataFrame([dict.fromkeys(items, 1.0) | {"inst_staff": 0.0, "current": 1.0},
                           dict.fromkeys(items, 1.0) | {"inst_staff": None, "current": 1.0},
                           dict.fromkeys(items, 1.0) | {"current": 0.0}])
    result = index(cities)
    assert result[0] == pytest.approx(5 / 6)
    assert math.isnan(result[1]) and math.isnan(result[2])
