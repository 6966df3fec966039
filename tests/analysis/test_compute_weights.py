"""Post-stratification weights against values computed by hand (fixture ``small_frame``)."""
import math

from citydip.analysis import dataset
from citydip.analysis.weights import kish_effective_n, poststratify


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
