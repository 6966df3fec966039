"""Where a job's files live and who may see a job and its files.

Each job has a folder ``CITYDIP_JOBS_DIR/<id>/``; finished outputs are in its ``files/`` folder. A job,
its log and its files are visible to the roles its task declares (admin always): contact lists and
letters, which hold personal data, are declared for researchers and fieldworkers, never for coders.
"""
from pathlib import Path

from django.conf import settings

from citydip.core.errors import CitydipError
from citydip.core.roles import has_role


def jobs_root():
    return Path(settings.CITYDIP_JOBS_DIR)


def job_folder(job):
    return jobs_root() / str(job.pk)


def may_see(user, job):
    return has_role(user, *roles_of_name(job.task_name))


def visible_jobs(user, queryset):
    """The jobs of ``queryset`` that ``user`` may see."""
    allowed = [name for name in queryset.values_list("task_name", flat=True).distinct()
               if has_role(user, *roles_of_name(name))]
    return queryset.filter(task_name__in=allowed)


def roles_of_name(task_name):
    """The roles of a task; none (admin only) when the task no longer exists."""
    from citydip.core.jobs.declare import find_task

    try:
        return find_task(task_name).roles
    except CitydipError:
        return ()


def file_path(job_file):
    """The file on disk, refusing any name that would leave the job's folder."""
    base = (job_folder(job_file.job) / "files").resolve()
    path = (base / job_file.name).resolve()
    if base not in path.parents or not path.is_file():
        return None
    return path
