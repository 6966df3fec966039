import re
import sys
import types

import pytest

from citydip.frame.models import City
from citydip.frame.sections import collect_city_sections


@pytest.fixture
def berlin(small_frame):
    return City.objects.get(urau_code="DE001C")


def test_it_shows_the_facts_of_a_city(berlin, researcher, client_for):
    page = client_for(researcher).get(f"/frame/city/{berlin.pk}/").content.decode()
    assert "<h1>Berlin" in page and "DE001C" in page and "3,669,491" in page and "(2020)" in page
    assert "DE300" in page and "2950159" in page and "Eurostat urb_cpop1" in page


def test_it_flags_a_population_from_geonames(small_frame, researcher, client_for):
    mechelen = City.objects.get(urau_code="BE012C")
    page = client_for(researcher).get(f"/frame/city/{mechelen.pk}/").content.decode()
    assert "from GeoNames" in page and "population_geonames column" in page


def test_an_unknown_city_is_not_found(db, researcher, client_for):
    assert client_for(researcher).get("/frame/city/999999/").status_code == 404


@pytest.fixture
def survey_section(monkeypatch, tmp_path, settings):
    """An app's city_sections module, as another app would ship it, with its template."""
    (tmp_path / "status.html").write_text("<p>Survey status of {{ city.name }}: {{ panel.status }}</p>")
    settings.TEMPLATES = [{**settings.TEMPLATES[0], "DIRS": [*settings.TEMPLATES[0]["DIRS"], tmp_path]}]
    module = types.ModuleType("citydip.survey.city_sections")

    def city_section(request, city):
        if city.country_id != "DE":
            return None
        return {"title": "Survey", "template": "status.html", "context": {"status": "invited"}, "order": 20}

    module.city_section = city_section
    monkeypatch.setitem(sys.modules, "citydip.survey.city_sections", module)
    return module


def test_other_apps_add_sections_to_the_city_page(berlin, survey_section, researcher, client_for):
    page = client_for(researcher).get(f"/frame/city/{berlin.pk}/").content.decode()
    assert re.search(r'<h2 id="section-\d+">Survey</h2>', page) and "Survey status of Berlin: invited" in page


def test_an_app_may_leave_out_its_section(small_frame, survey_section, rf, researcher):
    lodz = City.objects.get(urau_code="PL002C")
    request = rf.get("/")
    request.user = researcher
    assert "Survey" not in [section["title"] for section in collect_city_sections(request, lodz)]
