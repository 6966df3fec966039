"""The check page of the study's instrument: "Change" comes back to it, and places show by name."""
import json
from urllib.parse import parse_qs, urlparse

import pytest
from django.test import Client

from citydip.survey import tokens
from citydip.survey.models import AccessToken, Response
from tests.survey.browser_helpers import instrument_wave
from tests.survey.test_instrument import CURRENT, PARTNER
from tests.survey.web_fixtures import make_city

ANSWERS = {**CURRENT, "partners": [{**PARTNER, "partner_place_id": "1815286"}]}


@pytest.fixture
def token(db):
    raw = tokens.issue(instrument_wave(), make_city(), "en", AccessToken.Kind.INVITATION)
    saved = Client().post(f"/api/v1/responses/{raw}", json.dumps({"answers": ANSWERS}),
                          content_type="application/json")
    assert saved.status_code == 200, saved.content
    return raw


def change_url(client, token, page):
    review = client.get(f"/survey/r/{token}/review/?lang=en").content.decode()
    url = f"/survey/r/{token}/?lang=en&amp;page={page}&amp;return=review".replace("&amp;", "&")
    assert f'href="{url.replace("&", "&amp;")}"' in review
    return url


def test_change_then_save_and_continue_returns_to_the_check_page(client, token):
    url = change_url(client, token, "origins")
    page = client.get(url).content.decode()
    assert 'name="return" value="review"' in page
    answer = client.post(url, {"page": "origins", "lang": "en", "return": "review", "action": "next",
                                "initiator": "university", "key_person": "none", "coop_importance": "very"})
    assert answer.status_code == 302 and urlparse(answer["Location"]).path.endswith("/review/")
    assert Response.objects.get().answers["initiator"] == "university"


def test_a_change_that_opens_another_branch_leads_through_its_pages_first(client, token):
    url = change_url(client, token, "intro")
    answer = client.post(url, {"page": "intro", "lang": "en", "return": "review", "action": "next",
                                "coop_status": "never"})
    target = urlparse(answer["Location"])
    assert parse_qs(target.query)["page"] == ["no_coop"] and parse_qs(target.query)["return"] == ["review"]


def test_without_change_the_pages_follow_each_other(client, token):
    answer = client.post(f"/survey/r/{token}/?lang=en", {"page": "origins", "lang": "en", "action": "next",
                                                          "initiator": "city", "key_person": "none",
                                                          "coop_importance": "very"})
    assert parse_qs(urlparse(answer["Location"]).query)["page"] == ["institutions"]


def test_a_place_shows_its_name_never_its_id(client, token):
    review = client.get(f"/survey/r/{token}/review/?lang=en").content.decode()
    assert "Chengdu" in review and "1815286" not in review
    assert client.post(f"/survey/r/{token}/review/?lang=en").status_code == 302
    read_only = client.get(f"/survey/r/{token}/?lang=en").content.decode()
    assert "Chengdu" in read_only and "1815286" not in read_only
