"""In Chromium: a researcher presses "Export the answers" on the reports page, watches the job's progress
reach 100 % without reloading (htmx), and downloads the file; then finds it listed on the reports page."""
import csv
import io
from pathlib import Path

import pytest

from citydip.core.jobs.worker import run_queued_jobs
from tests.reports.study import build_study


@pytest.fixture
def study(transactional_db, tmp_path):
    return build_study(tmp_path, synthetic=True)


def test_a_researcher_starts_an_export_watches_it_finish_and_downloads_it(study, researcher, logged_in_page,
                                                                          live_server, artifact_path):
    wave, responses = study
    page = logged_in_page(researcher)
    page.goto(f"{live_server.url}/reports/")
    page.select_option("#id_fmt", "csv")
    page.get_by_role("button", name="Export the answers").click()
    page.wait_for_url("**/jobs/*/")
    assert page.locator("[data-status]").get_attribute("data-status") == "queued"
    assert page.locator(".job-percent").inner_text() == "0 %"
    run_queued_jobs()  # the worker (in the test's process: the page is not reloaded, htmx polls)
    page.wait_for_selector("[data-status=succeeded]", timeout=15000)
    assert page.locator(".job-percent").inner_text() == "100 %"
    assert page.locator("progress").first.get_attribute("value") == "100"
    assert "synthetic answer" in page.locator("#job-box").inner_text()
    page.screenshot(path=artifact_path("job_finished.png"), full_page=True)
    assert page.get_by_role("link", name="answers_csv.zip").count() == 1  # the main files first
    page.locator("#job-box details summary").click()  # then every file
    with page.expect_download() as download:
        page.get_by_role("link", name="cities.csv").click()
    rows = list(csv.DictReader(io.StringIO(Path(download.value.path()).read_text(encoding="utf-8-sig"))))
    assert len(rows) == len(responses)
    page.goto(f"{live_server.url}/reports/")
    assert page.get_by_role("link", name="answers_csv.zip").count() == 1
    page.screenshot(path=artifact_path("reports_page.png"), full_page=True)
