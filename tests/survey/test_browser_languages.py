"""Edition 2 answered end to end in headless Chromium in 12 of the 16 languages added to the first six.

For each language a cooperating city names three partners (chosen from the gazetteer's
suggestions) and a city that cooperated in the past names a former partner; both are submitted.
axe-core (serious and critical violations) checks every page of both branches in four languages of
different scripts and word lengths (bg, el, fi, lt), and in the others the first page, the check
page, the confirmation and the read-only view (the pages' structure is the same in every language;
what changes is the text). Each page must be in the language: ``<html lang>``, the interface's
button, and the instrument's question as its translation says (not the English fallback). The four
languages left out (hr, sk, sl, sv) are close to tested ones; test_respondent_languages.py renders the
instrument's first page in every language. The 12 runs take about 6.5 minutes on the loaded 2-core
machine (17–52 s a language, both branches).
The page-filling helpers are the instrument's own browser test's (answers by XLSForm names, so one
test runs unchanged in every language).
"""
import polib
import pytest

from citydip.survey.instruments import translations as instrument
from citydip.survey.models import Response
from tests.survey.browser_helpers import NEXT, axe_violations
from tests.survey.test_browser_respond import (  # noqa: F401 (the wave fixture)
    COOPERATING,
    answer_everything,
    open_link,
    submit,
    wave,
)

LANGUAGES = ["bg", "cs", "da", "el", "et", "fi", "hu", "lt", "lv", "nl", "pt", "ro"]
AXE_EVERY_PAGE = {"bg", "el", "fi", "lt"}
PAST = {"coop_status": "past", "past_contacts": "yes", "publish_city_name": "yes", "other_asian_partners": ["japan"],
        "former_year": 2003, "former_end_year": 2019}
PAST_BRANCH = {"former_partners", "past_contacts", "no_coop_reasons", "future_interest"}


def interface_text(code, msgid):
    po = polib.pofile(str(instrument.HERE.parent / "locale" / code / "LC_MESSAGES" / "django.po"))
    return next(e.msgstr for e in po if e.msgctxt == "respondent" and e.msgid == msgid)


def instrument_text(code, context):
    return next(e.msgstr for e in instrument.catalogue(code) if e.msgctxt == context)


def assert_in_language(page, code):
    assert page.locator("html").get_attribute("lang") == code
    assert page.locator(NEXT).inner_text().strip() == interface_text(code, "Save and continue")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_cooperating_city_with_three_partners_and_a_past_one_answer_in(page, live_server, wave, lang):
    every_page = lang in AXE_EVERY_PAGE
    open_link(page, live_server, wave, lang, "Graz", "AT002C")
    assert_in_language(page, lang)
    consent_label = instrument_text(lang, "survey:consent:label")
    assert consent_label and consent_label in page.content()
    problems = [] if every_page else [("first page", v) for v in axe_violations(page)]
    seen, more = answer_everything(page, COOPERATING, partners=3, check_axe=every_page)
    problems += more
    assert {"partners", "coop_importance", "delegations_year", "main_goal", "brokers"} <= seen
    submit(page, check_axe=True)
    cooperating = Response.objects.get(city__urau_code="AT002C")
    assert cooperating.state == Response.State.COMPLETE and cooperating.language == lang
    assert [p["partner_place_id"] for p in cooperating.answers["partners"]] == ["1791247", "1815286", "1886760"]

    open_link(page, live_server, wave, lang, "Brno", "CZ002C")
    assert_in_language(page, lang)
    seen, more = answer_everything(page, PAST, check_axe=every_page)
    problems += more
    assert seen >= PAST_BRANCH and "partners" not in seen
    submit(page, check_axe=every_page)
    past = Response.objects.get(city__urau_code="CZ002C")
    assert past.state == Response.State.COMPLETE and past.answers["coop_status"] == "past"
    assert past.answers["former_partners"] and past.language == lang
    assert not problems, problems
