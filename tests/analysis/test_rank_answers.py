"""Rankings, importance and coordination counted by hand; labels read from the wave's XLSForm."""

import pandas as pd

from citydip.analysis import dataset
from citydip.analysis.rankings import coordination, importance, ranking
from citydip.survey.models import Questionnaire, Wave
from tests.analysis import builders


def test_a_ranking_counts_cities_naming_each_choice_among_those_answering():
    table = ranking([["trade", "tourism"], ["trade"], None, ["exchange", "trade", "tourism"]], {"trade": "Trade"})
    assert table[["rank", "choice", "label", "cities"]].values.tolist() == [
        [1, "trade", "Trade", 3], [2, "tourism", "tourism", 2], [3, "exchange", "exchange", 1]]
    assert table["share"].tolist() == [1.0, 2 / 3, 1 / 3] and set(table["answered"]) == {3}


def test_importance_and_coordination_are_shares_of_those_answering():
    current = pd.DataFrame({"importance": ["crucial", "marginal", "marginal", None],
                            "coord_national": [2, 1, None, 0], "coord_region": [0, 0, 0, 0],
                            "coord_eu": [None] * 4, "coord_embassy": [2, 2, 1, 1]})
    assert importance(current)["cities"].tolist() == [2, 0, 1]  # marginal, important, crucial
    table = coordination(current).set_index("item")
    assert table.loc["coord_national", ["answered", "none", "occasional", "regular", "mean_score"]].tolist() == [3, 1 / 3, 1 / 3, 1 / 3, 1.0]
    assert table.loc["coord_eu", "answered"] == 0


def form_with_labels():
    return builders.xlsform([["type", "name", "label::English (en)"], ["select_multiple goal_list", "goals", "Goals"]],
                            [["list_name", "name", "label::English (en)"], ["goal_list", "trade", "Trade and exports"]])


def test_the_labels_come_from_the_form_the_wave_fielded(db):
    form = Questionnaire.objects.create(form_id="f", filename="f.xlsx", content=form_with_labels(), checksum="x")
    wave = Wave.objects.create(name="w", questionnaire=form)
    builders.respond(wave, builders.city("A"), {"coop_status": "current", "goals": ["trade"]})
    data = dataset.load()
    assert data.labels["goals"] == {"trade": "Trade and exports"}
    assert ranking(data.respondents["goals"], data.labels["goals"])["label"].tolist() == ["Trade and exports"]


def test_a_form_that_cannot_be_read_gives_no_labels(db):
    builders.respond(builders.wave(), builders.city("A"), {"coop_status": "never"})
    assert dataset.load().labels == {}
