"""Stata .dta: variable and value labels read by pandas; extended missing values .a/.b/.c."""
import pandas as pd
import pytest

from citydip.survey.exports import dta
from citydip.survey.exports.dataset import build_dataset
from tests.reports.study import build_study

pytestmark = pytest.mark.django_db


@pytest.fixture
def dta_file(tmp_path):
    wave, _ = build_study(tmp_path)
    dta.write(build_dataset(wave), tmp_path, "en")
    return tmp_path / "cities.dta"


def test_it_round_trips_variable_labels(dta_file):
    with pd.io.stata.StataReader(dta_file) as reader:
        labels = reader.variable_labels()
    assert labels["coop_status"] == "Does your city cooperate with a Chinese city?"
    assert labels["goals_investment"] == "Goals of the cooperation: Investment"


def test_it_round_trips_value_labels(dta_file):
    frame = pd.read_stata(dta_file)  # labelled values become categories; missing values become NaN
    by_city = frame.set_index("city_id")
    assert by_city.loc["DE001C", "coop_status"] == "Current"
    assert by_city.loc["FR001C", "coop_status"] == "Never"
    with pd.io.stata.StataReader(dta_file) as reader:
        value_labels = reader.value_labels()
    coop = next(labels for name, labels in value_labels.items() if name.startswith("coop_status"))
    assert coop[1] == "Current"


def test_it_keeps_the_missing_codes_as_extended_missing_values(dta_file):
    frame = pd.read_stata(dta_file, convert_missing=True, convert_categoricals=False).set_index("city_id")
    assert str(frame.loc["DE001C", "bri"]) == ".c"  # don't know
    assert str(frame.loc["FR001C", "bri"]) == ".a"  # not asked
    assert str(frame.loc["DE001C", "staff"]) == ".b"  # not answered
    assert frame.loc["PL001C", "staff"] == 2
