"""`citydip survey export --format csv`: a wide table per city and a long table of partners."""
import csv

import pytest
from django.core.management import call_command

from tests.reports.study import build_study

pytestmark = pytest.mark.django_db


def read(path):
    with open(path, encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture
def exported(tmp_path):
    build_study(tmp_path)
    out = tmp_path / "out"
    call_command("survey", "export", "--format", "csv", "--output", str(out), "--no-codebook")
    return out


def test_it_writes_one_row_per_responding_city(exported):
    rows = read(exported / "cities.csv")
    assert [r["city_id"] for r in rows] == ["DE001C", "FR001C", "PL001C"]


def test_it_keeps_the_three_missing_codes_apart(exported):
    rows = {r["city_id"]: r for r in read(exported / "cities.csv")}
    assert rows["DE001C"]["bri"] == "-97"  # don't know
    assert rows["FR001C"]["bri"] == "-98"  # not asked (coop_status never)
    assert rows["DE001C"]["staff"] == "-99"  # asked, not answered
    assert rows["FR001C"]["future_interest"] == "-97"


def test_it_writes_a_select_multiple_as_original_plus_one_column_per_choice(exported):
    essen = next(r for r in read(exported / "cities.csv") if r["city_id"] == "DE001C")
    assert essen["goals"] == "trade investment"
    assert (essen["goals_trade"], essen["goals_exchange"], essen["goals_investment"]) == ("1", "0", "1")


def test_it_links_the_partners_to_their_city(exported):
    partners = read(exported / "partners.csv")
    assert [(p["city_id"], p["partners_index"], p["partner_name"]) for p in partners] == [
        ("DE001C", "1", "Nanjing"), ("DE001C", "2", "Wuhan"), ("PL001C", "1", "Chengdu")]
    assert partners[1]["partner_year"] == "-99"
    assert partners[0]["partner_areas_culture"] == "1"


def test_it_states_what_it_was_built_from(exported):
    import json

    provenance = json.loads((exported / "PROVENANCE.json").read_text())
    assert len(provenance["database_checksum"]) == 64
    assert provenance["citydip_version"]
    assert "cities.csv" in provenance["files"]


def test_it_refuses_an_unknown_language(tmp_path):
    from django.core.management.base import CommandError

    build_study(tmp_path)
    with pytest.raises(CommandError, match="EXPORT-E004"):
        call_command("survey", "export", "--format", "csv", "--output", str(tmp_path / "o"), "--language", "xx")
