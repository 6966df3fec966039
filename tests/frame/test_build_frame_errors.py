"""Broken CSV files stop the build with an error naming file, line and field; nothing is stored."""
import pytest
from django.core.management import CommandError, call_command

from citydip.core.countries import EU27
from citydip.core.errors import CitydipError
from citydip.frame.importers import urau
from citydip.frame.models import City, FrameVersion
from tests.frame.conftest import build_from, fixture

pytestmark = pytest.mark.django_db

BROKEN = [
    ("broken_missing_column.csv", "FRAME-E002", 1, "population"),
    ("broken_number.csv", "FRAME-E003", 3, "population"),
    ("broken_country.csv", "FRAME-E004", 3, "country_iso2"),
    ("broken_duplicate.csv", "FRAME-E005", 4, "urau_code"),
    ("broken_latitude.csv", "FRAME-E007", 2, "lat"),
    ("broken_coordinates_text.csv", "FRAME-E003", 3, "lat"),
    ("broken_no_code.csv", "FRAME-E006", 3, "urau_code"),
]


def snapshot():
    return list(City.objects.order_by("pk").values()), list(FrameVersion.objects.values_list("pk", flat=True))


@pytest.mark.parametrize("name,code,line,field", BROKEN)
def test_it_rejects_a_broken_csv_naming_file_line_and_field(name, code, line, field):
    with pytest.raises(CitydipError) as caught:
        build_from(name)
    error = caught.value
    assert error.code == code
    assert error.location == {"file": name, "line": line, "field": field}
    assert str(error).startswith(f"[{name} · line {line} · {field}]")


@pytest.mark.parametrize("name", [b[0] for b in BROKEN])
def test_a_broken_csv_leaves_the_database_as_it_was(name):
    build_from("cities_ok.csv")
    before = snapshot()
    with pytest.raises(CitydipError):
        build_from(name)
    assert snapshot() == before


def test_it_reports_every_bad_row_at_once():
    with pytest.raises(CitydipError) as caught:
        build_from("broken_many.csv")
    found = [(e.code, e.location["line"], e.location["field"]) for e in caught.value.errors]
    assert found == [("FRAME-E003", 2, "population"), ("FRAME-E006", 3, "name"),
                     ("FRAME-E004", 4, "country_iso2"), ("FRAME-E003", 4, "population_year")]


def test_it_names_the_first_line_of_a_duplicate_code():
    with pytest.raises(CitydipError) as caught:
        build_from("broken_duplicate.csv")
    assert "first on line 2" in caught.value.message


def test_it_rejects_a_file_that_is_not_utf8(tmp_path):
    path = tmp_path / "cp1250.csv"
    text = fixture("cities_ok.csv").read_text(encoding="utf-8")
    path.write_bytes(text.encode("cp1250"))
    with pytest.raises(CitydipError) as caught:
        urau.read(path, countries=EU27)
    assert caught.value.code == "FRAME-E001" and "UTF-8" in caught.value.message


def test_the_command_prints_one_line_and_fails(tmp_path):
    with pytest.raises(CommandError) as caught:
        call_command("frame", "build", "--source", "urau", "--input", str(fixture("broken_country.csv")),
                     "--quiet")
    assert caught.value.returncode == 1
    assert "broken_country.csv · line 3 · country_iso2" in str(caught.value) and "FRAME-E004" in str(caught.value)
    assert City.objects.count() == 0 and FrameVersion.objects.count() == 0


def test_the_command_needs_an_input_file_for_the_urban_audit():
    with pytest.raises(CommandError, match="FRAME-E008"):
        call_command("frame", "build", "--source", "urau", "--quiet")


def test_the_command_rejects_an_unknown_country_option():
    with pytest.raises(CommandError, match="unknown country code 'ZZ'"):
        call_command("frame", "build", "--source", "urau", "--input", str(fixture("cities_ok.csv")),
                     "--countries", "DE,ZZ", "--quiet")


def test_a_missing_file_is_named():
    with pytest.raises(CitydipError) as caught:
        build_from("no_such_file.csv")
    assert caught.value.code == "FRAME-E001"
