"""Letters to real cities are refused while a study setting is empty, as invitations are (SURVEY-E030):
the page says what is missing and links to Survey → Study settings; no PDF, no personal link, no log."""
import io

import pytest
from pypdf import PdfReader

from citydip.core.jobs import start_job
from citydip.core.jobs.models import Job
from citydip.core.jobs.worker import run_queued_jobs
from citydip.fieldwork.models import ContactEvent
from citydip.fieldwork.tasks import letter_batch
from citydip.survey.models import AccessToken, StudySettings
from tests.fieldwork.conftest import make_cities, make_wave

pytestmark = pytest.mark.django_db


def test_no_letter_while_a_setting_is_empty_and_letters_once_it_is_set(fieldworker, client_for):
    StudySettings.objects.update(ethics_approval="", retention="  ")
    make_wave()
    cities = make_cities(3)
    client = client_for(fieldworker)
    one = client.post("/fieldwork/letters/", {"city": [cities[0].pk]})
    page = one.content.decode()
    assert one.status_code == 409 and one["Content-Type"].startswith("text/html")
    assert "ethics approval reference, retention period" in page and 'href="/survey/study/"' in page
    assert "SURVEY-E030" in page
    batch = client.post("/fieldwork/letters/", {"country": ""})  # every non-respondent: would be a job
    assert batch.status_code == 409 and "retention period" in batch.content.decode()
    assert not Job.objects.exists() and not AccessToken.objects.exists() and not ContactEvent.objects.exists()

    StudySettings.objects.update(ethics_approval="Ethics committee, ref. E-1", retention="five years")
    letter = client.post("/fieldwork/letters/", {"city": [cities[0].pk]})
    assert letter.status_code == 200 and letter["Content-Type"] == "application/pdf"
    text = PdfReader(io.BytesIO(letter.content)).pages[0].extract_text()
    assert "not set" not in text and "Testville 0" in text
    assert AccessToken.objects.count() == 1 and ContactEvent.objects.filter(kind="letter").count() == 1


def test_the_refusal_speaks_the_teams_language(fieldworker, client_for):
    StudySettings.objects.update(data_controller="")
    make_wave()
    city = make_cities(1)[0]
    page = client_for(fieldworker).post("/fieldwork/letters/", {"city": [city.pk]},
                                        HTTP_ACCEPT_LANGUAGE="pl").content.decode()
    assert "Administrator danych".lower() in page.lower() and "Ustawienia badania" in page
    assert "Letters cannot be printed yet" not in page


def test_a_batch_queued_before_a_setting_was_emptied_fails_with_survey_e030(fieldworker):
    wave = make_wave()
    cities = make_cities(2)
    job = start_job(letter_batch, user=fieldworker, wave_id=wave.pk, city_ids=[c.pk for c in cities])
    StudySettings.objects.update(funder="")
    run_queued_jobs()
    job.refresh_from_db()
    assert job.status == Job.Status.FAILED and "SURVEY-E030" in job.error and "funder and grant" in job.error
    assert not AccessToken.objects.exists() and not ContactEvent.objects.exists()
