"""How an app declares a task: ``@job_task(title=..., roles=...)`` on a module-level function
``def name(context, **params)`` in ``<app>/tasks.py``.

The result is a Django Tasks ``Task`` (the ``django-tasks`` backport; ``django.tasks`` from Django 6 on)
that knows its title and the roles that may start it, see its jobs and download their files. The
engine stores only the job's id; the parameters live on the :class:`~citydip.core.jobs.models.Job`.
"""
from dataclasses import dataclass

from django.utils.module_loading import import_string
from django.utils.version import PY311
from django_tasks.base import Task

from citydip.core.errors import CitydipError


@dataclass(frozen=True, slots=PY311, kw_only=True)
class CitydipTask(Task):
    title: str = ""
    roles: tuple = ()
    page: str = ""  # URL name of the page that starts it and lists its outputs (the job's page links back)

    def call(self, engine_context, job_id):
        """What the engine's worker runs: the job ``job_id``, with a context that reports to its row."""
        from citydip.core.jobs.execute import execute

        return execute(self, job_id)


def job_task(*, title, roles, page="", queue_name="default", priority=0):
    """Declare a citydip task. ``roles``: who may start it and see its jobs and files (admin always may);
    ``page``: the URL name of the page where it is started and its outputs are listed."""

    def decorate(func):
        return CitydipTask(func=func, title=title, roles=tuple(roles), page=page, takes_context=True,
                           queue_name=queue_name, priority=priority, run_after=None)

    return decorate


def find_task(name):
    """The task at dotted path ``name`` (as stored in a job), or a CitydipError."""
    try:
        task = import_string(name)
    except ImportError as error:
        raise CitydipError("JOBS-E001", f"there is no task {name!r}: {error}") from error
    if not isinstance(task, CitydipTask):
        raise CitydipError("JOBS-E001", f"{name!r} is not a citydip task (declare it with @job_task)")
    return task
