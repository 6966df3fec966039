"""Accuracy of the matcher on a labelled CSV (columns name, expected_place_id, expected_status, kind).

A row is correct when the expected place is returned, with status ``ambiguous`` where a homonym was
expected, ``matched`` or ``ambiguous`` where a single place was expected (the place is right; the
status only asks for a second look), and ``unmatched`` (no place) where no PRC place exists.
"""
import csv
from collections import Counter

from citydip.gazetteer.match import match_name


def is_correct(result, expected_place_id, expected_status):
    if expected_status == "unmatched":
        return result.status == "unmatched"
    if expected_status == "ambiguous":
        return result.status == "ambiguous" and result.place_id == expected_place_id
    return result.status in ("matched", "ambiguous") and result.place_id == expected_place_id


def evaluate(path):
    with open(path, encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    wrong, by_kind, prc_for_foreign = [], Counter(), 0
    for row in rows:
        result = match_name(row["name"])
        ok = is_correct(result, row["expected_place_id"], row["expected_status"])
        by_kind[(row["kind"], ok)] += 1
        if not ok:
            wrong.append((row["name"], row["expected_place_id"], result.place_id, result.status))
        if row["expected_status"] == "unmatched" and result.place_id:
            prc_for_foreign += 1
    correct = len(rows) - len(wrong)
    return {"total": len(rows), "correct": correct, "accuracy": correct / len(rows) if rows else 0.0,
            "wrong": wrong, "prc_for_foreign": prc_for_foreign, "by_kind": by_kind}
