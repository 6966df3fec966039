"""The map's section on a city's page (collected by the frame's city page)."""
from django.test import RequestFactory

from citydip.mapping.city_sections import city_section


def section_for(user, city):
    request = RequestFactory().get("/")
    request.user = user
    return city_section(request, city)


def test_it_gives_the_city_its_map_status_and_a_link(map_world, researcher):
    section = section_for(researcher, map_world["cities"]["Utrecht"])
    assert section["context"]["status"] == "coop_survey" and section["context"]["hidden"] is False
    assert section["context"]["url"] == f"/map/?city={map_world['cities']['Utrecht'].pk}"


def test_it_hides_a_confidential_answer_from_roles_without_survey_access(map_world, coder):
    section = section_for(coder, map_world["cities"]["Utrecht"])
    assert section["context"]["status"] == "coop_open" and section["context"]["hidden"] is True


def test_statuses_match_the_map_for_every_city(map_world, researcher):
    expected = {"Lyon": "coop_survey", "Milano": "coop_open", "Porto": "not_coop", "Gdańsk": "no_answer",
                "Graz": "not_surveyed"}
    assert {name: section_for(researcher, map_world["cities"][name])["context"]["status"]
            for name in expected} == expected


def test_an_outsider_gets_no_section(map_world, outsider):
    assert section_for(outsider, map_world["cities"]["Lyon"]) is None
