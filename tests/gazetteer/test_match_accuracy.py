"""The labelled set: ≥150 names in every kind of spelling, written for citydip (docs/gazetteer.md)."""
import csv

from citydip.gazetteer.accuracy import evaluate

LABELLED = "tests/fixtures/gazetteer/labelled_names.csv"


def test_the_labelled_set_covers_at_least_150_names_and_every_kind_of_spelling():
    with open(LABELLED, encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    kinds = {row["kind"].split(" ")[0] for row in rows}
    assert len(rows) >= 150
    assert {"case", "tone", "apostrophe", "affix", "province", "simplified", "traditional", "historic", "exonym",
            "typo", "homonym", "non-PRC", "Taiwan", "Hong", "Macau"} <= kinds


def test_the_matcher_is_at_least_95_percent_right_and_never_names_a_prc_place_for_a_foreign_name(gazetteer):
    report = evaluate(LABELLED)
    assert report["accuracy"] >= 0.95, report["wrong"]
    assert report["prc_for_foreign"] == 0
