"""Start, cancel and start again jobs; notice the jobs whose worker died."""
import json
import os
import socket
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from citydip.core import audit
from citydip.core.errors import CitydipError
from citydip.core.jobs.declare import CitydipTask, find_task
from citydip.core.jobs.models import Job
from citydip.core.roles import has_role

S = Job.Status


def start_job(task, user=None, *, title=None, **params):
    """Queue ``task`` (a task or its dotted name) with ``params``; the job is returned at once.

    ``user`` is who started it (None for the system); they must hold one of the task's roles.
    ``params`` must be JSON values (ids, strings, numbers, lists): they are stored on the job.
    """
    task = task if isinstance(task, CitydipTask) else find_task(task)
    if user is not None and not has_role(user, *task.roles):
        raise PermissionDenied("your role may not start this job")
    try:
        params = json.loads(json.dumps(params))
    except TypeError as error:
        raise CitydipError("JOBS-E002", f"job parameters must be JSON values: {error}") from error
    with transaction.atomic():
        job = Job.objects.create(task_name=task.module_path, title=str(title or task.title), params=params,
                                 started_by=user if getattr(user, "is_authenticated", False) else None)
        enqueue(job, task)
    audit.record(user, "job.start", job, task=task.module_path, params=params)
    return job


def enqueue(job, task):
    result = task.enqueue(job_id=job.pk)
    job.task_result_id = str(result.id)
    job.save(update_fields=["task_result_id"])


def request_cancel(job, user=None):
    """Ask the job to stop: a queued job never starts; a running one stops at its next progress report."""
    with transaction.atomic():
        asked = Job.objects.filter(pk=job.pk, status__in=(S.QUEUED, S.RUNNING)).update(cancel_requested=True)
        Job.objects.filter(pk=job.pk, status=S.QUEUED).update(status=S.CANCELLED, finished_at=timezone.now())
    if asked:  # a finished job has nothing to cancel
        audit.record(user, "job.cancel", job)
    job.refresh_from_db()
    return job


def restart_job(job, user=None):
    """Queue a failed, cancelled or interrupted job again with the same parameters.

    Every task is written so that running it again finishes the work without doing anything twice
    (docs/production.md, "Jobs"): invitations already sent are not sent again, files are rewritten.
    """
    reap_stale_jobs()
    job.refresh_from_db()
    if job.status not in (S.FAILED, S.CANCELLED, S.INTERRUPTED):
        raise CitydipError("JOBS-E003", f"job {job.pk} is {job.get_status_display()}: only a stopped job can be started again")
    task = find_task(job.task_name)
    if user is not None and not has_role(user, *task.roles):
        raise PermissionDenied("your role may not start this job")
    with transaction.atomic():
        Job.objects.filter(pk=job.pk).update(status=S.QUEUED, cancel_requested=False, finished_at=None, error="")
        enqueue(job, task)
    audit.record(user, "job.restart", job)
    job.refresh_from_db()
    return job


def process_alive(worker):
    """True/False for a process ``host:pid`` on this machine; None when it runs elsewhere.

    Used for job workers and for fieldwork's claims on invitations (host names compared on their
    first 50 characters, the length a job row keeps)."""
    host, _, pid = worker.rpartition(":")
    if host[:50] != socket.gethostname()[:50] or not pid.isdigit():
        return None
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def reap_stale_jobs():
    """Mark as interrupted the running jobs whose worker is gone: its process has ended (same machine),
    or it has not reported for ``CITYDIP_JOB_STALE_SECONDS``. Returns how many."""
    from django_tasks_db.models import DBTaskResult

    stale_before = timezone.now() - timedelta(seconds=settings.CITYDIP_JOB_STALE_SECONDS)
    reaped = 0
    for job in Job.objects.filter(status=S.RUNNING):
        alive = process_alive(job.worker)
        if alive or (alive is None and job.heartbeat_at and job.heartbeat_at > stale_before):
            continue
        if Job.objects.filter(pk=job.pk, status=S.RUNNING, worker=job.worker).update(
                status=S.INTERRUPTED, finished_at=timezone.now(),
                error="the worker running this job stopped (killed, crashed or restarted); start the job again"):
            reaped += 1
            DBTaskResult.objects.filter(id=job.task_result_id, status="RUNNING").update(
                status="FAILED", finished_at=timezone.now(), exception_class_path="citydip.core.jobs.WorkerStopped",
                traceback="the worker stopped while running this task")
    return reaped
