"""A browser closed half-way and reopened from the same link resumes where it stopped, nothing lost."""
import pytest

from citydip.survey import tokens
from citydip.survey.models import AccessToken, Response
from tests.survey.browser_helpers import axe_violations, chinese_places, instrument_wave, next_page
from tests.survey.web_fixtures import make_city


@pytest.fixture
def link(transactional_db):
    chinese_places()
    wave = instrument_wave()
    return tokens.issue(wave, make_city("Graz", "AT", "AT002C"), "de", AccessToken.Kind.INVITATION)


def test_a_closed_browser_resumes_with_nothing_lost(browser, live_server, link):
    url = f"{live_server.url}/survey/r/{link}/"
    first = browser.new_context()
    page = first.new_page()
    page.goto(url)
    page.check('input[name="consent"][value="yes"]')
    page.check('input[name="publish_city_name"][value="yes"]')
    next_page(page)
    page.check('input[name="coop_status"][value="current"]')
    next_page(page)
    page.fill('[name="partners[0].partner_name"]', "Wuhan")
    with page.expect_response(lambda r: r.request.method == "POST" and r.status == 204):
        page.fill('[name="partners[0].partner_year"]', "1987")
        page.locator('[name="partners[0].partner_year"]').blur()
    first.close()  # no "Save and continue": the browser is simply closed

    again = browser.new_context().new_page()
    again.goto(url)
    assert again.locator('[name="partners[0].partner_name"]').input_value() == "Wuhan"
    assert again.locator('[name="partners[0].partner_year"]').input_value() == "1987"
    assert again.locator("html").get_attribute("lang") == "de"
    response = Response.objects.get()
    assert response.answers["coop_status"] == "current" and response.current_page == "partners"
    again.context.close()


def test_the_page_of_a_wrong_link_is_accessible(page, live_server, transactional_db):
    answer = page.goto(f"{live_server.url}/survey/r/not-a-real-token/")
    assert answer.status == 404
    assert not axe_violations(page)
