"""Pilot links store their answers apart; previews store nothing; one button clears the pilot.

Pilot answers must appear in no response rate, invitation status, register row, export or analysis.
"""
import re

from django.test import Client

from citydip.core.models import AuditEvent
from citydip.fieldwork.rates import city_outcomes
from citydip.partnerships.models import Partnership
from citydip.survey import sheets
from citydip.survey.exports.dataset import build_dataset
from citydip.survey.models import PilotResponse, Response
from tests.survey.test_respond_submit import answer_short_branch
from tests.survey.web_fixtures import city, link, make_place, mini_wave, respond_url  # noqa: F401


def pilot_link(client, wave, city, language="en"):
    page = client.post("/survey/pilot/", {"wave": wave.pk, "city": city.pk, "language": language,
                                          "action": "pilot"})
    assert page.status_code == 200
    return re.search(r'id="pilot-link" href="https?://[^/]+([^"]+)"', page.content.decode()).group(1)


def test_a_pilot_link_walks_the_form_and_stores_apart(researcher, client_for, mini_wave, city, link):
    url = pilot_link(client_for(researcher), mini_wave, city)
    token = url.split("/")[-2]
    tester = Client()
    assert "Pilot" in tester.get(url).content.decode()
    answer_short_branch(tester, token)
    done = tester.post(respond_url(token, "review/") + "?lang=en")
    assert done.status_code == 302 and "/done/" in done["Location"]
    pilot = PilotResponse.objects.get()
    assert pilot.state == Response.State.COMPLETE and pilot.answers["coop_status"] == "never"
    assert pilot.created_by == researcher and token not in pilot.token_hash
    # the city's real response (from its invitation link) is untouched
    real = Response.objects.get(wave=mini_wave, city=city)
    assert real.state == Response.State.NOT_STARTED and real.answers == {}
    assert AuditEvent.objects.filter(action="survey.pilot_link", user=researcher).exists()


def test_pilot_answers_reach_no_rate_export_or_analysis(researcher, client_for, mini_wave, city):
    token = pilot_link(client_for(researcher), mini_wave, city).split("/")[-2]
    answer_short_branch(Client(), token)
    Client().post(respond_url(token, "review/") + "?lang=en")
    assert PilotResponse.objects.get().state == Response.State.COMPLETE
    assert [row["status"] for row in city_outcomes(mini_wave)] == ["not_sent"]
    assert build_dataset(mini_wave).wide.rows == []
    from citydip.analysis.dataset import load

    cities = load().cities
    assert not cities["respondent"].any() and set(cities["state"]) == {""}
    # the researchers' survey page counts no complete answer
    text = client_for(researcher).get("/survey/").content.decode()
    assert re.search(r"state=complete\">0<", text)


def test_a_pilot_response_never_reaches_the_register(mini_wave, city, django_capture_on_commit_callbacks):
    make_place("1791247", "Wuhan", "武汉市")
    token = sheets.issue_pilot(mini_wave, city, "en")
    sheet = sheets.resolve(None, token)
    assert sheet.mode == sheets.PILOT
    sheet.save({"coop_status", "partners"}, {"coop_status": "current", "partners": [
        {"partner_name": "Wuhan", "partner_place_id": "1791247", "partner_year": 1999}]})
    with django_capture_on_commit_callbacks(execute=True):
        sheet.submit(lambda answers: answers)
    assert PilotResponse.objects.get().state == Response.State.COMPLETE
    assert not Partnership.objects.exists()


def test_one_button_clears_the_pilot(researcher, client_for, mini_wave, city, link):
    client = client_for(researcher)
    for _ in range(2):
        answer_short_branch(Client(), pilot_link(client, mini_wave, city).split("/")[-2])
    assert PilotResponse.objects.count() == 2
    assert "Clear the pilot" in client.get(f"/survey/pilot/?wave={mini_wave.pk}").content.decode()
    page = client.post(f"/survey/wave/{mini_wave.pk}/pilot/clear/", follow=True)
    assert "2 pilot responses deleted" in page.content.decode()
    assert not PilotResponse.objects.exists() and Response.objects.count() == 1
    assert AuditEvent.objects.get(action="survey.pilot_clear").detail == {"deleted": 2}


def test_a_cleared_pilot_link_no_longer_opens(researcher, client_for, mini_wave, city):
    url = pilot_link(client_for(researcher), mini_wave, city)
    sheets.clear_pilot(mini_wave)
    assert Client().get(url).status_code == 404


def test_a_preview_stores_nothing(researcher, client_for, mini_wave, city, link):
    Response.objects.update(answers={"coop_status": "never"}, state="partial")
    client = client_for(researcher)
    opened = client.post("/survey/pilot/", {"wave": mini_wave.pk, "city": city.pk, "language": "de",
                                            "action": "preview"})
    assert opened.status_code == 302 and "/survey/r/preview-" in opened["Location"]
    page = client.get(opened["Location"]).content.decode()
    assert "Vorschau" in page or "Preview" in page
    assert "Arbeitet Ihre Stadt" in page and 'value="never" checked' in page.replace("\n", " ") or "never" in page
    token = opened["Location"].split("/")[3]
    before = (Response.objects.get().revision, PilotResponse.objects.count())
    answer_short_branch(client, token)
    done = client.post(respond_url(token, "review/") + "?lang=en")
    assert done.status_code == 302 and "/done/" in done["Location"]
    assert (Response.objects.get().revision, PilotResponse.objects.count()) == before
    assert Response.objects.get().answers == {"coop_status": "never"}
    assert not Partnership.objects.exists()


def test_a_preview_is_the_researchers_own(researcher, client_for, mini_wave, city):
    opened = client_for(researcher).post("/survey/pilot/", {"wave": mini_wave.pk, "city": city.pk,
                                                            "language": "en", "action": "preview"})
    assert Client().get(opened["Location"]).status_code == 404  # another browser, no session


def test_the_questionnaire_is_previewed_in_every_language(researcher, client_for, mini_wave, city):
    client = client_for(researcher)
    page = client.get("/survey/pilot/").content.decode()
    for code in ("en", "de"):
        assert f'name="language" value="{code}"' in page
    opened = client.post(f"/survey/wave/{mini_wave.pk}/preview/", {"language": "de"})
    assert "Arbeitet Ihre Stadt" in client.get(opened["Location"]).content.decode()
    assert not Response.objects.exists() and not PilotResponse.objects.exists()
    wrong = client.post(f"/survey/wave/{mini_wave.pk}/preview/", {"language": "xx"}, follow=True)
    assert "no language xx" in wrong.content.decode()


def test_pilot_pages_are_for_researchers_only(coder, fieldworker, client_for, mini_wave):
    for user in (coder, fieldworker):
        client = client_for(user)
        assert client.get("/survey/pilot/").status_code == 403
        assert client.post(f"/survey/wave/{mini_wave.pk}/pilot/clear/").status_code == 403
        assert client.post(f"/survey/wave/{mini_wave.pk}/preview/", {"language": "en"}).status_code == 403
