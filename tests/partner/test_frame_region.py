"""The frame's region is a parameter too (`--countries`): a non-EU set, the UK and Norway, from GeoNames."""
import csv
import io

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db


def test_a_frame_of_british_and_norwegian_cities(tmp_path):
    out = io.StringIO()
    call_command("frame", "build", "--source", "geonames", "--countries", "GB,NO", "--quiet", stdout=out)
    assert "in the frame from 2 countries" in out.getvalue()
    call_command("frame", "export", "--output", str(tmp_path / "frame.csv"), stdout=out)
    with open(tmp_path / "frame.csv", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert {r["country_iso2"] for r in rows} == {"GB", "NO"}
    names = {r["name"] for r in rows}
    assert {"London", "Manchester", "Oslo", "Bergen"} <= names
    assert all(int(r["population"]) > 50000 for r in rows)
