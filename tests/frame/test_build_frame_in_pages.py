"""The frame from the browser: upload an Urban Audit file (a job), or rebuild from the configured source."""
import csv
import io
from pathlib import Path

from django.core.files.uploadedfile import SimpleUploadedFile

from citydip.core.jobs.models import Job
from citydip.core.jobs.worker import run_queued_jobs
from citydip.core.models import AuditEvent
from citydip.frame.models import City, FrameVersion

HEADER = "urau_code,name,country_iso2,population,population_year,lat,lon\n"
ROWS = ["DE001C,Berlin,DE,3664088,2021,52.52,13.40", "FR003C,Lyon,FR,522228,2021,45.76,4.84",
        "PL002C,Kraków,PL,779966,2021,50.06,19.94", "AT099C,Kleinstadt,AT,20000,2021,47.1,15.4"]


def upload(client, rows, name="cities.csv", **fields):
    data = (HEADER + "\n".join(rows) + "\n").encode()
    return client.post("/frame/build/", {"action": "upload", "file": SimpleUploadedFile(name, data),
                                         "min_population": 50000, "countries": "EU27", **fields})


def job_file(client, job, name):
    return b"".join(client.get(f"/jobs/{job.pk}/files/{name}").streaming_content).decode()


def test_an_uploaded_file_builds_the_frame_and_reports_what_changed(researcher, client_for, settings, tmp_path):
    settings.CITYDIP_DATA = ""
    client = client_for(researcher)
    started = upload(client, ROWS)
    job = Job.objects.get()
    assert started["Location"] == f"/jobs/{job.pk}/" and job.started_by == researcher
    run_queued_jobs()
    job.refresh_from_db()
    assert job.status == "succeeded", job.error
    assert job.result["in_frame"] == 3 and job.result["entered"] == 3 and job.result["created"] == 4
    assert FrameVersion.objects.get().input_file == "cities.csv"
    assert set(City.objects.filter(in_frame=True).values_list("name", flat=True)) == {"Berlin", "Lyon", "Kraków"}
    changes = list(csv.DictReader(io.StringIO(job_file(client, job, "changes.csv"))))
    assert {(r["change"], r["name"]) for r in changes} == {("entered", "Berlin"), ("entered", "Lyon"),
                                                           ("entered", "Kraków")}
    page = client.get(f"/jobs/{job.pk}/").content.decode()
    assert "created 4" in page and "entered: Lyon (FR)" in page
    assert not any((Path(settings.CITYDIP_JOBS_DIR) / "uploads").iterdir())  # the upload is removed
    # a second file without Lyon: Lyon leaves the frame, and the report says so
    upload(client, [ROWS[0], ROWS[2]], name="cities2.csv")
    run_queued_jobs()
    second = Job.objects.order_by("-pk").first()
    assert second.result["left"] == 1 and "left: Lyon (FR)" in client.get(f"/jobs/{second.pk}/").content.decode()
    assert AuditEvent.objects.filter(action="frame.build_start", user=researcher).count() == 2


def test_a_bad_file_fails_the_job_with_the_line_and_column(researcher, client_for):
    client = client_for(researcher)
    upload(client, ["DE001C,Berlin,DE,many,2021,52.52,13.40"])
    run_queued_jobs()
    job = Job.objects.get()
    assert job.status == "failed" and "line 2" in job.error and "population" in job.error
    assert not City.objects.exists()


def test_the_configured_source_is_offered(researcher, client_for, settings, tmp_path):
    (tmp_path / "frame").mkdir()
    (tmp_path / "frame" / "eu_cities_urau.csv").write_text(HEADER + "\n".join(ROWS) + "\n")
    settings.CITYDIP_DATA = str(tmp_path)
    client = client_for(researcher)
    assert "eu_cities_urau.csv" in client.get("/frame/build/").content.decode()
    client.post("/frame/build/", {"action": "configured", "min_population": 50000, "countries": "DE,FR"})
    run_queued_jobs()
    job = Job.objects.get()
    assert job.status == "succeeded" and job.params["source"] == "urau" and job.result["in_frame"] == 2


def test_only_researchers_build_the_frame(fieldworker, coder, client_for):
    for user in (fieldworker, coder):
        assert client_for(user).get("/frame/build/").status_code == 403
        assert upload(client_for(user), ROWS).status_code == 403
    assert not Job.objects.exists()
