"""SPSS .sav: labels in the chosen language and user-missing codes, read back by pyreadstat and PSPP."""
import shutil
import subprocess

import pyreadstat
import pytest

from citydip.survey.exports import sav
from citydip.survey.exports.dataset import build_dataset
from tests.reports.study import build_study

pytestmark = pytest.mark.django_db


@pytest.fixture
def sav_file(tmp_path):
    wave, _ = build_study(tmp_path)
    sav.write(build_dataset(wave), tmp_path, "de")
    return tmp_path / "cities.sav"


def test_it_round_trips_variable_and_value_labels(sav_file):
    frame, meta = pyreadstat.read_sav(str(sav_file), user_missing=True)
    assert meta.column_names_to_labels["coop_status"] == "Kooperiert Ihre Stadt mit einer chinesischen Stadt?"
    assert meta.variable_value_labels["coop_status"][1.0] == "Derzeit"
    assert meta.variable_value_labels["bri"][-97.0] == "don't know"
    assert meta.column_names_to_labels["goals_trade"] == "Ziele der Zusammenarbeit: Handel"


def test_it_declares_the_missing_codes_as_user_missing(sav_file):
    frame, meta = pyreadstat.read_sav(str(sav_file), user_missing=True)
    assert {r["lo"] for r in meta.missing_ranges["bri"]} == {-97.0, -98.0, -99.0}
    by_city = frame.set_index("city_id")
    assert by_city.loc["DE001C", "bri"] == -97 and by_city.loc["FR001C", "bri"] == -98
    plain, _ = pyreadstat.read_sav(str(sav_file))  # without user_missing: the codes read as system missing
    assert plain.set_index("city_id")["bri"].isna().sum() == 2


@pytest.mark.skipif(shutil.which("pspp") is None, reason="GNU PSPP is not installed (apt-get install pspp)")
def test_it_opens_in_pspp_with_its_labels(sav_file, tmp_path):
    syntax = tmp_path / "show.sps"
    syntax.write_text(f"GET FILE='{sav_file}'.\nDISPLAY DICTIONARY.\nFREQUENCIES VARIABLES=bri.\n", encoding="utf-8")
    result = subprocess.run(["pspp", "-O", "format=txt", str(syntax)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "Kooperiert Ihre Stadt" in result.stdout
    assert "Derzeit" in result.stdout and "don't know" in result.stdout
    assert "-97" in result.stdout
