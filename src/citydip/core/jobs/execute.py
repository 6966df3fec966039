"""Run a job: in the worker (the engine calls :func:`execute`) or on the command line (:func:`run_here`)."""
import logging
import os
import shutil
import socket

from django.utils import timezone

from citydip.core.errors import CitydipError
from citydip.core.jobs.context import ConsoleContext, JobCancelled, JobContext, activated
from citydip.core.jobs.files import job_folder
from citydip.core.jobs.models import Job

logger = logging.getLogger("citydip.jobs")
S = Job.Status


def worker_label():
    """``host:pid`` of this process (as the invitations' claims name it), at most 64 characters."""
    return f"{socket.gethostname()[:50]}:{os.getpid()}"


def execute(task, job_id):
    """Claim the queued job ``job_id`` and run it. Returns a small summary for the engine's row."""
    now = timezone.now()
    claimed = Job.objects.filter(pk=job_id, status=S.QUEUED, cancel_requested=False).update(
        status=S.RUNNING, started_at=now, heartbeat_at=now, worker=worker_label(), finished_at=None, error="")
    job = Job.objects.select_related("started_by").get(pk=job_id)
    if not claimed:
        if job.status == S.QUEUED and job.cancel_requested:
            finish(job, S.CANCELLED)
        return {"status": job.status}
    Job.objects.filter(pk=job_id).update(attempts=job.attempts + 1)
    folder = job_folder(job)
    shutil.rmtree(folder / "files" / ".work", ignore_errors=True)  # scratch left by a killed attempt
    context = JobContext(job, folder / "files")
    context.provenance = dict(job.provenance)
    status, error, result, unexpected = S.SUCCEEDED, "", None, None
    try:
        with activated(context):
            result = task.func(context, **job.params)
    except JobCancelled:
        status = S.CANCELLED
        context.log("cancelled")
    except CitydipError as problem:
        status, error = S.FAILED, str(problem)
        context.log(error, level="error")
    except Exception as problem:  # the page shows one line; the traceback goes to the engine's row and the log
        status, unexpected = S.FAILED, problem
        error = f"{type(problem).__name__}: {problem} (an error in citydip, not in your data: tell the administrator)"
        context.log(f"{type(problem).__name__}: {problem}", level="error")
        logger.exception("job %s failed", job_id)
    if status == S.SUCCEEDED and context.total:
        context.current = context.total
    context.flush()
    finish(job, status, error=error, result=result)
    if unexpected is not None:
        raise unexpected  # the engine records the failure with its traceback (the admin's task results)
    return {"status": status}


def finish(job, status, error="", result=None):
    Job.objects.filter(pk=job.pk).update(status=status, finished_at=timezone.now(), error=error,
                                         result=result if isinstance(result, (dict, list, str, int, float)) else None)


def run_here(task, *, output_dir=None, stdout=None, quiet=False, echo=True, user=None, **params):
    """Run ``task`` in this process, as the command line does: same code, progress drawn on the terminal
    (not with ``quiet``), log lines printed (not without ``echo``). Returns what the task returns."""
    with ConsoleContext(output_dir, user=user, stdout=stdout, quiet=quiet, echo=echo) as context, activated(context):
        return task.func(context, **params)
