import csv

import pytest
from django.core.management import CommandError, call_command

from citydip.gazetteer.match_file import OUTPUT_COLUMNS


def write(path, text):
    path.write_text(text, encoding="utf-8")
    return path


def test_it_writes_one_row_per_input_row_in_the_same_order(gazetteer, tmp_path):
    source = write(tmp_path / "in.csv", "name,province\nPeking,\nSuzhou,Anhui\nParis,\nSuzhou,\nSichuan Province,\n\"\",\n")
    output = tmp_path / "out.csv"
    call_command("gazetteer", "match", str(source), "--output", str(output))
    with open(output, encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        rows = list(reader)
    assert tuple(reader.fieldnames) == OUTPUT_COLUMNS
    assert [r["name"] for r in rows] == ["Peking", "Suzhou", "Paris", "Suzhou", "Sichuan Province", ""]
    assert [r["status"] for r in rows] == ["matched", "matched", "unmatched", "ambiguous", "matched", "unmatched"]
    assert rows[0]["place_id"] == "1816670" and rows[0]["matched_name"] == "Beijing" and rows[0]["score"] == "100.0"
    assert rows[1]["place_id"] == "1793743" and rows[1]["province"] == "Anhui"
    assert rows[4]["place_id"] == "CN-SC" and rows[4]["level"] == "province"
    assert rows[2]["place_id"] == "" and rows[2]["score"] == ""


def test_it_refuses_a_file_without_a_name_column(gazetteer, tmp_path):
    source = write(tmp_path / "in.csv", "city\nPeking\n")
    with pytest.raises(CommandError) as error:
        call_command("gazetteer", "match", str(source), "--output", str(tmp_path / "out.csv"))
    assert "GAZ-E011" in str(error.value) and "line 1" in str(error.value)
    assert not (tmp_path / "out.csv").exists()
