"""The frame page in a real browser: filters and sorting work, and nothing breaks the strict CSP."""
import pytest

pytestmark = pytest.mark.django_db(transaction=True)
NAMES = "table.cities tbody td:first-child a"


def follow(page, selector):
    with page.expect_navigation():
        page.click(selector)


def test_a_researcher_searches_and_sorts_the_frame(small_frame, researcher, logged_in_page, live_server,
                                                   artifact_path):
    page = logged_in_page(researcher)
    problems = []
    page.on("console", lambda message: problems.append(message.text) if message.type == "error" else None)
    page.goto(f"{live_server.url}/frame/")
    assert page.locator("#result-count").inner_text() == "6 cities"
    page.fill("#id_q", "burg")
    follow(page, "form.filters button[type=submit]")
    assert page.locator(NAMES).all_inner_texts() == ["Hamburg"]
    follow(page, "form.filters a:has-text('Reset')")
    page.select_option("#id_membership", "all")
    follow(page, "form.filters button[type=submit]")
    follow(page, "th a:has-text('City')")
    names = page.locator(NAMES).all_inner_texts()
    assert names[:3] == ["Berlin", "Daugavpils", "Hamburg"] and len(names) == 7
    page.screenshot(path=artifact_path("frame_city_list.png"), full_page=True)
    assert not [p for p in problems if "Content Security Policy" in p or "Refused" in p]
