"""The researchers' survey pages: waves at a glance, one wave, one response, pilot links."""
import re

from django.test import Client, RequestFactory

from citydip.survey.city_sections import city_section
from citydip.survey.models import AccessToken, PilotResponse, Response
from tests.survey.web_fixtures import city, link, mini_wave  # noqa: F401


def test_the_index_counts_responses_by_state(researcher, client_for, link):
    Response.objects.update(state="partial", synthetic=True)
    page = client_for(researcher).get("/survey/")
    text = page.content.decode()
    assert page.status_code == 200 and "Test wave" in text
    assert re.search(r"state=partial\">1<", text)
    assert 'class="badge synthetic"' in text


def test_survey_pages_are_for_researchers_only(coder, client_for, link, mini_wave):
    client = client_for(coder)
    response = Response.objects.get()
    for url in ("/survey/", f"/survey/wave/{mini_wave.pk}/", f"/survey/response/{response.pk}/", "/survey/pilot/"):
        assert client.get(url).status_code == 403, url


def test_a_response_page_shows_labelled_answers_and_the_synthetic_badge(researcher, client_for, link):
    Response.objects.update(answers={"coop_status": "never"}, synthetic=True, state="partial")
    text = client_for(researcher).get(f"/survey/response/{Response.objects.get().pk}/").content.decode()
    assert "Does your city cooperate with a Chinese city?" in text and "Never" in text
    assert "badge synthetic" in text


def test_a_researcher_creates_a_pilot_link_shown_once(researcher, client_for, mini_wave, city):
    page = client_for(researcher).post("/survey/pilot/", {"wave": mini_wave.pk, "city": city.pk, "language": "de",
                                                          "action": "pilot"})
    url = re.search(r'id="pilot-link" href="([^"]+)"', page.content.decode()).group(1)
    pilot = PilotResponse.objects.get()
    assert pilot.created_by == researcher and not AccessToken.objects.exists()
    assert url.split("/")[-2] not in str(PilotResponse.objects.values_list())  # only the hash is stored
    assert Client().get(url).status_code == 200


def test_the_admin_action_creates_pilot_links(admin_user, client_for, link):
    response = Response.objects.get()
    page = client_for(admin_user).post("/admin/survey/response/", {"action": "create_test_links",
                                                                    "_selected_action": [response.pk]})
    assert page.status_code == 200 and "/survey/r/" in page.content.decode()
    assert PilotResponse.objects.count() == 1 and AccessToken.objects.count() == 1


def test_the_admin_never_shows_a_token(admin_user, client_for, link):
    access = AccessToken.objects.get()
    text = client_for(admin_user).get(f"/admin/survey/accesstoken/{access.pk}/change/").content.decode()
    assert link not in text and access.token_hash in text


def test_the_city_section_shows_the_survey_status(researcher, outsider, link, city, client_for):
    page = client_for(researcher).get(f"/frame/city/{city.pk}/").content.decode()
    assert "Preview or pilot this city" in page and "not started" in page.lower()
    request = RequestFactory().get("/")
    request.user = outsider
    assert city_section(request, city) is None


def test_the_home_page_shows_the_current_wave_to_researchers(researcher, outsider, client_for, link):
    Response.objects.update(state="complete", synthetic=True)
    assert "Test wave" in client_for(researcher).get("/").content.decode()
    assert "Test wave" not in client_for(outsider).get("/").content.decode()
