"""The study's instrument: the shared variable names, six full translations, skip logic, XForm."""
import xml.etree.ElementTree as ET

import pytest

from citydip.survey.instruments.build_instrument import build
from citydip.survey.xlsform import (
    calculate_all,
    fields,
    is_relevant,
    load_form,
    page_is_relevant,
    to_xform,
    validate_all,
)
from tests.survey.form_fixtures import INSTRUMENT

LANGUAGES = ["en", "de", "es", "fr", "it", "pl"]
YES_NO = ["yes", "no"]
COORDINATION = ["none", "occasional", "regular"]
CONTRACT = {  # BRIEF "The study's instrument": name -> (type, choice names or None)
    "coop_status": ("select_one", ["current", "past", "never"]),
    "partner_name": ("text", None),
    "partner_place_id": ("text", None),
    "partner_kind": ("select_one", ["sister", "friendship", "memorandum", "agreement", "informal"]),
    "partner_year": ("integer", None),
    "partner_status": ("select_one", ["active", "dormant", "ended"]),
    "partner_areas": ("select_multiple", ["economy", "education", "culture", "environment", "transport", "health",
                                          "tourism", "science", "other"]),
    "partner_activities": ("text", None),
    "initiator": ("select_one", ["city", "chinese_side", "national_government", "business", "university",
                                 "diaspora", "other"]),
    **dict.fromkeys(("inst_agreement", "inst_office_china", "inst_staff", "inst_budget", "inst_chinese_office", "inst_networks"), ("select_one", YES_NO)),
    "goals": ("select_multiple", None),
    "benefits": ("select_multiple", None),
    "obstacles": ("select_multiple", None),
    "importance": ("select_one", ["crucial", "important", "marginal"]),
    **dict.fromkeys(("coord_national", "coord_region", "coord_eu", "coord_embassy"), ("select_one", COORDINATION)),
    "bri": ("select_one", ["yes", "no", "dont_know"]),
    "change_2020": ("select_one", ["increased", "same", "decreased"]),
    "followup_consent": ("select_one", YES_NO),
    "past_contacts": ("select_one", YES_NO),
    "no_coop_reasons": ("select_multiple", None),
    "future_interest": ("select_one", ["yes", "maybe", "no"]),
    "other_asian_partners": ("select_multiple", None),
    "willing_contact": ("select_one", YES_NO),
    "publish_city_name": ("select_one", YES_NO),
    "respondent_office": ("text", None),
    "comments": ("text", None),
}
CURRENT = {
    "coop_status": "current",
    "partners": [{"partner_name": "Chengdu", "partner_kind": "sister", "partner_year": 1999, "partner_status": "active",
                  "partner_areas": ["economy", "culture"]}],
    "initiator": "city", "importance": "important", "goals": ["investment"], "bri": "no", "change_2020": "decreased",
    **dict.fromkeys(("inst_agreement", "inst_office_china", "inst_staff", "inst_budget", "inst_chinese_office", "inst_networks", "followup_consent", "publish_city_name"), "yes"),
    **dict.fromkeys(("coord_national", "coord_region", "coord_eu", "coord_embassy"), "occasional"),
    "respondent_office": "International relations",
}
NEVER = {"coop_status": "never", "past_contacts": "no", "future_interest": "maybe", "willing_contact": "yes",
         "publish_city_name": "no", "respondent_office": "Mayor's office"}


@pytest.fixture(scope="module")
def form():
    return load_form(INSTRUMENT)


def test_the_committed_xlsx_is_what_the_source_builds():
    assert INSTRUMENT.read_bytes() == build(), "run python -m citydip.survey.instruments.build_instrument"


def test_it_has_the_settings_the_study_relies_on(form):
    assert form.form_id == "eu_china_cities" and form.version and form.default_language == "en"
    assert form.languages == LANGUAGES
    assert form.problems == []


@pytest.mark.parametrize("name", sorted(CONTRACT))
def test_it_uses_the_shared_variable_names(form, name):
    kind, choices = CONTRACT[name]
    question = form.node(name)
    assert question.type == kind
    if choices is not None:
        assert [c.name for c in form.choice_list(question)] == choices


def test_partners_is_a_repeat_of_the_partner_questions(form):
    partners = form.node("partners")
    assert partners.type == "repeat"
    assert {q.name for q in partners.children} == {n for n in CONTRACT if n.startswith("partner_")}


def test_every_text_is_translated_into_every_language(form):
    missing = []
    for node in form.walk():
        for texts in (node.label, node.hint, getattr(node, "constraint_message", {})):
            if texts and any(not texts.get(code) for code in LANGUAGES):
                missing.append(node.name)
    for list_name, choices in form.choices.items():
        missing += [f"{list_name}.{c.name}" for c in choices if any(not c.label.get(code) for code in LANGUAGES)]
    assert missing == []


def test_the_translations_are_not_english_copies(form):
    labels = [q.label for q in form.questions() if q.label]
    for code in LANGUAGES[1:]:
        assert sum(label[code] == label["en"] for label in labels) == 0, code


def shown(form, answers):
    return [question.name for page in form.pages() if page_is_relevant(form, page, answers)
            for question, path in fields(page.nodes, answers)
            if question.is_input and is_relevant(form, question, answers, path)]


def test_cooperating_cities_get_the_long_branch(form):
    asked = shown(form, CURRENT)
    assert 18 <= len(asked) - len(form.node("partners").children) <= 24
    assert "initiator" in asked and "partner_year" in asked and "past_contacts" not in asked


@pytest.mark.parametrize("status", ["past", "never"])
def test_other_cities_get_the_short_branch(form, status):
    asked = shown(form, {**NEVER, "coop_status": status})
    assert 6 <= len(asked) <= 9
    assert "no_coop_reasons" in asked and "initiator" not in asked and "partner_name" not in asked


@pytest.mark.parametrize("answers", [CURRENT, NEVER], ids=["current", "never"])
def test_a_full_answer_of_either_branch_is_valid(form, answers):
    assert validate_all(form, calculate_all(form, dict(answers))) == {}


@pytest.mark.parametrize("year, ok", [(1948, False), (1949, True), (2024, True), (2999, False)])
def test_partner_year_lies_between_1949_and_this_year(form, year, ok):
    answers = {**CURRENT, "partners": [{**CURRENT["partners"][0], "partner_year": year}]}
    errors = validate_all(form, answers, "pl")
    assert ("partners[0].partner_year" not in errors) is ok
    if not ok:
        assert errors["partners[0].partner_year"] == "Prosimy podać rok od 1949 do bieżącego."


def test_pyxform_turns_it_into_a_valid_xform_with_six_languages():
    root = ET.fromstring(to_xform(INSTRUMENT))
    ns = {"h": "http://www.w3.org/1999/xhtml", "x": "http://www.w3.org/2002/xforms"}
    assert root.tag == "{http://www.w3.org/1999/xhtml}html"
    instance = root.find("h:head/x:model/x:instance/*", ns)
    assert instance.get("id") == "eu_china_cities"
    languages = [t.get("lang") for t in root.findall("h:head/x:model/x:itext/x:translation", ns)]
    assert sorted(languages) == sorted(["English (en)", "Deutsch (de)", "Français (fr)", "Español (es)",
                                        "Italiano (it)", "Polski (pl)"])
    binds = {b.get("nodeset").rsplit("/", 1)[-1]: b for b in root.findall("h:head/x:model/x:bind", ns)}
    assert "1949" in binds["partner_year"].get("constraint")
