"""A letter batch (personal data: names, addresses, personal links) as a job: its PDF is served to
researchers and fieldworkers, never to coders; run again after a crash, it logs each letter once."""
import pytest
from django.urls import reverse

from citydip.core.jobs import restart_job, start_job
from citydip.core.jobs.models import Job
from citydip.core.jobs.worker import run_queued_jobs
from citydip.fieldwork.models import ContactEvent
from citydip.fieldwork.tasks import letter_batch

pytestmark = pytest.mark.django_db


def test_the_letters_pdf_is_for_fieldwork_roles_only_and_a_rerun_logs_each_letter_once(study, fieldworker, coder,
                                                                                        researcher, client_for):
    wave, cities = study
    job = start_job(letter_batch, user=fieldworker, wave_id=wave.pk, city_ids=[c.pk for c in cities[:3]])
    run_queued_jobs()
    job.refresh_from_db()
    assert job.status == Job.Status.SUCCEEDED, job.error
    url = reverse("jobs:file", args=[job.pk, "letters_3.pdf"])
    for user, status in ((fieldworker, 200), (researcher, 200), (coder, 403)):
        assert client_for(user).get(url).status_code == status
    assert client_for(coder).get(reverse("jobs:detail", args=[job.pk])).status_code == 403
    assert ContactEvent.objects.filter(kind=ContactEvent.Kind.LETTER).count() == 3
    Job.objects.filter(pk=job.pk).update(status=Job.Status.INTERRUPTED)  # as if killed before it was marked done
    restart_job(job, fieldworker)
    run_queued_jobs()
    assert ContactEvent.objects.filter(kind=ContactEvent.Kind.LETTER).count() == 3
