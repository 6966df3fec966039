"""The jobs pages: the list, one job (its live progress box, polled by htmx), cancel, start again, files."""
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from citydip.core import audit
from citydip.core.errors import CitydipError
from citydip.core.jobs.control import reap_stale_jobs, request_cancel, restart_job
from citydip.core.jobs.declare import find_task
from citydip.core.jobs.files import file_path, may_see, visible_jobs
from citydip.core.jobs.models import Job, JobFile
from citydip.core.roles import ROLES, check_role

LOG_TAIL = 200


def visible_job(request, pk):
    check_role(request.user, *ROLES)
    job = get_object_or_404(Job.objects.select_related("started_by"), pk=pk)
    if not may_see(request.user, job):
        raise PermissionDenied("your role may not see this job")
    return job


def job_list(request):
    check_role(request.user, *ROLES)
    reap_stale_jobs()
    jobs = visible_jobs(request.user, Job.objects.select_related("started_by").prefetch_related("files"))[:200]
    return render(request, "core/jobs/list.html", {"jobs": jobs})


def box_context(job):
    lines = list(job.log_lines.order_by("-at", "-pk")[:LOG_TAIL])[::-1]
    return {"job": job, "log_lines": lines, "files": job.files.all()}


def origin_page(job):
    """(url, title) of the page the job's task belongs to, when it declares one."""
    try:
        task = find_task(job.task_name)
        return reverse(task.page) if task.page else None
    except (CitydipError, NoReverseMatch):
        return None


def job_detail(request, pk):
    reap_stale_jobs()
    job = visible_job(request, pk)
    return render(request, "core/jobs/detail.html", {**box_context(job), "origin": origin_page(job)})


def job_progress(request, pk):
    """The live box alone, for htmx's polling; a plain visit gets the whole job page."""
    reap_stale_jobs()
    job = visible_job(request, pk)
    if not request.htmx:
        return redirect("jobs:detail", pk=job.pk)
    return render(request, "core/jobs/_box.html", box_context(job))


@require_POST
def job_cancel(request, pk):
    job = visible_job(request, pk)
    request_cancel(job, request.user)
    messages.info(request, _("Cancel requested: the job stops at its next step."))
    return redirect("jobs:detail", pk=job.pk)


@require_POST
def job_restart(request, pk):
    job = visible_job(request, pk)
    try:
        restart_job(job, request.user)
    except CitydipError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("The job was queued again; it finishes what is left."))
    return redirect("jobs:detail", pk=job.pk)


def job_file(request, pk, name):
    job = visible_job(request, pk)
    job_file = JobFile.objects.filter(job=job, name=name).first()
    path = file_path(job_file) if job_file else None
    if path is None:
        raise Http404("no such file")
    audit.record(request.user, "job.download", job, file=name)
    return FileResponse(open(path, "rb"), as_attachment=True, filename=path.name)
