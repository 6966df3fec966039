"""The job engine end to end: a task queued with start_job, run by the real worker (django-tasks-db),
its progress, log, provenance and files on the job; cancel, failure and start again; interrupted jobs."""
import os
import socket
import subprocess
import sys
from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from citydip.core.errors import CitydipError
from citydip.core.jobs import reap_stale_jobs, request_cancel, restart_job, run_here, start_job
from citydip.core.jobs.files import job_folder
from citydip.core.jobs.models import Job
from citydip.core.jobs.worker import run_queued_jobs
from citydip.core.models import AuditEvent
from tests.core import sample_tasks

S = Job.Status
pytestmark = pytest.mark.django_db


def test_a_job_runs_in_the_worker_and_reports_progress_log_and_files(researcher):
    job = start_job(sample_tasks.count_to, user=researcher, n=5)
    assert job.status == S.QUEUED and job.params == {"n": 5} and job.started_by == researcher
    assert DBTaskResult.objects.get(id=job.task_result_id).status == "READY"
    run_queued_jobs()
    job.refresh_from_db()
    assert job.status == S.SUCCEEDED, job.error
    assert (job.progress_current, job.progress_total, job.progress_message, job.percent) == (5, 5, "counting", 100)
    assert [line.message for line in job.log_lines.all()] == [f"number {i}" for i in range(1, 6)]
    assert job.result == {"counted": 5} and job.attempts == 1
    assert job.provenance == {"data": "numbers", "synthetic": True}
    assert sorted(f.name for f in job.files.all()) == ["numbers.txt", "parts/a.csv"]
    files = job_folder(job) / "files"
    assert (files / "numbers.txt").read_text() == "1\n2\n3\n4\n5"
    assert sorted(p.name for p in files.rglob("*")) == ["a.csv", "numbers.txt", "parts"]  # no scratch left
    assert DBTaskResult.objects.get(id=job.task_result_id).status == "SUCCESSFUL"
    assert AuditEvent.objects.filter(action="job.start", object_id=str(job.pk), user=researcher).exists()


def test_a_role_that_may_not_start_the_task_is_refused(coder):
    with pytest.raises(PermissionDenied):
        start_job(sample_tasks.count_to, user=coder, n=1)
    assert not Job.objects.exists()


def test_parameters_must_be_json(researcher):
    with pytest.raises(CitydipError, match="JOBS-E002"):
        start_job(sample_tasks.count_to, user=researcher, n=object())


def test_a_job_cancelled_while_queued_never_runs(researcher, tmp_path):
    job = start_job(sample_tasks.count_to, user=researcher, n=2, marker=str(tmp_path / "ran"))
    request_cancel(job, researcher)
    run_queued_jobs()
    job.refresh_from_db()
    assert job.status == S.CANCELLED and not (tmp_path / "ran").exists()


def test_a_running_job_stops_at_cancel_and_writes_no_file(researcher):
    job = start_job(sample_tasks.count_to, user=researcher, n=10, cancel_at=4)
    run_queued_jobs()
    job.refresh_from_db()
    assert job.status == S.CANCELLED and job.progress_current < 10
    assert not job.files.exists() and not (job_folder(job) / "files" / "numbers.txt").exists()


def test_a_failed_job_shows_the_error_and_can_be_started_again(researcher, tmp_path):
    job = start_job(sample_tasks.fails_once, user=researcher, flag=str(tmp_path / "flag"))
    run_queued_jobs()
    job.refresh_from_db()
    assert job.status == S.FAILED and "the first attempt fails (TEST-E001)" in job.error
    first_engine_row = job.task_result_id
    with pytest.raises(CitydipError, match="JOBS-E003"):
        restart_job(Job.objects.create(task_name=job.task_name, title="x", status=S.RUNNING, worker=f"{socket.gethostname()}:{os.getpid()}"))
    restart_job(job, researcher)
    run_queued_jobs()
    job.refresh_from_db()
    assert job.status == S.SUCCEEDED and job.error == "" and job.attempts == 2
    assert job.task_result_id != first_engine_row
    # the old-style progress bar of a builder reports to the job
    assert (job.progress_current, job.progress_total, job.progress_message) == (3, 3, "old-style progress")
    assert [f.name for f in job.files.all()] == ["ok.txt"]


def dead_pid():
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_jobs_of_a_dead_worker_are_marked_interrupted(researcher):
    host = socket.gethostname()
    here = start_job(sample_tasks.count_to, user=researcher, n=1)
    elsewhere_stale = start_job(sample_tasks.count_to, user=researcher, n=1)
    elsewhere_alive = start_job(sample_tasks.count_to, user=researcher, n=1)
    now = timezone.now()
    Job.objects.filter(pk=here.pk).update(status=S.RUNNING, worker=f"{host}:{dead_pid()}", heartbeat_at=now)
    Job.objects.filter(pk=elsewhere_stale.pk).update(status=S.RUNNING, worker="other-host:12",
                                                     heartbeat_at=now - timedelta(minutes=10))
    Job.objects.filter(pk=elsewhere_alive.pk).update(status=S.RUNNING, worker="other-host:13", heartbeat_at=now)
    DBTaskResult.objects.filter(id=here.task_result_id).update(status="RUNNING")
    assert reap_stale_jobs() == 2
    statuses = dict(Job.objects.values_list("pk", "status"))
    assert statuses == {here.pk: S.INTERRUPTED, elsewhere_stale.pk: S.INTERRUPTED, elsewhere_alive.pk: S.RUNNING}
    assert DBTaskResult.objects.get(id=here.task_result_id).status == "FAILED"
    restart_job(Job.objects.get(pk=here.pk), researcher)
    run_queued_jobs()
    assert Job.objects.get(pk=here.pk).status == S.SUCCEEDED


def test_the_command_line_runs_the_same_task_in_process(tmp_path, capsys):
    result = run_here(sample_tasks.count_to, output_dir=tmp_path / "out", quiet=True, n=3)
    assert result == {"counted": 3}
    assert (tmp_path / "out" / "numbers.txt").read_text() == "1\n2\n3"
    assert (tmp_path / "out" / "parts" / "a.csv").exists() and not (tmp_path / "out" / ".work").exists()
    assert "number 3" in capsys.readouterr().out
    assert not Job.objects.exists()


def test_a_bug_shows_one_line_on_the_job_and_the_traceback_on_the_engine_row(researcher):
    job = start_job(sample_tasks.has_a_bug, user=researcher)
    run_queued_jobs()
    job.refresh_from_db()
    assert job.status == S.FAILED and job.error.startswith("ZeroDivisionError: division by zero")
    assert "Traceback" not in job.error
    engine_row = DBTaskResult.objects.get(id=job.task_result_id)
    assert engine_row.status == "FAILED" and "ZeroDivisionError" in engine_row.traceback
