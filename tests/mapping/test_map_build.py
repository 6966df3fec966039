"""`citydip map build` on the small map world: every file, and figures that are not blank."""
import json

import pytest
from django.core.management import CommandError, call_command
from PIL import Image, ImageStat

from citydip.mapping.figures import FIGURES


@pytest.fixture(scope="module")
def built(tmp_path_factory, django_db_setup, django_db_blocker):
    """Build once for the module, at column width only (the book size is checked on its own below)."""
    from tests.mapping.conftest import build_world

    output = tmp_path_factory.mktemp("maps") / "out"
    with django_db_blocker.unblock():
        from django.db import transaction

        with transaction.atomic():
            build_world()
            call_command("map", "build", "--output", str(output), "--size", "column", "--quiet")
            transaction.set_rollback(True)
    return output


def test_it_writes_the_map_and_every_figure_in_every_format(built):
    for name in FIGURES:
        for fmt in ("png", "svg", "pdf"):
            assert (built / f"{name}_column.{fmt}").stat().st_size > 1000
    index = json.loads((built / "index.json").read_text())
    assert index["audience"] == "anonymised" and len(index["figures"]) == 4


def test_book_figures_are_14_cm_wide_with_larger_type(map_world):
    from citydip.mapping.build import map_payloads
    from citydip.mapping.figures import SIZES, MapFacts, partnerships_by_year

    payloads = map_payloads("anonymised")
    figure = partnerships_by_year(MapFacts(payloads["cities"], payloads["links"], payloads["places"]), SIZES["book"])
    assert abs(figure.get_figwidth() * 2.54 - 14.0) < 0.01
    assert figure.axes[0].xaxis.label.get_fontsize() == 8


@pytest.mark.parametrize("name", list(FIGURES))
def test_the_pngs_are_300_dpi_journal_width_and_not_blank(built, name):
    image = Image.open(built / f"{name}_column.png")
    assert round(image.info["dpi"][0]) == 300
    assert abs(image.width / 300 * 2.54 - 8.5) < 0.1, "8.5 cm wide"
    assert max(ImageStat.Stat(image.convert("L")).stddev) > 10, "an image with real contrast, not an empty canvas"


def test_the_standalone_map_inlines_its_data_and_scripts(built):
    html = (built / "map.html").read_text()
    assert 'id="citydip-map-data"' in html and "new window.Supercluster" in html and "<script src" not in html
    data = json.loads(html.split('id="citydip-map-data" type="application/json">')[1].split("</script>")[0])
    assert data["cities"]["audience"] == "anonymised" and len(data["links"]["rows"]) == 3


def test_the_anonymised_maps_leave_out_the_survey_only_tie_of_a_confidential_city(built):
    svg = (built / "chinese_partner_places_column.svg").read_text()
    assert "Partner places of EU cities in China (3)" in svg, "Chengdu (survey only, confidential) is not drawn"


def test_it_refuses_an_output_that_is_a_file(db, tmp_path):
    target = tmp_path / "taken"
    target.write_text("x")
    with pytest.raises(CommandError, match="MAP-E001"):
        call_command("map", "build", "--output", str(target), "--quiet")


def test_it_refuses_an_empty_frame(db, tmp_path):
    with pytest.raises(CommandError, match="MAP-E002"):
        call_command("map", "build", "--output", str(tmp_path / "out"), "--quiet")


def test_the_standalone_map_opens_from_the_file_system(built, page, artifact_path):
    page.goto((built / "map.html").as_uri())
    page.wait_for_selector("#citydip-map[data-ready='1']", state="attached", timeout=15000)
    assert page.inner_text("[data-count='cities']") == "6" and page.inner_text("[data-count='links']") == "3"
    page.screenshot(path=artifact_path("map-standalone.png"))


def test_figures_drawn_in_two_processes_are_the_ones_drawn_one_after_the_other(map_world, tmp_path, monkeypatch):
    outputs = {}
    for workers in ("1", "2"):
        monkeypatch.setenv("CITYDIP_WORKERS", workers)
        outputs[workers] = tmp_path / workers
        call_command("map", "build", "--output", str(outputs[workers]), "--size", "column", "--quiet")
    one, two = (json.loads((outputs[w] / "index.json").read_text()) for w in ("1", "2"))
    assert one == two and [f["name"] for f in two["figures"]] == list(FIGURES)
    for figure in two["figures"]:
        for name in figure["files"]:
            assert (outputs["1"] / name).read_bytes() == (outputs["2"] / name).read_bytes(), name


def test_drawing_the_maps_leaves_matplotlibs_settings_as_they_were(map_world, tmp_path, monkeypatch):
    import matplotlib.pyplot as plt

    monkeypatch.setenv("CITYDIP_WORKERS", "1")  # drawn in this process
    before = dict(plt.rcParams)
    call_command("map", "build", "--output", str(tmp_path / "maps"), "--quiet")
    assert dict(plt.rcParams) == before, "the analysis figures drawn next in this process keep their type sizes"
