"""Post-stratification weights against values computed by hand (fixture ``small_frame``)."""
import math

import pytest

from citydip.analysis import dataset
from citydip.analysis.weights import kish_effective_n, poststratify, rake


def weights_by_city(data):
    weights, cells, table = poststratify(data.cities, data.size_classes)
    return dict(zip(data.cities["name"], weights)), dict(zip(data.cities["name"], cells)), table


def test_it_weights_each_respondent_by_frame_over_respondents_of_its_cell(small_frame):
    weights, cells, _ = weights_by_city(dataset.load())
    # DE 50k–100k absorbs the empty 100k–250k class (tie between neighbours → the smaller): 6 frame / 2 respondents
    assert weights["A1"] == weights["A2"] == 3.0
    assert cells["B1"] == cells["A1"] == "DE|50k–100k+100k–250k"
    assert weights["C1"] == 1.0  # DE 250k–500k: 1 / 1
    assert weights["I1"] == 1.0  # IT: 1 / 1
    assert math.isnan(weights["A3"])  # not a respondent


def test_it_leaves_a_country_without_respondents_unrepresented(small_frame):
    _, cells, table = weights_by_city(dataset.load())
    assert all(not isinstance(cells[name], str) for name in ("F1", "F2", "F3"))
    assert not table[table["country"] == "FR"]["represented"].any()
    assert table[table["country"] == "DE"]["represented"].all()


def test_the_weights_add_up_to_the_represented_frame(small_frame):
    data = dataset.load()
    weights, _, _ = poststratify(data.cities, data.size_classes)
    assert weights.sum() == 8.0  # 7 DE cities + 1 IT city; FR is not represented


def test_kish_effective_sample_size_is_computed_by_hand():
    # (3 + 3 + 1 + 1)² / (9 + 9 + 1 + 1) = 64 / 20
    assert kish_effective_n([3, 3, 1, 1]) == 3.2


def test_raking_matches_every_country_and_size_class_count_of_the_represented_frame(small_frame):
    # represented frame: DE (7) and IT (1). Size classes: 50k–100k A1–A4 + I1 = 5; 100k–250k B1, B2 = 2
    # (no respondents: joins the nearest class, tie → the smaller, 50k–100k) → 7; 250k–500k C1 = 1.
    # C1 alone in 250k–500k → 1; I1 alone in IT → 1; so A1 + A2 = 6 → 3 each.
    data = dataset.load()
    weights, classes, margins, info = rake(data.cities, data.size_classes)
    by_name = dict(zip(data.cities["name"], weights))
    assert info["converged"] and info["max_error"] < 1e-9
    assert by_name["A1"] == pytest.approx(3) and by_name["A2"] == pytest.approx(3)
    assert by_name["C1"] == pytest.approx(1) and by_name["I1"] == pytest.approx(1)
    assert all(math.isnan(by_name[n]) for n in ("A3", "F1", "F2", "F3"))
    assert dict(zip(data.cities["name"], classes))["B1"] == "50k–100k"
    assert (margins["weighted"] - margins["frame"]).abs().max() < 1e-9
    assert set(margins[margins["margin"] == "country"]["category"]) == {"DE", "IT"}
