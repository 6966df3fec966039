"""What the pages of the apps use to start jobs and list their outputs.

``start_from_page(request, task, **params)`` queues the job for the logged-in user (the task's roles are
checked, the start is audited) and sends them to the job's page, where the progress is live.
``recent_jobs(user, *tasks)`` gives the latest jobs of those tasks that the user may see, for the
``core/jobs/_outputs.html`` list (who, when, state, made from what, files to download).
"""
from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from citydip.core.jobs.control import start_job
from citydip.core.jobs.files import visible_jobs
from citydip.core.jobs.models import Job


def start_from_page(request, task, **params):
    job = start_job(task, user=request.user, **params)
    messages.success(request, _("Started: %(title)s. The job goes on if you leave this page.") % {"title": job.title})
    return redirect("jobs:detail", pk=job.pk)


def recent_jobs(user, *tasks, limit=5):
    names = [task.module_path for task in tasks]
    queryset = Job.objects.filter(task_name__in=names).select_related("started_by").prefetch_related("files")
    return list(visible_jobs(user, queryset)[:limit])
