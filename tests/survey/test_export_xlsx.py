"""Excel: a sheet per table plus the variables and values with their labels."""
import openpyxl
import pytest

from citydip.survey.exports import xlsx
from citydip.survey.exports.dataset import build_dataset
from tests.reports.study import build_study

pytestmark = pytest.mark.django_db


def test_it_writes_the_tables_and_their_labels(tmp_path):
    wave, _ = build_study(tmp_path)
    xlsx.write(build_dataset(wave), tmp_path, "de")
    book = openpyxl.load_workbook(tmp_path / "survey.xlsx")
    assert book.sheetnames == ["cities", "partners", "variables", "values"]
    header = [c.value for c in book["cities"][1]]
    assert header[:2] == ["city_id", "city_name"] and "goals_trade" in header
    labels = {row[1]: row[3] for row in book["variables"].iter_rows(min_row=2, values_only=True)}
    assert labels["bri"] == "Ist sie mit der Neuen Seidenstraße verbunden?"
    values = {(r[1], r[2]): r[3] for r in book["values"].iter_rows(min_row=2, values_only=True)}
    assert values[("coop_status", "never")] == "Nie"
    assert values[("*", -98)] == "not asked"
