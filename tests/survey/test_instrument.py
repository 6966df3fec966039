"""The study's instrument (edition 2): shared variable names, translations, skip logic, contradictions, XForm."""
import xml.etree.ElementTree as ET

import pytest

from citydip.survey.instruments import translations
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

LANGUAGES = translations.languages()
YES_NO = ["yes", "no"]
YES_NO_DK = ["yes", "no", "dont_know"]
COORDINATION = ["none", "occasional", "regular", "dont_know"]
INST_ITEMS = ("inst_agreement", "inst_office_china", "inst_staff", "inst_budget", "inst_chinese_office", "inst_networks")
CONTRACT = {  # BRIEF "The study's instrument": name -> (type, choice names or None); edition 1 names kept
    "consent": ("select_one", YES_NO),
    "coop_status": ("select_one", ["current", "past", "never"]),
    "partner_name": ("text", None),
    "partner_place_id": ("text", None),
    "partner_kind": ("select_one", ["sister", "friendship", "memorandum", "agreement", "informal", "dont_know"]),
    "partner_year": ("integer", None),
    "partner_status": ("select_one", ["active", "dormant", "ended"]),
    "partner_areas": ("select_multiple", ["economy", "education", "culture", "environment", "transport", "health",
                                          "tourism", "science", "other"]),
    "partner_activities": ("text", None),
    "initiator": ("select_one", ["city", "chinese_side", "national_government", "business", "university",
                                 "diaspora", "other", "dont_know"]),
    **{name: ("select_one", YES_NO_DK) for name in INST_ITEMS},
    "goals": ("select_multiple", None),
    "main_goal": ("select_one", None),
    "benefits": ("select_multiple", None),
    "obstacles": ("select_multiple", None),
    "coop_importance": ("select_one", ["very", "fairly", "neither", "not_very", "not_at_all", "dont_know"]),
    **{name: ("select_one", COORDINATION) for name in ("coord_national", "coord_region", "coord_eu", "coord_embassy")},
    "bri": ("select_one", YES_NO_DK),
    "change_2020": ("select_one", ["increased", "same", "decreased", "not_applicable", "dont_know"]),
    "followup_consent": ("select_one", YES_NO),
    "past_contacts": ("select_one", YES_NO_DK),
    "no_coop_reasons": ("select_multiple", None),
    "future_interest": ("select_one", ["yes", "maybe", "no"]),
    "other_asian_partners": ("select_multiple", None),
    "willing_contact": ("select_one", YES_NO),
    "publish_city_name": ("select_one", YES_NO),
    "respondent_office": ("text", None),
    "comments": ("text", None),
}
PARTNER = {"partner_name": "Chengdu", "partner_kind": "sister", "partner_year": 1999, "partner_status": "active",
           "partner_areas": ["economy", "culture"]}
CURRENT = {
    "consent": "yes", "publish_city_name": "yes", "coop_status": "current", "partners": [PARTNER],
    "initiator": "city", "key_person": "mayor", "coop_importance": "fairly",
    **{name: "yes" for name in INST_ITEMS}, "delegations_year": "two_three", "staff_fte": "under_half",
    "budget_band": "under_10k", "goals": ["investment", "culture"], "main_goal": "culture",
    "benefits": ["culture"], "obstacles": ["distance"], "bri": "no", "change_2020": "decreased",
    **{name: "occasional" for name in ("coord_national", "coord_region", "coord_eu", "coord_embassy")},
    "brokers": ["region"], "security_review": ["none"], "format_17_1": "not_member", "eu_programmes": ["dont_know"],
    "thm_ties": ["none"], "thm_pressure": "no", "followup_consent": "yes",
    "respondent_position": "head_international", "respondent_office": "International relations",
    "colleagues_consulted": "none",
}
NEVER = {"consent": "yes", "publish_city_name": "no", "coop_status": "never", "past_contacts": "no",
         "no_coop_reasons": ["priorities"], "future_interest": "maybe", "other_asian_partners": ["japan"],
         "willing_contact": "yes", "thm_ties": ["none"], "thm_pressure": "dont_know",
         "respondent_position": "mayors_office", "respondent_office": "Mayor's office", "colleagues_consulted": "none"}
PAST = {**NEVER, "coop_status": "past", "past_contacts": "yes", "no_coop_reasons": ["ended_partner"],
        "former_partners": [{"former_name": "Wuhan", "former_kind": "friendship", "former_year": 2005,
                             "former_end_year": 2021, "former_ended_by": "our_city",
                             "former_end_reasons": ["politics"], "former_council": "yes"}],
        "brokers": ["cpaffc"], "security_review": ["guidance"], "format_17_1": "yes", "eu_programmes": ["none"]}


@pytest.fixture(scope="module")
def form():
    return load_form(INSTRUMENT)


def test_the_committed_xlsx_is_what_the_source_builds():
    assert INSTRUMENT.read_bytes() == build(), "run python -m citydip.survey.instruments.build_instrument"


def test_it_has_the_settings_the_study_relies_on(form):
    assert form.form_id == "eu_china_cities" and form.version == "2026.2" and form.default_language == "en"
    assert form.languages == LANGUAGES and form.title == "EU–China city cooperation survey"
    assert form.problems == []


@pytest.mark.parametrize("name", sorted(CONTRACT))
def test_it_uses_the_shared_variable_names(form, name):
    kind, choices = CONTRACT[name]
    question = form.node(name)
    assert question.type == kind
    if choices is not None:
        assert [c.name for c in form.choice_list(question)] == choices


def test_consent_and_the_confidentiality_choice_come_first(form):
    first = form.pages()[0]
    assert first.page_id == "consent_page"
    assert [q.name for q in first.questions() if q.is_input] == ["consent", "publish_city_name"]
    text = " ".join(form.label(q, "en") for q in first.questions())
    for placeholder in ("{study_institution}", "{study_ethics}", "{study_contact}", "{study_controller}"):
        assert placeholder in text
    assert "voluntary" in text and "“Don't know”" in text and "Taiwan" in text


def test_no_text_still_holds_a_build_placeholder(form):
    for node in form.walk():
        for texts in (node.label, node.hint, getattr(node, "constraint_message", {})):
            for code, text in (texts or {}).items():
                assert "{partner_country" not in text and "{time_" not in text, (node.name, code)


def test_every_text_of_a_reviewed_language_is_translated(form):
    """A draft may fall back to English; a language marked reviewed may not."""
    reviewed = [code for code in LANGUAGES[1:] if translations.review_status(code) == "reviewed"]
    english = translations.source_texts()
    for code in reviewed:
        missing = [context for context, _ in english if context not in translations.translations(code)]
        assert missing == [], code


def shown(form, answers):
    return [question.name for page in form.pages() if page_is_relevant(form, page, answers)
            for question, path in fields(page.nodes, answers)
            if question.is_input and is_relevant(form, question, answers, path)]


def test_a_city_that_declines_sees_nothing_more(form):
    assert shown(form, {"consent": "no"}) == ["consent"]
    assert validate_all(form, {"consent": "no"}) == {}


def test_cooperating_cities_get_the_long_branch(form):
    asked = shown(form, CURRENT)
    assert "initiator" in asked and "partner_year" in asked and "past_contacts" not in asked
    assert "former_name" not in asked and "partner_end_year" not in asked


def test_an_ended_partner_is_asked_when_by_whom_and_why(form):
    answers = {**CURRENT, "partners": [PARTNER, {**PARTNER, "partner_status": "ended"}]}
    asked = shown(form, answers)
    assert {"partner_end_year", "partner_ended_by", "partner_end_reasons", "partner_council"} <= set(asked)


@pytest.mark.parametrize("answers, branch", [(NEVER, "never"), (PAST, "past")])
def test_other_cities_get_the_short_branch(form, answers, branch):
    asked = shown(form, answers)
    assert "no_coop_reasons" in asked and "initiator" not in asked and "partner_name" not in asked
    assert ("former_name" in asked) is (branch == "past") and ("brokers" in asked) is (branch == "past")


@pytest.mark.parametrize("answers", [CURRENT, PAST, NEVER], ids=["current", "past", "never"])
def test_a_full_answer_of_each_branch_is_valid(form, answers):
    assert validate_all(form, calculate_all(form, dict(answers))) == {}


CONTRADICTIONS = {  # the contradictions issue 14 lists, each with where the message shows and a word of it
    "current with no partner": ({**CURRENT, "partners": []}, "initiator", "partners page"),
    "current with only ended partners": ({**CURRENT, "partners": [{**PARTNER, "partner_status": "ended",
                                          "partner_ended_by": "our_city", "partner_end_reasons": ["costs"],
                                          "partner_council": "no"}]}, "initiator", "partners page"),
    "past with no past contacts": ({**PAST, "past_contacts": "no"}, "past_contacts", "answer “Yes”"),
    "never with the partner ending the tie": ({**NEVER, "no_coop_reasons": ["ended_partner"]}, "no_coop_reasons",
                                              "cooperated before"),
    "no obstacles with obstacles": ({**CURRENT, "obstacles": ["none", "distance"]}, "obstacles", "untick"),
    "no benefits with benefits": ({**CURRENT, "benefits": ["none", "culture"]}, "benefits", "untick"),
    "main goal not among the goals": ({**CURRENT, "main_goal": "tourism"}, "main_goal", "ticked"),
    "a tie ending before it began": ({**PAST, "former_partners": [{**PAST["former_partners"][0],
                                                                   "former_end_year": 2001}]},
                                     "former_partners[0].former_end_year", "not before"),
}


@pytest.mark.parametrize("case", sorted(CONTRADICTIONS))
def test_each_contradiction_is_refused_with_a_message_that_says_what_to_fix(form, case):
    answers, field, words = CONTRADICTIONS[case]
    errors = validate_all(form, answers, "en")
    assert list(errors) == [field] and words in errors[field]


COMPLETE = [code for code in LANGUAGES[1:] if len(translations.translations(code)) == len(translations.source_texts())]


def test_the_five_languages_of_edition_1_are_complete():
    assert {"de", "es", "fr", "it", "pl"} <= set(COMPLETE)


@pytest.mark.parametrize("code", COMPLETE)
def test_the_contradiction_messages_come_in_the_respondents_language(form, code):
    answers, field, _ = CONTRADICTIONS["no obstacles with obstacles"]
    english = validate_all(form, answers, "en")[field]
    assert validate_all(form, answers, code)[field] not in ("", english)


@pytest.mark.parametrize("code", COMPLETE)
def test_the_translations_are_not_english_copies(form, code):
    labels = [q.label for q in form.questions() if q.label and q.type != "note"]
    assert sum(label[code] == label["en"] for label in labels) == 0


def test_the_slips_of_edition_1_are_fixed(form):
    polish = " ".join(form.label(q, "pl") for q in form.questions())
    italian = " ".join(form.label(q, "it") for q in form.questions())
    german = " ".join(form.label(q, "de") for q in form.questions())
    assert "więź" not in polish and "współpracujecie" not in polish and "zrobiliście" not in polish
    assert "avete" not in italian and "collaborate?" not in italian
    assert "Ihrem Land" not in german and "Nebensächlich" not in german
    popular = {"de": "Neue Seidenstraße", "fr": "nouvelles routes de la soie", "es": "nueva Ruta de la Seda",
               "it": "Nuova via della seta", "pl": "Nowy Jedwabny Szlak", "en": "New Silk Road"}
    for code, name in popular.items():
        assert name in form.label(form.node("bri"), code), code


@pytest.mark.parametrize("year, ok", [(1948, False), (1949, True), (2024, True), (2999, False)])
def test_partner_year_lies_between_1949_and_this_year(form, year, ok):
    answers = {**CURRENT, "partners": [{**PARTNER, "partner_year": year}]}
    errors = validate_all(form, answers, "en")
    assert ("partners[0].partner_year" not in errors) is ok


def test_every_other_choice_has_a_box_to_say_what(form):
    for question in form.questions():
        if question.is_select and "other" in [c.name for c in form.choice_list(question)] \
                and question.name != "main_goal":
            box = next(q for q in form.questions() if q.relevant == f"selected(${{{question.name}}}, 'other')")
            assert box.type == "text" and box.required, question.name


def test_pyxform_turns_it_into_a_valid_xform_in_every_language():
    root = ET.fromstring(to_xform(INSTRUMENT))
    ns = {"h": "http://www.w3.org/1999/xhtml", "x": "http://www.w3.org/2002/xforms"}
    instance = root.find("h:head/x:model/x:instance/*", ns)
    assert instance.get("id") == "eu_china_cities"
    languages = [t.get("lang") for t in root.findall("h:head/x:model/x:itext/x:translation", ns)]
    assert len(languages) == len(LANGUAGES) and "Polski (pl)" in languages
    binds = {b.get("nodeset").rsplit("/", 1)[-1]: b for b in root.findall("h:head/x:model/x:bind", ns)}
    assert "1949" in binds["partner_year"].get("constraint")


def test_the_times_shown_to_respondents_are_the_measured_ones(form):
    """Words at 200 a minute plus 5 s per answer, on answers generated as the demo's (length.py)."""
    from citydip.survey.instruments import eu_china_cities_source as source
    from citydip.survey.instruments.length import measure, shown_times

    results = measure(form, cities=200, lang="en")
    assert shown_times(results) == source.TIMES
    assert results["never"]["minutes"] < results["past"]["minutes"] < results["current"]["minutes"]
    assert "about 4 minutes if your city has never cooperated" in form.label(form.node("voluntary_note"), "en")
