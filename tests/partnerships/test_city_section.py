from django.template.loader import render_to_string
from django.test import RequestFactory

from citydip.partnerships.city_sections import city_section
from citydip.partnerships.importer import import_pairs
from citydip.partnerships.models import Evidence, Partnership, disagreements, refresh_facts

PAIRS = "tests/fixtures/partnerships/pairs_small.csv"


def render(city):
    section = city_section(RequestFactory().get("/"), city)
    return section, render_to_string(section["template"], {"panel": section["context"]})


def test_the_section_lists_partnerships_with_kind_year_and_evidence(gazetteer, frame):
    import_pairs(PAIRS, "test")
    section, html = render(frame["Hamburg"])
    assert section["title"] and section["order"] == 20
    assert "Shanghai" in html and "sister city" in html and "1986" in html and "test#hamburg-shanghai" in html


def test_disagreeing_sources_keep_both_facts_and_the_page_shows_them(gazetteer, frame):
    import_pairs(PAIRS, "test")
    partnership = Partnership.objects.get(city=frame["Hamburg"], place__place_id="1796236")
    Evidence.objects.create(partnership=partnership, source="survey", reference="survey response 1",
                            kind="friendship", year_signed=1989, status="active")
    refresh_facts(partnership)
    assert disagreements(partnership)["year_signed"] == {"import: test": 1986, "survey": 1989}
    assert partnership.year_signed == 1989  # the survey is preferred for the summary
    assert partnership.evidence.count() == 2
    _, html = render(frame["Hamburg"])
    assert "sources disagree" in html and "1986" in html and "1989" in html


def test_a_region_tie_of_the_city_is_mentioned_but_not_counted(gazetteer, frame):
    import_pairs(PAIRS, "test")
    _, html = render(frame["Wien"])
    assert "Chengdu" in html and "not counted" not in html
