"""The researchers' analysis page: the latest run (tables, figures, skipped parts) and the case studies."""
import csv
import mimetypes
from pathlib import Path

from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_POST

from citydip.analysis.models import AnalysisRun, CaseStudy
from citydip.analysis.tasks import run_analysis
from citydip.core.jobs.models import Job
from citydip.core.jobs.pages import recent_jobs, start_from_page
from citydip.core.roles import RESEARCHER, role_required

MAX_ROWS = 40


def read_table(path, limit=MAX_ROWS):
    """Header and at most ``limit`` rows of a CSV table written by a run (None when it is gone)."""
    try:
        with open(path, newline="", encoding="utf-8") as handle:
            rows = list(csv.reader(handle))
    except OSError:
        return None
    return {"header": rows[0] if rows else [], "rows": rows[1:limit + 1], "more": max(0, len(rows) - 1 - limit)}


def run_sections(run):
    tables, figures = [], []
    directory = Path(run.output_dir)
    for entry in run.outputs:
        if entry["kind"] == "table":
            tables.append({**entry, "data": read_table(directory / entry["files"][0])})
        else:
            figures.append(entry)
    return tables, figures


def job_of(run):
    """The job that made this run (its output folder is the job's), or None for a command-line run."""
    from citydip.core.jobs.files import jobs_root

    folder = Path(run.output_dir)
    if folder.name == "files" and folder.parent.parent == jobs_root() and folder.parent.name.isdigit():
        return Job.objects.select_related("started_by").filter(pk=int(folder.parent.name)).first()
    return None


@role_required(RESEARCHER)
def index(request):
    run = AnalysisRun.objects.first()
    tables, figures = run_sections(run) if run else ([], [])
    cases = CaseStudy.objects.select_related("city", "city__country")
    return render(request, "analysis/index.html", {
        "run": run, "tables": tables, "figures": figures, "cases": cases,
        "output_missing": bool(run) and not Path(run.output_dir).is_dir(),
        "run_job": job_of(run) if run else None,
        "analysis_jobs": recent_jobs(request.user, run_analysis),
    })


@require_POST
@role_required(RESEARCHER)
def run(request):
    return start_from_page(request, run_analysis)


@role_required(RESEARCHER)
def run_file(request, pk, path):
    """A file a run wrote, served only when index.json lists it (no path outside the run's folder)."""
    run = get_object_or_404(AnalysisRun, pk=pk)
    listed = {f for entry in run.outputs for f in entry["files"]}
    if path not in listed:
        raise Http404("not a file of this run")
    full = Path(run.output_dir) / path
    if not full.is_file():
        raise Http404("the file is no longer there")
    content_type = mimetypes.guess_type(full.name)[0] or "application/octet-stream"
    if full.suffix in (".csv", ".tex"):
        content_type = "text/plain; charset=utf-8"
    return FileResponse(full.open("rb"), content_type=content_type)
