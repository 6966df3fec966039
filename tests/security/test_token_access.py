"""The respondent's pages and the JSON API answer only to a valid token, and only with that city's response."""
import json

import pytest
from django.test import Client
from django.urls import reverse

from citydip.core.models import Country
from citydip.frame.models import City
from citydip.survey import tokens
from citydip.survey.models import Response
from citydip.survey.responses import save_answers
from tests.survey.web_fixtures import FIXTURES, make_city, make_wave

TOKEN_PAGES = ("survey:respond", "survey:review", "survey:suggest")


@pytest.fixture
def two_cities(db):
    wave = make_wave(FIXTURES / "mini_form.md")
    lyon = make_city()
    graz = City.objects.create(name="Graz", country=Country.ensure("AT"), urau_code="AT002C", population=290000)
    links = {}
    for city, comment in ((lyon, "Lyon secret remark"), (graz, "Graz secret remark")):
        token = tokens.issue(wave, city, "en")
        save_answers(tokens.resolve(token).response_id, {"comments"}, {"comments": comment})
        links[city.name] = token
    return links


def api(token):
    return f"/api/v1/responses/{token}"


def test_a_token_shows_its_own_city_and_no_other(two_cities):
    page = Client().get(reverse("survey:review", args=[two_cities["Lyon"]]))
    text = page.content.decode()
    assert page.status_code == 200 and "Lyon secret remark" in text
    assert "Graz" not in text


def test_the_api_reads_and_writes_only_the_tokens_response(two_cities):
    data = Client().get(api(two_cities["Lyon"])).json()
    assert data["city"]["name"] == "Lyon" and data["answers"] == {"comments": "Lyon secret remark"}
    Client().post(api(two_cities["Lyon"]), json.dumps({"answers": {"comments": "changed"}}),
                  content_type="application/json")
    assert Response.objects.get(city__name="Graz").answers == {"comments": "Graz secret remark"}
    assert Response.objects.get(city__name="Lyon").answers == {"comments": "changed"}


@pytest.mark.parametrize("token", ["", "x", "a" * 43, "a" * 500, "..", "%00", "' OR 1=1 --"])
def test_a_wrong_token_gets_404_everywhere(two_cities, token):
    client = Client()
    for name in TOKEN_PAGES:
        if token:
            assert client.get(reverse(name, args=[token])).status_code == 404, name
    assert client.get(api(token or "none")).status_code == 404
    assert client.post(api(token or "none"), "{}", content_type="application/json").status_code == 404


def test_a_revoked_token_is_a_wrong_token(two_cities):
    tokens.revoke_all(Response.objects.get(city__name="Lyon"))
    assert Client().get(reverse("survey:respond", args=[two_cities["Lyon"]])).status_code == 404
    assert Client().get(api(two_cities["Lyon"])).status_code == 404


def test_token_pages_are_never_cached_nor_indexed(two_cities):
    page = Client().get(reverse("survey:respond", args=[two_cities["Lyon"]]))
    assert "no-store" in page["Cache-Control"] and page["X-Robots-Tag"] == "noindex"
    assert "no-store" in Client().get(api(two_cities["Lyon"]))["Cache-Control"]


def test_a_staff_session_does_not_open_a_respondents_page_without_the_token(two_cities, client_for, researcher):
    client = client_for(researcher)
    assert client.get(reverse("survey:respond", args=["not-a-token"])).status_code == 404


def test_session_cookies_are_http_only_and_same_site(db, researcher):
    from django.conf import settings

    researcher.set_password("a long test password")
    researcher.save()
    response = Client().post(reverse("login"), {"username": researcher.username, "password": "a long test password"})
    assert response.status_code == 302
    cookie = response.cookies[settings.SESSION_COOKIE_NAME]
    assert cookie["httponly"] and cookie["samesite"] == "Lax"
