"""Outputs built from the reports page: a button starts the job, the worker builds it, the files are
listed with their provenance and served to researchers only; the same tasks the commands run."""
import zipfile

import pytest
from django.urls import reverse

from citydip.core.jobs.files import job_folder
from citydip.core.jobs.models import Job
from citydip.core.jobs.worker import run_queued_jobs
from citydip.core.models import AuditEvent
from tests.reports.study import build_study

pytestmark = pytest.mark.django_db


@pytest.fixture
def study(tmp_path):
    return build_study(tmp_path, synthetic=True)


def press(client, url, data=None):
    response = client.post(url, data or {})
    assert response.status_code == 302 and response["Location"].startswith("/jobs/"), response.content[:400]
    job = Job.objects.get(pk=int(response["Location"].split("/")[2]))
    assert run_queued_jobs() == 1
    job.refresh_from_db()
    assert job.status == Job.Status.SUCCEEDED, job.error
    return job


@pytest.mark.parametrize("fmt, main", [("csv", None), ("xlsx", "survey.xlsx"), ("sav", None),
                                       ("dta", None), ("datapackage", "answers_datapackage.zip")])
def test_each_export_format_is_a_job_whose_files_a_researcher_downloads(study, fmt, main, client_for, researcher,
                                                                         fieldworker):
    wave, _ = study
    client = client_for(researcher)
    job = press(client, reverse("reports:export"), {"fmt": fmt, "wave": wave.pk})
    assert job.started_by == researcher and job.params == {"fmt": fmt, "wave_id": wave.pk}
    assert job.provenance["wave"] == wave.name and job.provenance["format"] == fmt and job.provenance["synthetic"] > 0
    names = [f.name for f in job.files.all()]
    assert "PROVENANCE.json" in names and "codebook.pdf" in names
    if main:
        assert main in job.download_names
    first = job.download_names[0]
    response = client.get(reverse("jobs:file", args=[job.pk, first]))
    assert response.status_code == 200 and len(b"".join(response.streaming_content)) > 100
    assert client_for(fieldworker).get(reverse("jobs:file", args=[job.pk, first])).status_code == 403
    page = client.get(reverse("reports:index")).content.decode()
    assert reverse("jobs:file", args=[job.pk, first]) in page and "synthetic answers" in page
    if fmt == "datapackage":
        with zipfile.ZipFile(job_folder(job) / "files" / first) as archive:
            assert "datapackage.json" in archive.namelist()


def test_the_report_is_built_from_the_page_and_its_pdf_downloaded(study, client_for, researcher):
    client = client_for(researcher)
    job = press(client, reverse("reports:build-report"))
    assert job.download_names[:2] == ["report.pdf", "report.html"] and "report.zip" in job.download_names
    pdf = client.get(reverse("jobs:file", args=[job.pk, "report.pdf"]))
    assert b"".join(pdf.streaming_content).startswith(b"%PDF")
    assert len(job.provenance["checksum"]) == 16 and (job.progress_current, job.percent) == (job.progress_total, 100)
    assert AuditEvent.objects.filter(action="job.start", object_id=str(job.pk), user=researcher).exists()


def test_the_deposit_package_is_built_from_the_page(study, client_for, researcher):
    wave, _ = study
    job = press(client_for(researcher), reverse("reports:build-deposit"),
                {"confidential_as": "omit", "wave": wave.pk})
    assert job.params == {"confidential_as": "omit", "wave_id": wave.pk}
    with zipfile.ZipFile(job_folder(job) / "files" / "deposit.zip") as archive:
        assert {"README.md", "LICENSE.txt", "PROVENANCE.json"} <= set(archive.namelist())


def test_a_bad_format_is_refused_on_the_page_and_starts_nothing(study, client_for, researcher):
    response = client_for(researcher).post(reverse("reports:export"), {"fmt": "pdf", "wave": study[0].pk})
    assert response.status_code == 302 and response["Location"] == reverse("reports:index")
    assert not Job.objects.exists()


def test_the_analysis_runs_from_its_page(study, client_for, researcher):
    client = client_for(researcher)
    job = press(client, reverse("analysis:run"))
    assert "analysis.zip" in job.download_names and "index.json" in job.download_names
    page = client.get(reverse("analysis:index")).content.decode()
    assert reverse("jobs:detail", args=[job.pk]) in page and str(job_folder(job)) not in page
    detail = client.get(reverse("jobs:detail", args=[job.pk])).content.decode()
    assert f'<a href="{reverse("analysis:index")}">Back to the page it was started from</a>' in detail


def test_the_map_files_are_built_from_the_map_page(study, client_for, researcher, coder):
    client = client_for(researcher)
    assert f'action="{reverse("mapping:build")}"' in client.get(reverse("mapping:index")).content.decode()
    assert f'action="{reverse("mapping:build")}"' not in client_for(coder).get(reverse("mapping:index")).content.decode()
    job = press(client, reverse("mapping:build"), {"audience": "anonymised"})
    assert job.download_names[0] == "map.html" and "maps.zip" in job.download_names
    assert job.provenance == {"audience": "anonymised"}
    assert client_for(coder).get(reverse("jobs:file", args=[job.pk, "map.html"])).status_code == 403
