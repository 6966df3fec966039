"""The study's instrument answered end to end in headless Chromium, in each of its languages.

A cooperating city names three partners (chosen from the gazetteer's suggestions); a city that
cooperated in the past names a former partner and says why the tie ended; a city that never
cooperated gets the short branch. axe-core checks every page in English and the first page in every
language. A contradiction (cooperating now, but the only partner's tie has ended) is refused with a
message in the respondent's language.
"""
import pytest
from django.test import Client

from citydip.survey import tokens
from citydip.survey.models import AccessToken, Response
from tests.survey.browser_helpers import (
    axe_violations,
    chinese_places,
    fill_page,
    instrument_wave,
    next_page,
)
from tests.survey.web_fixtures import make_city

LANGUAGES = ["en", "de", "es", "fr", "it", "pl"]
SAVE_AND_CONTINUE = {"en": "Save and continue", "de": "Speichern und weiter", "fr": "Enregistrer et continuer",
                     "es": "Guardar y continuar", "it": "Salva e continua", "pl": "Zapisz i przejdź dalej"}
COOPERATING = {"coop_status": "current", "partner_year": 1998, "partner_kind": "sister", "publish_city_name": "yes",
               "goals": ["investment", "students"]}
NOT_COOPERATING = {"coop_status": "never", "past_contacts": "no", "publish_city_name": "no",
                   "other_asian_partners": ["japan"]}
PAST_COOPERATING = {"coop_status": "past", "past_contacts": "yes", "publish_city_name": "yes",
                    "no_coop_reasons": ["ended_partner"], "former_ended_by": "partner"}
PAST_BRANCH = {"former_partners", "former_name", "former_end_year", "former_ended_by", "former_end_reasons",
               "former_council", "brokers", "security_review", "format_17_1", "eu_programmes", "thm_ties"}
SHORT_BRANCH = {"past_contacts", "no_coop_reasons", "future_interest", "other_asian_partners", "willing_contact"}
LONG_BRANCH = {"partners", "initiator", "inst_agreement", "goals", "coop_importance", "coord_national", "bri",
               "followup_consent", "delegations_year", "main_goal", "brokers"}


@pytest.fixture
def wave(transactional_db):
    chinese_places()
    return instrument_wave()


def open_link(page, live_server, wave, lang, name="Graz", urau="AT002C"):
    city = make_city(name, urau[:2], urau)
    token = tokens.issue(wave, city, lang, AccessToken.Kind.INVITATION)
    page.goto(f"{live_server.url}/survey/r/{token}/?lang={lang}")
    return token


def fill_partners(page, count):
    """Fill the repeat page with ``count`` partners, adding entries with the "add another" button."""
    queries = ["Wuh", "Chen", "Suz"]
    for i in range(count):
        if i:
            with page.expect_navigation():
                page.click("#page-form button[value='add:partners']")
        fill_page(page, COOPERATING, [queries[i]], prefix=f"partners[{i}].")


def answer_everything(page, wanted, partners=0, check_axe=False):
    """Answer page after page until the review page; returns the names of the questions seen."""
    seen, problems = set(), []
    while "/review/" not in page.url:
        if check_axe:
            problems += [(page.url, v) for v in axe_violations(page)]
        names = page.eval_on_selector_all("#page-form [data-path]", "els => els.map(e => e.dataset.path)")
        seen |= {n.split(".")[-1] if "[" in n else n for n in names} | {n.split("[")[0] for n in names}
        if page.locator("#page-form button[value='add:partners']").count():
            fill_partners(page, partners)
        else:
            fill_page(page, wanted)
        next_page(page)
        assert page.locator(".error-summary").count() == 0, page.locator(".error-summary").inner_text()
    return seen, problems


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_cooperating_city_answers_with_three_partners(page, live_server, wave, lang):
    token = open_link(page, live_server, wave, lang)
    assert page.locator("html").get_attribute("lang") == lang
    assert SAVE_AND_CONTINUE[lang] in page.locator(NEXT_BUTTON).inner_text()
    first_page = axe_violations(page)
    seen, problems = answer_everything(page, COOPERATING, partners=3, check_axe=lang == "en")
    assert not first_page and not problems, problems or first_page
    assert seen >= LONG_BRANCH and not (SHORT_BRANCH & seen)
    submit(page, check_axe=lang == "en")
    response = Response.objects.get()
    assert response.state == Response.State.COMPLETE and response.language == lang
    partners = response.answers["partners"]
    assert [p["partner_place_id"] for p in partners] == ["1791247", "1815286", "1886760"]
    assert [p["partner_name"] for p in partners] == ["Wuhan", "Chengdu", "Suzhou"]
    api = Client().get(f"/api/v1/responses/{token}").json()
    assert api["state"] == "complete" and api["answers"] == response.answers


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_city_without_cooperation_gets_the_short_branch(page, live_server, wave, lang):
    token = open_link(page, live_server, wave, lang, "Brno", "CZ002C")
    seen, problems = answer_everything(page, NOT_COOPERATING, check_axe=lang == "en")
    assert not problems, problems
    assert seen >= SHORT_BRANCH and not (LONG_BRANCH & seen)
    submit(page, check_axe=lang == "en")
    response = Response.objects.get()
    assert response.state == Response.State.COMPLETE and response.confidential
    assert not LONG_BRANCH & set(response.answers)
    assert Client().get(f"/api/v1/responses/{token}").json()["state"] == "complete"


NEXT_BUTTON = "#page-form .form-actions button[value=next]"


def submit(page, check_axe=False):
    if check_axe:
        assert not axe_violations(page), "review page"
    with page.expect_navigation():
        page.click("#submit-form button[type=submit]")
    assert "/done/" in page.url
    if check_axe:
        assert not axe_violations(page), "confirmation page"
        page.goto(page.url.replace("/done/", "/"))
        assert page.locator(".answers").count() == 1
        assert not axe_violations(page), "read-only page"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_city_that_cooperated_in_the_past_names_its_former_partner(page, live_server, wave, lang):
    token = open_link(page, live_server, wave, lang, "Łódź", "PL003C")
    seen, problems = answer_everything(page, PAST_COOPERATING, check_axe=lang == "en")
    assert not problems, problems
    assert seen >= PAST_BRANCH and seen >= SHORT_BRANCH and not ({"partners", "initiator"} & seen)
    submit(page, check_axe=lang == "en")
    answers = Response.objects.get().answers
    assert answers["coop_status"] == "past" and answers["no_coop_reasons"] == ["ended_partner"]
    [former] = answers["former_partners"]
    assert former["former_place_id"] == "1791247" and former["former_ended_by"] == "partner"
    assert Client().get(f"/api/v1/responses/{token}").json()["state"] == "complete"


CONTRADICTION = {"en": "the list of partners has no active or dormant tie",
                 "pl": "na liście partnerów nie ma aktywnej ani uśpionej współpracy",
                 "de": "die Partnerliste enthält keine aktive oder ruhende Beziehung"}


@pytest.mark.parametrize("lang", sorted(CONTRADICTION))
def test_a_contradiction_is_refused_with_a_message_that_says_what_to_fix(page, live_server, wave, lang):
    open_link(page, live_server, wave, lang)
    fill_page(page, {"consent": "yes", "publish_city_name": "yes"})
    next_page(page)
    fill_page(page, {"coop_status": "current"})
    next_page(page)
    fill_page(page, {**COOPERATING, "partner_status": "ended", "partner_ended_by": "our_city",
                     "partner_end_reasons": ["costs"], "partner_council": "no"}, ["Wuh"])
    next_page(page)
    fill_page(page, {"initiator": "city"})
    next_page(page)
    summary = page.locator(".error-summary")
    assert summary.count() == 1 and CONTRADICTION[lang] in summary.inner_text()
    assert CONTRADICTION[lang] in page.locator('[data-path="initiator"]').inner_text()
    assert not axe_violations(page)
    assert Response.objects.get().current_page == "origins"
