"""The report copies the maps of the latest `citydip map build` when it is current, and only then (mapping/reuse.py)."""
import json

import pytest
from django.core.management import call_command

from citydip.core.models import AuditEvent
from citydip.core.provenance import BUILD_ACTION
from citydip.mapping.build import build, map_payloads
from citydip.mapping.reuse import current_build, drawn_from
from tests.mapping.conftest import add_partnership

pytestmark = pytest.mark.django_db


@pytest.fixture
def mapped(map_world, tmp_path):
    call_command("map", "build", "--output", str(tmp_path / "maps"), "--size", "book", "--quiet")
    return tmp_path / "maps"


def state():
    return drawn_from(map_payloads("anonymised"))


def book_files(folder):
    index = json.loads((folder / "index.json").read_text())
    return [index["map"], *(name for f in index["figures"] if f["size"] == "book" for name in f["files"])]


def test_map_build_is_recorded_with_what_it_was_drawn_from(mapped):
    event = AuditEvent.objects.get(action=BUILD_ACTION, detail__kind="maps")
    assert event.detail["output"] == str(mapped.resolve())
    recorded = json.loads((mapped / "index.json").read_text())["provenance"]
    assert recorded["data_sha256"] == event.detail["data_sha256"] == state()["data_sha256"]
    assert set(recorded["files"]) == set(book_files(mapped)) and len(recorded["code"]) == 16


def test_a_current_build_is_copied_with_its_files(mapped, tmp_path):
    assert current_build("anonymised", ("book",), state())[0] == mapped.resolve()
    written = build(tmp_path / "report" / "maps", sizes=("book",), quiet=True, reuse=True)
    assert sorted(written) == sorted([*book_files(mapped), "index.json"])
    for name in book_files(mapped):
        assert (tmp_path / "report" / "maps" / name).read_bytes() == (mapped / name).read_bytes(), name
    copied = json.loads((tmp_path / "report" / "maps" / "index.json").read_text())
    assert copied["figures"] == json.loads((mapped / "index.json").read_text())["figures"]


def test_changed_data_draws_the_maps_again(mapped, map_world, tmp_path):
    add_partnership(map_world["cities"]["Porto"], map_world["places"]["Shanghai"], [("wikidata", {})],
                    kind="sister", year_signed=2001, status="active", areas=["culture"])
    assert current_build("anonymised", ("book",), state()) is None
    build(tmp_path / "report" / "maps", sizes=("book",), quiet=True, reuse=True)
    drawn = json.loads((tmp_path / "report" / "maps" / "index.json").read_text())["provenance"]
    assert drawn["data_sha256"] == state()["data_sha256"] != json.loads((mapped / "index.json").read_text())[
        "provenance"]["data_sha256"]
    html = (tmp_path / "report" / "maps" / "map.html").read_text()
    data = json.loads(html.split('id="citydip-map-data" type="application/json">')[1].split("</script>")[0])
    assert len(data["links"]["rows"]) == 4, "the new tie is on the map"


def test_a_touched_file_draws_the_maps_again(mapped, tmp_path):
    png = next(name for name in book_files(mapped) if name.endswith(".png"))
    (mapped / png).write_bytes(b"edited by hand")
    assert current_build("anonymised", ("book",), state()) is None
    build(tmp_path / "report" / "maps", sizes=("book",), quiet=True, reuse=True)
    assert (tmp_path / "report" / "maps" / png).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_a_build_for_another_audience_or_size_is_not_used(map_world, tmp_path):
    call_command("map", "build", "--output", str(tmp_path / "full"), "--size", "book", "--audience", "full", "--quiet")
    call_command("map", "build", "--output", str(tmp_path / "column"), "--size", "column", "--quiet")
    assert AuditEvent.objects.filter(action=BUILD_ACTION, detail__kind="maps").count() == 2
    assert current_build("anonymised", ("book",), state()) is None
    assert current_build("anonymised", ("column",), state())[0] == (tmp_path / "column").resolve()
