import csv

import pytest
from django.core.management import CommandError, call_command

from citydip.core.errors import CitydipError
from citydip.frame.export import COLUMNS, export_frame

pytestmark = pytest.mark.django_db


def read_rows(path):
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


def test_it_writes_exactly_the_contract_columns(small_frame, tmp_path):
    out = tmp_path / "frame.csv"
    assert export_frame(out) == 6
    rows = read_rows(out)
    assert rows[0] == ["city_id", "name", "country_iso2", "population", "lat", "lon", "size_class"]
    assert list(COLUMNS) == rows[0]


def test_it_writes_only_cities_in_the_frame_with_their_public_ids(small_frame, tmp_path):
    out = tmp_path / "frame.csv"
    export_frame(out)
    rows = {row[0]: row for row in read_rows(out)[1:]}
    assert set(rows) == {"DE001C", "DE002C", "PL002C", "EL002C", "BE012C", "GN460413"}
    assert rows["DE001C"] == ["DE001C", "Berlin", "DE", "3669491", "52.5174", "13.3951", ">1M"]
    assert rows["EL002C"][2] == "GR" and rows["PL002C"][1] == "Łódź"


def test_the_command_exports_and_reports_the_count(small_frame, tmp_path, capsys):
    out = tmp_path / "frame.csv"
    call_command("frame", "export", "--output", str(out))
    assert capsys.readouterr().out.strip() == f"6 cities written to {out}"
    assert len(read_rows(out)) == 7


def test_an_empty_frame_is_an_error_and_writes_nothing(tmp_path):
    out = tmp_path / "frame.csv"
    with pytest.raises(CitydipError) as caught:
        export_frame(out)
    assert caught.value.code == "FRAME-E009" and not out.exists()


def test_a_missing_output_folder_is_named(small_frame, tmp_path):
    with pytest.raises(CommandError, match="FRAME-E009"):
        call_command("frame", "export", "--output", str(tmp_path / "nowhere" / "frame.csv"))
