"""Background jobs: Django's Tasks framework (``django-tasks`` backport, ``django-tasks-db`` backend, jobs
stored in the study's own database) and a small citydip layer for what people see of them.

An app declares its long operations in ``<app>/tasks.py``::

    from citydip.core.jobs import job_task
    from citydip.core.roles import RESEARCHER

    @job_task(title=_("Survey export"), roles=(RESEARCHER,))
    def export_answers(context, wave_id, fmt):
        context.describe(wave=..., synthetic=False)      # provenance shown with the files
        context.step(_("writing"), total=n)              # a stage of n units
        context.advance()                                # one unit done (also checks Cancel)
        context.log("...")                               # a log line
        with context.output_file("answers.csv", "w") as f: ...   # written atomically

and calls it from a page (``start_job(export_answers, user=request.user, wave_id=3, fmt="csv")``, which
returns the :class:`Job`) and from the command line (``run_here(export_answers, output_dir=DIR, wave_id=3,
fmt="csv")``, same code, rich progress bar). ``citydip worker`` runs queued jobs; ``citydip serve``
starts one worker beside the web server. See ARCHITECTURE.md ("Jobs") and docs/production.md.
"""
from citydip.core.jobs.context import JobCancelled, current_context
from citydip.core.jobs.control import reap_stale_jobs, request_cancel, restart_job, start_job
from citydip.core.jobs.declare import CitydipTask, find_task, job_task
from citydip.core.jobs.execute import run_here

__all__ = ["CitydipTask", "JobCancelled", "current_context", "find_task", "job_task", "reap_stale_jobs",
           "request_cancel", "restart_job", "run_here", "start_job"]
