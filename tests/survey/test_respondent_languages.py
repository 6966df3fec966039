"""The respondent's interface in the study's 22 languages, and the language a respondent sees first.

The catalogues are read as they are committed (every respondent-facing entry translated, the same
placeholders as the English, the compiled .mo in step with the .po); the pages are rendered by
Django's test client in each language.
"""
import re
from pathlib import Path

import polib
import pytest
from django.test import Client

from citydip.survey import tokens
from citydip.survey.models import AccessToken
from citydip.survey.respondent_language import STUDY_LANGUAGES, first_language
from tests.survey.web_fixtures import FIXTURES, make_city, make_wave, respond_url

SRC = Path(__file__).resolve().parents[2] / "src" / "citydip"
CATALOGUES = ("survey", "fieldwork")
PLACEHOLDER = re.compile(r"%\(\w+\)s")
TRANSLATED = [code for code in STUDY_LANGUAGES if code != "en"]


def respondent_entries(app, code):
    po = polib.pofile(str(SRC / app / "locale" / code / "LC_MESSAGES" / "django.po"))
    return [entry for entry in po if entry.msgctxt == "respondent" and not entry.obsolete]


@pytest.mark.parametrize("code", TRANSLATED)
def test_every_respondent_string_is_translated_with_its_placeholders(code):
    for app in CATALOGUES:
        entries = respondent_entries(app, code)
        assert entries, f"{app}: no respondent-facing entries for {code}"
        for entry in entries:
            assert entry.msgstr and not entry.fuzzy, f"{app}/{code}: {entry.msgid!r} is not translated"
            assert sorted(PLACEHOLDER.findall(entry.msgid)) == sorted(PLACEHOLDER.findall(entry.msgstr)), (
                f"{app}/{code}: placeholders differ in {entry.msgid!r}")


@pytest.mark.parametrize("code", TRANSLATED)
def test_the_compiled_catalogue_says_what_the_po_file_says(code):
    for app in CATALOGUES:
        folder = SRC / app / "locale" / code / "LC_MESSAGES"
        compiled = {(e.msgctxt, e.msgid): e.msgstr for e in polib.mofile(str(folder / "django.mo"))}
        for entry in respondent_entries(app, code):
            assert compiled.get((entry.msgctxt, entry.msgid)) == entry.msgstr, (
                f"{app}/{code}: django.mo is older than django.po for {entry.msgid!r} (run compilemessages)")


def test_the_same_respondent_strings_in_every_language():
    english = {entry.msgid for app in CATALOGUES for entry in respondent_entries(app, "de")}
    for code in TRANSLATED:
        assert {entry.msgid for app in CATALOGUES for entry in respondent_entries(app, code)} == english, code


@pytest.fixture
def wave(db):
    return make_wave(FIXTURES / "languages_form.md")


def first_page(wave, city, invitation_language="", accept=""):
    token = tokens.issue(wave, city, invitation_language, AccessToken.Kind.INVITATION)
    page = Client(HTTP_ACCEPT_LANGUAGE=accept).get(respond_url(token)) if accept else Client().get(respond_url(token))
    assert page.status_code == 200
    return page.content.decode()


def test_a_polish_browser_without_an_invitation_language_sees_polish(wave):
    # a city whose country's language (Estonian) the form lacks, so the browser decides
    city = make_city("Tartu", "EE", "EE002C")
    text = first_page(wave, city, accept="pl-PL,pl;q=0.9,en;q=0.5")
    assert "Czy miasto współpracuje z chińskim miastem?" in text
    assert "Zapisz i przejdź dalej" in text  # the interface too
    assert '<html lang="pl">' in text


def test_the_invitation_language_comes_first(wave):
    text = first_page(wave, make_city("Riga", "LV", "LV001C"), invitation_language="de", accept="pl")
    assert "Arbeitet Ihre Stadt mit einer chinesischen Stadt zusammen?" in text
    assert "Speichern und weiter" in text


def test_then_the_language_of_the_citys_country(wave):
    text = first_page(wave, make_city("Riga", "LV", "LV001C"), accept="pl")
    assert "Vai Jūsu pilsēta sadarbojas ar kādu Ķīnas pilsētu?" in text
    assert "Saglabāt un turpināt" in text


def test_in_a_country_of_several_languages_the_browser_chooses_among_them(wave):
    liege = make_city("Liège", "BE", "BE005C")
    assert "Votre ville coopère-t-elle" in first_page(wave, liege, accept="fr-BE,fr;q=0.9")
    assert "Werkt uw stad samen" in first_page(wave, make_city("Gent", "BE", "BE003C"), accept="pl")


def test_the_language_switch_is_on_every_page_and_wins(wave):
    token = tokens.issue(wave, make_city("Riga", "LV", "LV001C"), "", AccessToken.Kind.INVITATION)
    text = Client(HTTP_ACCEPT_LANGUAGE="pl").get(respond_url(token) + "?lang=nl").content.decode()
    assert "Werkt uw stad samen met een Chinese stad?" in text and "Opslaan en doorgaan" in text
    for code in ("en", "pl", "de", "fr", "nl", "lv"):
        assert f'hreflang="{code}"' in text or f'lang="{code}" aria-current="true"' in text


def test_the_order_of_the_rules():
    available = ["en", "de", "fr", "nl", "pl"]
    assert first_language(available, browser=["pl"], default="en") == "pl"
    assert first_language(available, country=["de"], browser=["pl"], default="en") == "de"
    assert first_language(available, invitation="fr", country=["de"], browser=["pl"]) == "fr"
    assert first_language(available, answered="nl", invitation="fr", country=["de"]) == "nl"
    assert first_language(available, asked="en", answered="nl", invitation="fr") == "en"
    assert first_language(available, country=["nl", "fr", "de"], browser=["fr"]) == "fr"
    assert first_language(available, country=["ga"], browser=["xx"], default="en") == "en"
    assert first_language(available, asked="pl-PL") == "pl"


@pytest.mark.parametrize("code", STUDY_LANGUAGES)
def test_the_privacy_notice_in_every_language_names_the_study_settings(db, code):
    from citydip.survey.models import StudySettings

    StudySettings.objects.create(data_controller="University of Łódź", retention="ten years")
    page = Client().get(f"/survey/privacy/?lang={code}")
    text = page.content.decode()
    assert page.status_code == 200 and f'<html lang="{code}">' in text
    assert "University of Łódź" in text and "ten years" in text
    assert "[not set: ethics approval reference]" in text  # an unset value shows as a placeholder
    if code != "en":
        assert "Privacy notice" not in text and "Who is responsible" not in text


def test_a_wrong_link_is_explained_in_the_browsers_language(db):
    page = Client(HTTP_ACCEPT_LANGUAGE="cs").get(respond_url("no-such-token"))
    assert page.status_code == 404 and "Tento odkaz nefunguje" in page.content.decode()


def test_too_many_wrong_links_is_a_page_in_the_respondents_language(db):
    client = Client(HTTP_ACCEPT_LANGUAGE="hu")
    for _ in range(8):
        page = client.get(respond_url("no-such-token"))
    assert page.status_code == 429 and "Túl sok érvénytelen hivatkozás" in page.content.decode()
    assert page["Retry-After"]


@pytest.mark.parametrize("code", TRANSLATED)
def test_the_instruments_first_page_is_in_every_language(db, code):
    """The study's instrument (edition 2) opened from an invitation in ``code``: its own translation."""
    import polib as po_files

    from citydip.survey.instruments import translations as instrument
    from tests.survey.browser_helpers import instrument_wave

    consent = next(e.msgstr for e in po_files.pofile(str(instrument.path(code))) if e.msgctxt == "survey:consent:label")
    token = tokens.issue(instrument_wave(), make_city("Tartu", "EE", "EE002C"), code, AccessToken.Kind.INVITATION)
    text = Client().get(respond_url(token)).content.decode()
    assert f'<html lang="{code}">' in text and consent and consent in text


def test_a_pilot_link_says_so_in_the_respondents_language(wave):
    """Pretesting (TRAPD's P) happens with officials in their language: the pilot banner is translated."""
    from citydip.survey import sheets

    token = sheets.issue_pilot(wave, make_city("Riga", "LV", "LV001C"), "lv")
    text = Client().get(respond_url(token)).content.decode()
    assert "Izmēģinājums" in text and "nekad netiek ieskaitītas" in text and "never counted" not in text
