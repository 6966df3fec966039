"""The jobs pages: who sees which job, who may download its files, cancel and start again from the page."""
import pytest
from django.urls import reverse

from citydip.core.jobs import start_job
from citydip.core.jobs.models import Job, JobFile
from citydip.core.jobs.worker import run_queued_jobs
from citydip.core.models import AuditEvent
from tests.core import sample_tasks

pytestmark = pytest.mark.django_db


@pytest.fixture
def finished_jobs(researcher):
    counting = start_job(sample_tasks.count_to, user=researcher, n=3)
    contacts = start_job(sample_tasks.contact_list, user=researcher)
    run_queued_jobs()
    return counting, contacts


def test_files_are_served_only_to_the_roles_of_the_task(finished_jobs, client_for, researcher, fieldworker, coder,
                                                        admin_user, outsider):
    counting, contacts = finished_jobs
    numbers = reverse("jobs:file", args=[counting.pk, "numbers.txt"])
    contact_csv = reverse("jobs:file", args=[contacts.pk, "contacts.csv"])
    response = client_for(researcher).get(contact_csv)
    assert response.status_code == 200 and b"marie@example.org" in b"".join(response.streaming_content)
    assert response["Content-Disposition"].startswith('attachment; filename="contacts.csv"')
    assert client_for(fieldworker).get(contact_csv).status_code == 200
    assert client_for(admin_user).get(numbers).status_code == 200
    assert client_for(coder).get(contact_csv).status_code == 403  # personal data, never for coders
    assert client_for(fieldworker).get(numbers).status_code == 403  # a researchers' task
    assert client_for(outsider).get(numbers).status_code == 403
    assert AuditEvent.objects.filter(action="job.download", object_id=str(contacts.pk), user=researcher).exists()


def test_a_name_outside_the_job_folder_is_not_served(finished_jobs, client_for, researcher):
    counting, _ = finished_jobs
    JobFile.objects.create(job=counting, name="../../etc/passwd")
    assert client_for(researcher).get(reverse("jobs:file", args=[counting.pk, "../../etc/passwd"])).status_code == 404
    assert client_for(researcher).get(reverse("jobs:file", args=[counting.pk, "missing.txt"])).status_code == 404


def test_the_list_shows_each_role_the_jobs_it_may_see(finished_jobs, client_for, fieldworker, coder):
    counting, contacts = finished_jobs
    page = client_for(fieldworker).get(reverse("jobs:list")).content.decode()
    assert reverse("jobs:detail", args=[contacts.pk]) in page and reverse("jobs:detail", args=[counting.pk]) not in page
    page = client_for(coder).get(reverse("jobs:list")).content.decode()
    assert "No jobs yet" in page
    assert client_for(coder).get(reverse("jobs:detail", args=[contacts.pk])).status_code == 403


def test_the_detail_page_shows_progress_log_provenance_and_files(finished_jobs, client_for, researcher):
    counting, _ = finished_jobs
    page = client_for(researcher).get(reverse("jobs:detail", args=[counting.pk])).content.decode()
    assert 'value="100"' in page and "numbers.txt" in page and "parts/a.csv" in page
    assert "number 3" in page and "1 synthetic answer" in page and "rita_researcher" in page
    assert "hx-trigger" not in page  # finished: no more polling
    assert "n: 3" in page


def test_a_running_job_polls_and_can_be_cancelled_from_the_page(client_for, researcher):
    job = start_job(sample_tasks.count_to, user=researcher, n=3)
    client = client_for(researcher)
    box = client.get(reverse("jobs:progress", args=[job.pk]), HTTP_HX_REQUEST="true").content.decode()
    assert 'hx-trigger="every 1s"' in box and "<html" not in box
    plain = client.get(reverse("jobs:progress", args=[job.pk]))  # without JavaScript: the whole page
    assert plain.status_code == 302 and plain["Location"] == reverse("jobs:detail", args=[job.pk])
    assert client.get(reverse("jobs:cancel", args=[job.pk])).status_code == 405
    assert client.post(reverse("jobs:cancel", args=[job.pk])).status_code == 302
    job.refresh_from_db()
    assert job.status == Job.Status.CANCELLED
    assert AuditEvent.objects.filter(action="job.cancel", object_id=str(job.pk)).exists()
    client.post(reverse("jobs:restart", args=[job.pk]))
    run_queued_jobs()
    job.refresh_from_db()
    assert job.status == Job.Status.SUCCEEDED


def test_server_paths_among_the_parameters_are_not_shown(client_for, researcher):
    job = Job.objects.create(task_name=sample_tasks.count_to.module_path, title="Import", status=Job.Status.FAILED,
                             params={"path": "/srv/citydip/uploads/x.csv", "input_path": "/srv/y.csv",
                                     "file_name": "pairs.csv", "fmt": "csv"})
    page = client_for(researcher).get(reverse("jobs:detail", args=[job.pk])).content.decode()
    assert "/srv/" not in page and "file: pairs.csv" in page and "format: csv" in page


def test_a_job_no_worker_takes_says_so_after_half_a_minute(client_for, researcher):
    from datetime import timedelta

    from django.utils import timezone

    job = start_job(sample_tasks.count_to, user=researcher, n=1)
    client = client_for(researcher)
    assert "No worker has taken this job yet" not in client.get(reverse("jobs:detail", args=[job.pk])).content.decode()
    Job.objects.filter(pk=job.pk).update(created_at=timezone.now() - timedelta(minutes=1))
    assert "No worker has taken this job yet" in client.get(reverse("jobs:detail", args=[job.pk])).content.decode()
