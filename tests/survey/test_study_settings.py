"""Study settings: edited in the browser (audited), shown to respondents, placeholders in a pilot,
and invitations refused while one is missing."""
import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from citydip.core.models import AuditEvent
from citydip.survey import tokens
from citydip.survey.models import AccessToken, StudySettings
from citydip.survey.study_settings import FIELDS, fill, require_complete, values
from tests.survey.browser_helpers import instrument_wave
from tests.survey.web_fixtures import make_city

STUDY = {"institution": "University of Łódź", "principal_investigator": "Prof. Anna Nowak",
         "contact": "Faculty of International Studies, ul. Narutowicza 59a, 90-131 Łódź, citydip@uni.lodz.pl",
         "funder": "National Science Centre, grant 2026/01/X/HS5/00001",
         "ethics_approval": "Research Ethics Committee of the University, decision 12/2026",
         "data_controller": "University of Łódź", "retention": "31 December 2031"}


def test_unset_values_are_clear_placeholders(db):
    shown = values()
    assert shown["data_controller"] == "[not set: data controller]"
    assert fill("Run by {study_institution}; contact {study_contact}.") == \
        "Run by [not set: institution]; contact [not set: contact address]."


def test_a_researcher_edits_them_and_the_change_is_audited(db, client, researcher):
    client.force_login(researcher)
    page = client.get("/survey/study/")
    assert page.status_code == 200 and "Not set yet" in page.content.decode()
    saved = client.post("/survey/study/", STUDY)
    assert saved.status_code == 302
    settings = StudySettings.get()
    assert settings.institution == "University of Łódź" and not settings.synthetic
    event = AuditEvent.objects.get(action="survey.study_settings.update")
    assert event.user == researcher and set(event.detail["changed"]) == set(FIELDS)
    assert "Not set yet" not in client.get("/survey/study/").content.decode()


def test_a_fieldworker_may_not_edit_them(db, client, fieldworker):
    client.force_login(fieldworker)
    assert client.post("/survey/study/", STUDY).status_code == 403
    assert not StudySettings.objects.exists()


def test_the_consent_page_names_them_in_the_respondents_language(db, client):
    StudySettings.objects.create(**STUDY)
    token = tokens.issue(instrument_wave(), make_city(), "pl", AccessToken.Kind.INVITATION)
    text = client.get(f"/survey/r/{token}/?lang=pl").content.decode()
    assert "Ankietę prowadzi University of Łódź (kierownik projektu: Prof. Anna Nowak)" in text
    assert "decision 12/2026" in text and "31 December 2031" in text and "{study_" not in text
    assert 'href="/survey/privacy/?lang=pl"' in text  # the start page links the privacy notice
    privacy = client.get("/survey/privacy/?lang=pl").content.decode()
    assert "University of Łódź" in privacy


def test_a_pilot_shows_placeholders(db, client):
    token = tokens.issue(instrument_wave(), make_city(), "en", AccessToken.Kind.INVITATION)
    text = client.get(f"/survey/r/{token}/").content.decode()
    assert "[not set: institution]" in text and "[not set: ethics approval reference]" in text


def test_invitations_are_refused_until_every_setting_is_set(db):
    StudySettings.objects.create(**{**STUDY, "retention": ""})
    with pytest.raises(Exception) as refused:
        require_complete()
    assert "retention period" in str(refused.value) and "/survey/study/" in str(refused.value)
    instrument_wave()
    with pytest.raises(CommandError, match="SURVEY-E030"):
        call_command("survey", "invite", "--quiet")


def test_the_settings_page_speaks_the_teams_language(db, client, researcher):
    client.force_login(researcher)
    page = client.get("/survey/study/", HTTP_ACCEPT_LANGUAGE="pl").content.decode()
    assert "Ustawienia badania" in page and "Administrator danych" in page and "Jeszcze nieuzupełnione" in page
