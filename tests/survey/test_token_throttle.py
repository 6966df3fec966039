"""Guessing survey links is slowed down: after five wrong tokens an address waits, right token or not."""
from citydip.core import throttle
from tests.survey.web_fixtures import city, link, mini_wave, respond_url  # noqa: F401


def test_wrong_tokens_on_the_form_and_the_api_lead_to_a_wait(client, link):
    for i in range(throttle.ALLOWED):
        assert client.get(respond_url(f"wrong-token-{i}")).status_code == 404
    page = client.get(respond_url(link))
    assert page.status_code == 429 and int(page["Retry-After"]) >= 1
    api = client.get(f"/api/v1/responses/{link}")
    assert api.status_code == 429 and api.json()["code"] == "CORE-E020"


def test_a_few_wrong_tokens_do_not_block_anyone(client, link):
    for i in range(throttle.ALLOWED - 1):
        assert client.get(f"/api/v1/responses/wrong-{i}").status_code == 404
    assert client.get(respond_url(link)).status_code == 200
