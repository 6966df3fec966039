"""The cross-case matrix (survey columns filled from the answers) and the crisp-set calibration."""
import csv
import io

import pytest
from openpyxl import load_workbook

from citydip.cases import comparison, crisp
from citydip.core.errors import CitydipError


def test_the_matrix_has_survey_covariate_and_code_columns_filled(study):
    matrix = comparison.build()
    rows = {row["city_id"]: row for row in matrix.rows}
    assert set(rows) == {"DE001C", "PL001C"}
    essen, lodz = rows["DE001C"], rows["PL001C"]
    # the current wave (wave 2) for Essen: coop_status past; Lodz answered only wave 1, so nothing current
    assert (essen["coop_status"], essen["bri"], essen["goals"], essen["n_partners"]) == ("past", "no", "trade", 1)
    assert lodz["coop_status"] == ""
    assert (essen["gdp_per_head"], lodz["gdp_per_head"]) == (41000, 19000)
    # demo: agreement, resolution and the demo interview; plus the fixture's interview for Essen
    assert (essen["code: institutionalisation"], lodz["code: institutionalisation"]) == (4, 3)
    assert essen["code: motives"] == 4 and lodz["code: BRI"] == 1


def test_the_filters_and_the_downloads(study, researcher, client_for):
    client = client_for(researcher)
    page = client.get("/cases/compare/?country=PL").content.decode()
    assert "PL001C" in page and "DE001C" not in page
    text = client.get("/cases/compare/?format=csv").content.decode()
    table = list(csv.DictReader(io.StringIO(text)))
    assert [r["city_id"] for r in table] == ["DE001C", "PL001C"] and table[0]["gdp_per_head"] == "41000"
    book = load_workbook(io.BytesIO(client.get("/cases/compare/?format=xlsx&status=accepted").content))
    assert book.sheetnames == ["cases", "quotes", "about"]
    assert book["cases"].max_row == 3 and book["quotes"].max_row > 1


CONDITIONS = """# a comment
ECON: code.motives / economic >= 2
RICH: covariate.gdp_per_head >= 30000
TRADE: survey.goals = trade
outcome CURRENT: survey.coop_status in current, past"""


def test_the_crisp_set_table_follows_the_calibration(study):
    table = crisp.calibrate(crisp.parse(CONDITIONS))
    members = {row["city_id"]: row["member"] for row in table.rows}
    # Essen: 'motives / economic' in three passages (agreement, press, demo interview) -> 3 >= 2; GDP 41000 >= 30000;
    # goals contains trade; coop_status past is in {current, past}
    assert members["DE001C"] == {"ECON": 1, "RICH": 1, "TRADE": 1, "CURRENT": 1}
    # Lodz: the same three demo passages -> 1; GDP 19000 < 30000 -> 0; no answer in the current wave -> missing
    assert members["PL001C"] == {"ECON": 1, "RICH": 0, "TRADE": None, "CURRENT": None}
    assert [(row["config"], row["cases"], row["positive"]) for row in table.truth] == [((1, 1, 1), ["Essen"], 1)]
    text = crisp.to_csv(table)
    assert "# RICH: covariate.gdp_per_head >= 30000" in text and "PL001C,Lodz,1,0,," in text


@pytest.mark.parametrize("line, code", [
    ("ECON code.motives >= 1", "CASES-E002"),
    ("X: survey.no_such_question = 1", "CASES-E003"),
    ("X: code.no such code >= 1", "CASES-E005"),
])
def test_a_bad_condition_is_reported_with_its_line(study, line, code):
    with pytest.raises(CitydipError) as error:
        crisp.parse("A: code.BRI >= 1\n" + line)
    assert error.value.code == code and error.value.location["line"] == 2


def test_the_qca_page_shows_the_membership_and_an_error_on_the_form(study, researcher, client_for):
    client = client_for(researcher)
    page = client.get("/cases/qca/", {"conditions": CONDITIONS}).content.decode()
    assert "Truth table" in page and "covariate.gdp_per_head &gt;= 30000" in page
    assert "obstacles / political risk" in page and "inst_office_china" in page  # the names a condition may use
    bad = client.get("/cases/qca/", {"conditions": "nonsense"})
    assert bad.status_code == 400 and "CASES-E002" in bad.content.decode()
    assert client.get("/cases/qca/", {"conditions": CONDITIONS, "format": "csv"})["Content-Type"].startswith("text/csv")
