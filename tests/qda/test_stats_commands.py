"""`citydip stats alpha|kappa` against published worked examples (DESIGN.md contract: last line = value)."""
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

FIXTURES = Path(__file__).parent.parent / "fixtures" / "qda"


def last_line(capsys, *args):
    call_command("stats", *args)
    return capsys.readouterr().out.strip().splitlines()[-1]


@pytest.mark.parametrize("level, expected", [
    ("nominal", 0.743), ("ordinal", 0.815), ("interval", 0.849), ("ratio", 0.797)])
def test_it_reproduces_krippendorffs_example_with_missing_values(capsys, level, expected):
    # Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", example C: 4 observers, 12 units.
    value = last_line(capsys, "alpha", str(FIXTURES / "krippendorff_2011.csv"), "--level", level)
    assert round(float(value), 3) == expected


def test_it_reproduces_the_fleiss_example(capsys):
    # Fleiss (1971) as on Wikipedia: 10 subjects, 14 raters, 5 categories -> 0.210.
    assert round(float(last_line(capsys, "kappa", str(FIXTURES / "fleiss_wikipedia.csv"))), 3) == 0.210


def test_it_reproduces_a_cohen_textbook_example_with_labels(capsys):
    # Wikipedia's Cohen's kappa example: 50 proposals, yes/yes 20, yes/no 5, no/yes 10, no/no 15 -> 0.4.
    assert round(float(last_line(capsys, "kappa", str(FIXTURES / "cohen_wikipedia.csv"))), 3) == 0.400


def test_it_reproduces_sas_weighted_kappa_for_the_skin_condition_data(capsys):
    # SAS/STAT PROC FREQ "Agreement Study" (two dermatologists, 88 patients): simple 0.3449,
    # weighted kappa with Cicchetti-Allison (linear) weights 0.5082.
    path = str(FIXTURES / "sas_skin_condition.csv")
    assert round(float(last_line(capsys, "kappa", path)), 4) == 0.3449
    assert round(float(last_line(capsys, "kappa", path, "--weights", "linear")), 4) == 0.5082


def test_cohen_kappa_ignores_units_a_coder_left_empty(tmp_path, capsys):
    matrix = tmp_path / "m.csv"
    matrix.write_text("coder,u1,u2,u3,u4,u5\nA,1,1,2,2,\nB,1,1,2,2,1\n")
    assert float(last_line(capsys, "kappa", str(matrix))) == 1.0


def test_it_rejects_weights_for_more_than_two_coders():
    with pytest.raises(CommandError, match="QDA-E043"):
        call_command("stats", "kappa", str(FIXTURES / "krippendorff_2011.csv"), "--weights", "linear")


def test_it_rejects_labels_for_interval_alpha(tmp_path):
    matrix = tmp_path / "labels.csv"
    matrix.write_text("coder,u1,u2\nA,yes,no\nB,yes,yes\n")
    with pytest.raises(CommandError, match="QDA-E041"):
        call_command("stats", "alpha", str(matrix), "--level", "interval")


def test_it_names_the_line_of_a_row_with_too_many_values(tmp_path):
    matrix = tmp_path / "bad.csv"
    matrix.write_text("coder,u1,u2\nA,1,2\nB,1,2,3\n")
    with pytest.raises(CommandError, match=r"bad.csv · line 3.*QDA-E046"):
        call_command("stats", "alpha", str(matrix))
