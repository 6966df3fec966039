"""Skip logic in the browser: questions appear and disappear as answers change, before any save."""
import pytest

from citydip.survey import tokens
from citydip.survey.models import AccessToken
from tests.survey.browser_helpers import next_page, settle
from tests.survey.web_fixtures import FIXTURES, make_city, make_wave


@pytest.fixture
def url(transactional_db, live_server):
    wave = make_wave(FIXTURES / "mini_form.md")
    token = tokens.issue(wave, make_city(), "en", AccessToken.Kind.INVITATION)
    return f"{live_server.url}/survey/r/{token}/"


def test_a_question_shows_and_hides_live_on_its_page(page, url):
    page.goto(url)
    page.check('input[name="coop_status"][value="never"]')
    next_page(page)
    page.check('input[name="past_contacts"][value="no"]')
    next_page(page)
    reason = page.locator('[data-path="publish_reason"]')
    assert reason.is_hidden()
    page.check('input[name="publish_city_name"][value="no"]')
    reason.wait_for(state="visible")
    page.check('input[name="publish_city_name"][value="yes"]')
    reason.wait_for(state="hidden")
    settle(page)


def test_pages_of_the_other_branch_are_skipped(page, url):
    page.goto(url)
    page.check('input[name="coop_status"][value="current"]')
    next_page(page)
    assert page.locator('[name="partners[0].partner_name"]').count() == 1
    page.goto(url + "?page=status_page")
    page.check('input[name="coop_status"][value="past"]')
    next_page(page)
    assert page.locator('input[name="past_contacts"]').count() == 2
    assert "page=short_page" in page.url
