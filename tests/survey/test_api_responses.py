import json

from django.test import Client

from citydip.survey.models import Response
from tests.survey.web_fixtures import city, link, mini_wave  # noqa: F401

ERROR_KEYS = {"ok", "error", "code", "location", "errors"}


def api(token):
    return f"/api/v1/responses/{token}"


def post(token, body, client=None):
    return (client or Client()).post(api(token), json.dumps(body), content_type="application/json")


def test_it_returns_the_response_as_json(link):
    data = Client().get(api(link)).json()
    assert data["ok"] is True and data["state"] == "not_started" and data["answers"] == {}
    assert data["city"] == {"city_id": "FR003C", "name": "Lyon", "country": "FR"}
    assert data["form"]["languages"] == ["en", "de"]


def test_an_unknown_token_gets_the_one_error_shape(db):
    response = Client().get(api("nope"))
    assert response.status_code == 404
    assert set(response.json()) == ERROR_KEYS and response.json()["code"] == "SURVEY-E204"


def test_it_saves_partial_answers(link):
    data = post(link, {"answers": {"coop_status": "current"}}).json()
    assert data["state"] == "partial" and data["revision"] == 1 and data["answers"] == {"coop_status": "current"}


def test_it_works_without_a_csrf_token_because_the_token_authenticates(link):
    client = Client(enforce_csrf_checks=True)
    assert post(link, {"answers": {"coop_status": "never"}}, client).status_code == 200


def test_it_rejects_an_invalid_answer_with_its_field(link):
    response = post(link, {"answers": {"coop_status": "current",
                                       "partners": [{"partner_name": "Wuhan", "partner_year": 1800}]}})
    assert response.status_code == 422
    data = response.json()
    assert set(data) == ERROR_KEYS and data["code"] == "SURVEY-E202"
    assert data["errors"][0]["location"] == {"field": "partners[0].partner_year"}
    assert Response.objects.get().answers == {}


def test_it_rejects_a_question_the_form_does_not_have(link):
    response = post(link, {"answers": {"colour": "blue"}})
    assert response.status_code == 400 and response.json()["code"] == "SURVEY-E203"


def test_it_rejects_a_body_that_is_not_json(link):
    response = Client().post(api(link), "{oops", content_type="application/json")
    assert response.status_code == 400 and response.json()["code"] == "SURVEY-E206"


def test_submit_validates_the_whole_response(link):
    response = post(link, {"answers": {"coop_status": "never"}, "submit": True, "language": "de"})
    assert response.status_code == 422
    messages = {e["location"]["field"]: e["error"] for e in response.json()["errors"]}
    assert messages["past_contacts"] == "Bitte beantworten Sie diese Frage."
    assert Response.objects.get().state == "partial"


def test_submit_completes_a_valid_response_and_then_refuses_changes(link):
    answers = {"coop_status": "never", "past_contacts": "yes", "publish_city_name": "no"}
    data = post(link, {"answers": answers, "submit": True}).json()
    assert data["state"] == "complete" and data["submitted"] and data["answers"] == answers
    assert Response.objects.get().confidential is True
    again = post(link, {"answers": {"comments": "late"}})
    assert again.status_code == 409 and again.json()["code"] == "SURVEY-E201"


def test_null_removes_an_answer(link):
    post(link, {"answers": {"coop_status": "never", "comments": "x"}})
    assert post(link, {"answers": {"comments": None}}).json()["answers"] == {"coop_status": "never"}


def test_other_methods_are_not_allowed(link):
    response = Client().delete(api(link))
    assert response.status_code == 405 and response.json()["code"] == "SURVEY-E205"


def test_it_rejects_a_value_of_the_wrong_type_or_choice(link):
    response = post(link, {"answers": {"coop_status": "sometimes", "partners": [{"partner_year": "1999"}]}})
    assert response.status_code == 400
    fields = {e["location"]["field"] for e in response.json()["errors"]}
    assert fields == {"coop_status", "partners[0].partner_year"}


def test_it_rejects_an_unknown_key_in_a_repeat_entry_and_in_the_body(link):
    inner = post(link, {"answers": {"partners": [{"partner_colour": "red"}]}}).json()
    assert inner["code"] == "SURVEY-E203" and inner["location"] == {"field": "partners[0].partner_colour"}
    assert post(link, {"answers": {}, "answer": {}}).json()["code"] == "SURVEY-E206"
    assert post(link, {"language": "xx"}).status_code == 400
