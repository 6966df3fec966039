from django.test import Client

from citydip.survey.models import Response
from tests.survey.web_fixtures import city, link, mini_wave, respond_url  # noqa: F401


def answer_short_branch(client, token, publish="yes"):
    client.post(respond_url(token) + "?lang=en", {"page": "status_page", "coop_status": "never", "action": "next"})
    client.post(respond_url(token) + "?lang=en", {"page": "short_page", "past_contacts": "no", "action": "next"})
    return client.post(respond_url(token) + "?lang=en", {"page": "final_page", "publish_city_name": publish,
                                                         "comments": "none", "action": "next"})


def test_the_last_page_leads_to_check_your_answers(link):
    client = Client()
    last = answer_short_branch(client, link)
    assert last.status_code == 302 and "/review/" in last["Location"]
    review = client.get(last["Location"])
    text = review.content.decode()
    assert "Check your answers" in text and "Has your city had contacts?" in text and "Never" in text


def test_submitting_marks_the_response_complete(link):
    client = Client()
    answer_short_branch(client, link, publish="no")
    done = client.post(respond_url(link, "review/") + "?lang=en")
    assert done.status_code == 302 and "/done/" in done["Location"]
    assert "Answers submitted" in client.get(done["Location"]).content.decode()
    response = Response.objects.get()
    assert response.state == Response.State.COMPLETE and response.submitted is not None
    assert response.confidential is True
    assert response.answers == {"coop_status": "never", "past_contacts": "no", "publish_city_name": "no",
                                "comments": "none"}


def test_a_submitted_response_is_read_only(link):
    client = Client()
    answer_short_branch(client, link)
    client.post(respond_url(link, "review/"))
    page = client.get(respond_url(link))
    assert "can no longer be changed" in page.content.decode() and 'name="coop_status"' not in page.content.decode()
    client.post(respond_url(link), {"page": "status_page", "coop_status": "current", "action": "next"})
    assert Response.objects.get().answers["coop_status"] == "never"


def test_submitting_an_incomplete_response_lists_what_is_missing(link):
    client = Client()
    client.post(respond_url(link), {"page": "status_page", "coop_status": "never", "action": "next"})
    review = client.post(respond_url(link, "review/") + "?lang=en")
    text = review.content.decode()
    assert review.status_code == 200 and "There is a problem" in text
    assert "page=short_page" in text and "#f-past_contacts" in text
    assert Response.objects.get().state == Response.State.PARTIAL


def test_answers_of_skipped_questions_are_dropped_at_submission(link):
    client = Client()
    client.post(respond_url(link), {"page": "status_page", "coop_status": "current", "action": "next"})
    client.post(respond_url(link), {"page": "partners", "partners.__count": "1", "partners[0].partner_name": "Wuhan",
                                    "partners[0].partner_year": "1999", "action": "next"})
    answer_short_branch(client, link)
    client.post(respond_url(link, "review/"))
    assert "partners" not in Response.objects.get().answers
