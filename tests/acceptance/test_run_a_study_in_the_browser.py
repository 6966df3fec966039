"""Acceptance (issue 13): a small study run in Chromium from an empty database to a downloaded report,
without the terminal and without the Django admin. Ten cities.

The researcher builds the frame from an uploaded file and uploads the instrument (both from the home
page's checklist), sets the study settings, creates and pilots a wave, clears the pilot, imports contacts and sends the
invitations to a real SMTP server on 127.0.0.1 (aiosmtpd); three cities answer through the links of
the delivered messages; the researcher sends a reminder, runs the analysis, builds the report and
downloads its PDF. Long actions are jobs: the worker here is ``run_queued_jobs`` in the test's process,
called where a worker would pick the job up, while the page waits for the job's page to say it is done.
"""
import re

import pytest

from citydip.core.jobs.models import Job
from citydip.core.jobs.worker import run_queued_jobs
from citydip.fieldwork.models import Invitation
from citydip.survey.models import PilotResponse, Response
from citydip.survey.study_settings import FIELDS
from tests.fieldwork.conftest import Collector, free_port  # noqa: F401 - the loopback SMTP server
from tests.survey.browser_helpers import INSTRUMENT, chinese_places
from tests.survey.test_browser_respond import NOT_COOPERATING, answer_everything, submit

CITIES = [  # urau_code, name, country, population, lat, lon, contact language
    ("DE004C", "Köln", "DE", 1083498, 50.94, 6.96, "de"), ("FR003C", "Lyon", "FR", 522228, 45.76, 4.84, "fr"),
    ("PL003C", "Kraków", "PL", 779966, 50.06, 19.94, "pl"), ("IT003C", "Napoli", "IT", 909048, 40.85, 14.27, "it"),
    ("ES003C", "València", "ES", 800215, 39.47, -0.38, "es"), ("AT002C", "Graz", "AT", 291072, 47.07, 15.44, "de"),
    ("CZ002C", "Brno", "CZ", 381346, 49.20, 16.61, "cs"), ("NL002C", "Amsterdam", "NL", 882633, 52.37, 4.90, "nl"),
    ("BE001C", "Bruxelles/Brussel", "BE", 1222637, 50.85, 4.35, "fr"),
    ("PT001C", "Lisboa", "PT", 545796, 38.72, -9.14, "pt"),
]


@pytest.fixture
def smtp(settings, live_server):
    from aiosmtpd.controller import Controller

    collector, port = Collector(), free_port()
    controller = Controller(collector, hostname="127.0.0.1", port=port)
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_USE_TLS = "127.0.0.1", port, False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    settings.DEFAULT_FROM_EMAIL = "survey@citydip.example.org"
    settings.CITYDIP_SEND_RATE = "0"
    settings.CITYDIP_BASE_URL = live_server.url  # the links in the messages lead to this server
    settings.CITYDIP_DATA = ""
    yield collector
    controller.stop()


def files(tmp_path):
    frame = tmp_path / "ten_cities.csv"
    frame.write_text("urau_code,name,country_iso2,population,population_year,lat,lon\n" + "".join(
        f"{code},{name},{iso},{pop},2021,{lat},{lon}\n" for code, name, iso, pop, lat, lon, _ in CITIES),
        encoding="utf-8")
    contacts = tmp_path / "contacts.csv"
    contacts.write_text("city_id,office,name,role,email,phone,language\n" + "".join(
        f"{code},International relations,Contact {i},Head of office,city-{i}@example.org,,{lang}\n"
        for i, (code, *_, lang) in enumerate(CITIES)), encoding="utf-8")
    return frame, contacts


def run_job(page):
    """The button led to the job's page: the worker runs the job; the page (htmx) shows it finished."""
    page.wait_for_url("**/jobs/*/")
    assert run_queued_jobs() >= 1
    job = Job.objects.get(pk=int(page.url.rstrip("/").rsplit("/", 1)[1]))
    assert job.status == Job.Status.SUCCEEDED, job.error
    page.wait_for_selector("[data-status=succeeded]", timeout=60_000)


def follow_checklist(page, live_server, stage):
    """From the home page, the checklist's link of ``stage`` (the next step is a button)."""
    page.goto(live_server.url + "/")
    page.locator(f'[data-stage="{stage}"] a').click()


def answer_through(page, link):
    page.goto(link)
    answer_everything(page, NOT_COOPERATING)
    submit(page)


def test_a_researcher_runs_a_small_study_from_an_empty_database_to_the_report(
        transactional_db, researcher, logged_in_page, live_server, smtp, browser, tmp_path):
    chinese_places()
    frame_file, contacts_file = files(tmp_path)
    page = logged_in_page(researcher)
    page.set_default_timeout(60_000)

    # 1. the frame, from the checklist's first step
    page.goto(live_server.url + "/")
    assert page.locator('[data-stage="frame"]').get_attribute("class").split() == ["stage", "next"]
    follow_checklist(page, live_server, "frame")
    page.set_input_files("input[type=file]", str(frame_file))
    page.get_by_role("button", name="Build from the uploaded file").click()
    run_job(page)
    assert "entered: Lyon (FR)" in page.content()

    # 2. the instrument and the wave
    follow_checklist(page, live_server, "instrument")
    page.set_input_files("input[type=file]", str(INSTRUMENT))
    page.get_by_role("button", name="Check the form").click()
    assert "loads and renders" in page.locator("#form-summary").inner_text()
    page.fill("#id_name", "Wave 1 (acceptance)")
    page.get_by_role("button", name="Create the wave").click()
    page.wait_for_url("**/survey/pilot/")

    # the study settings the consent page and the privacy notice show (invitations need them)
    follow_checklist(page, live_server, "study")
    for field in FIELDS:
        page.fill(f"#id_{field}", f"Acceptance test {field}")
    page.get_by_role("button", name="Save").click()
    page.goto(live_server.url + "/")
    assert "done" in page.locator('[data-stage="study"]').get_attribute("class")
    page.goto(live_server.url + "/survey/pilot/")

    # 3. the pilot: a pilot link answered, then cleared
    page.select_option("#id_city", label="Graz (AT)")
    page.get_by_role("button", name="Create a pilot link").click()
    pilot_link = page.get_attribute("#pilot-link", "href")
    tester = browser.new_context().new_page()
    answer_through(tester, pilot_link)
    tester.context.close()
    assert PilotResponse.objects.get().state == Response.State.COMPLETE
    page.goto(live_server.url + "/survey/pilot/")
    page.get_by_role("button", name="Clear the pilot").click()
    assert "1 pilot responses deleted" in page.content()
    assert not PilotResponse.objects.exists() and not Response.objects.exists()

    # 4. contacts: the file is checked, then imported on confirmation
    follow_checklist(page, live_server, "contacts")
    page.set_input_files("input[type=file]", str(contacts_file))
    page.get_by_role("button", name="Check the file").click()
    assert "10 valid rows" in page.locator("#contacts-counts").inner_text()
    page.get_by_role("button", name="Import 10 contacts").click()
    assert "10 contacts imported" in page.content()

    # 5. invitations: the dry-run count, then the confirmation; a job sends them
    follow_checklist(page, live_server, "invitations")
    assert "10 messages would be sent" in page.locator("#send-count").inner_text()
    page.get_by_role("button", name="Send 10 messages now").click()
    run_job(page)
    assert len(smtp.messages) == 10
    assert Invitation.objects.filter(status="sent").count() == 10

    # 6. three cities answer through the links of the messages they received
    links = {}
    for rcpt, message in smtp.messages:
        body = message.get_body(preferencelist=("plain",)).get_content()
        links[rcpt] = re.search(r"https?://\S+/survey/r/[\w-]+/(\?lang=\w+)?", body).group(0)
    for i in (0, 1, 5):  # Köln, Lyon, Graz
        respondent = browser.new_context().new_page()
        answer_through(respondent, links[f"city-{i}@example.org"])
        respondent.context.close()
    assert Response.objects.filter(state=Response.State.COMPLETE).count() == 3

    # 7. a reminder to the seven that have not answered
    page.goto(live_server.url + "/fieldwork/send/reminders/?after_days=0&max=2")
    assert "7 messages would be sent" in page.locator("#send-count").inner_text()
    page.get_by_role("button", name="Send 7 messages now").click()
    run_job(page)
    reminded = {rcpt for rcpt, _ in smtp.messages[10:]}
    assert len(smtp.messages) == 17 and not reminded & {"city-0@example.org", "city-1@example.org",
                                                        "city-5@example.org"}

    # 8. the analysis and the report, then the report's PDF downloaded
    follow_checklist(page, live_server, "analysis")
    page.get_by_role("button", name="Run the analysis").click()
    run_job(page)
    follow_checklist(page, live_server, "report")
    page.get_by_role("button", name="Build the report").click()
    run_job(page)
    with page.expect_download() as download:
        page.get_by_role("link", name="report.pdf").click()
    with open(download.value.path(), "rb") as handle:
        assert handle.read(5) == b"%PDF-"
    page.goto(live_server.url + "/")
    assert page.locator('[data-stage="report"]').get_attribute("class").split() == ["stage", "done"]
