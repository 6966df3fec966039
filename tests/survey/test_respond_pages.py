from django.test import Client

from citydip.survey import tokens
from citydip.survey.models import Response
from tests.survey.web_fixtures import city, link, mini_wave, respond_url  # noqa: F401


def post(client, token, data, lang="en"):
    return client.post(respond_url(token) + f"?lang={lang}", data)


def test_it_shows_the_first_page_without_login(link):
    page = Client().get(respond_url(link))
    assert page.status_code == 200
    assert "Does your city cooperate with a Chinese city?" in page.content.decode()
    assert 'name="coop_status"' in page.content.decode()


def test_a_wrong_and_a_revoked_token_get_the_same_404_page(link, mini_wave, city):
    wrong = Client().get(respond_url("not-a-token"))
    tokens.revoke_all(Response.objects.get())
    revoked = Client().get(respond_url(link))
    assert wrong.status_code == revoked.status_code == 404
    assert wrong.content == revoked.content


def test_it_speaks_the_language_asked_for(link):
    page = Client().get(respond_url(link) + "?lang=de")
    text = page.content.decode()
    assert "Arbeitet Ihre Stadt mit einer chinesischen Stadt zusammen?" in text
    assert "Speichern und weiter" in text


def test_it_saves_a_page_and_goes_on_to_the_next_relevant_one(link):
    client = Client()
    answer = post(client, link, {"page": "status_page", "coop_status": "never", "action": "next"})
    assert answer.status_code == 302 and "page=short_page" in answer["Location"]
    response = Response.objects.get()
    assert response.answers == {"coop_status": "never"}
    assert response.state == Response.State.PARTIAL and response.revision == 1
    assert response.current_page == "short_page"


def test_an_invalid_page_says_what_to_fix_and_keeps_what_was_typed(link):
    client = Client()
    post(client, link, {"page": "status_page", "coop_status": "current", "action": "next"})
    page = post(client, link, {"page": "partners", "partners.__count": "1", "partners[0].partner_name": "Wuhan",
                               "partners[0].partner_year": "twenty", "action": "next"})
    text = page.content.decode()
    assert page.status_code == 200
    assert 'class="error-summary"' in text and 'href="#f-partners-0-partner_year"' in text
    assert 'aria-describedby="f-partners-0-partner_year-error"' in text.replace(" f-partners-0-partner_year-error", "f-partners-0-partner_year-error") or "f-partners-0-partner_year-error" in text
    assert 'value="twenty"' in text
    assert Response.objects.get().answers["partners"] == [{"partner_name": "Wuhan"}]


def test_the_constraint_message_comes_in_the_respondents_language(link):
    client = Client()
    post(client, link, {"page": "status_page", "coop_status": "current", "action": "next"}, lang="de")
    page = post(client, link, {"page": "partners", "partners.__count": "1", "partners[0].partner_name": "Wuhan",
                               "partners[0].partner_year": "1900", "action": "next"}, lang="de")
    assert "Ein Jahr zwischen 1950 und 2030" in page.content.decode()


def test_entries_of_a_repeat_are_added_and_removed_without_javascript(link):
    client = Client()
    post(client, link, {"page": "status_page", "coop_status": "current", "action": "next"})
    post(client, link, {"page": "partners", "partners.__count": "1", "partners[0].partner_name": "Wuhan",
                        "action": "add:partners"})
    page = client.get(respond_url(link) + "?page=partners")
    assert 'name="partners[1].partner_name"' in page.content.decode()
    post(client, link, {"page": "partners", "partners.__count": "2", "partners[0].partner_name": "Wuhan",
                        "partners[1].partner_name": "Chengdu", "action": "remove:partners[0]"})
    assert Response.objects.get().answers["partners"] == [{"partner_name": "Chengdu"}]


def test_reopening_the_link_resumes_at_the_last_page(link):
    post(Client(), link, {"page": "status_page", "coop_status": "never", "action": "next"})
    page = Client().get(respond_url(link))
    assert "Has your city had contacts?" in page.content.decode()


def test_back_saves_the_page_without_blocking_on_errors(link):
    client = Client()
    post(client, link, {"page": "status_page", "coop_status": "never", "action": "next"})
    answer = post(client, link, {"page": "short_page", "action": "back"})
    assert answer.status_code == 302 and "page=status_page" in answer["Location"]


def test_the_progress_counts_pages_still_to_come(link):
    assert "Page 1 of 4" in Client().get(respond_url(link)).content.decode()
    client = Client()
    post(client, link, {"page": "status_page", "coop_status": "never", "action": "next"})
    assert "Page 2 of 3" in client.get(respond_url(link)).content.decode()


def test_the_language_switch_stays_on_the_page(link):
    client = Client()
    post(client, link, {"page": "status_page", "coop_status": "never", "action": "next"})
    text = client.get(respond_url(link) + "?page=short_page").content.decode()
    assert 'lang="de" hreflang="de"' in text and "lang=de&amp;page=short_page" in text
