"""The codebook: every variable, its question in every language, values, labels and frequencies."""
import csv
import json

import pytest

from citydip.survey.exports import codebook
from citydip.survey.exports.dataset import build_dataset
from tests.reports.study import build_study

pytestmark = pytest.mark.django_db


@pytest.fixture
def book(tmp_path):
    wave, _ = build_study(tmp_path)
    codebook.write(build_dataset(wave), tmp_path, "en", "built for a test", pdf=False)
    return tmp_path


def variable(book, name, table="cities"):
    data = json.loads((book / "codebook.json").read_text())
    return next(v for v in data["variables"] if v["variable"] == name and v["table"] == table)


def test_it_lists_the_question_in_every_language(book):
    assert variable(book, "bri")["label"] == {"en": "Is it linked to the Belt and Road Initiative?",
                                              "de": "Ist sie mit der Neuen Seidenstraße verbunden?"}


def test_it_counts_each_value_and_each_missing_code(book):
    counts = {row["name"]: row["count"] for row in variable(book, "bri")["frequencies"]}
    assert counts == {"yes": 1, "no": 0, "not_asked": 1, "not_answered": 0, "dont_know": 1}
    partners = {row["name"]: row["count"] for row in variable(book, "partner_year", "partners")["frequencies"]}
    assert partners["valid"] == 2 and partners["not_answered"] == 1


def test_it_writes_a_machine_readable_csv_and_an_html_page(book):
    with open(book / "codebook.csv", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert {"label_en", "label_de", "value_label_de"} <= set(rows[0])
    assert any(r["variable"] == "goals_trade" and r["value"] == "1" and r["count"] == "1" for r in rows)
    html = (book / "codebook.html").read_text()
    assert "not asked" in html
    assert "built for a test" in html and "Ziele der Zusammenarbeit" in html
