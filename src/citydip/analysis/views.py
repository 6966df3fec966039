"""The researchers' analysis page: the latest run (tables, figures, skipped parts) and the case studies."""
import csv
import mimetypes
from pathlib import Path

from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, render

from citydip.analysis.models import AnalysisRun, CaseStudy
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


@role_required(RESEARCHER)
def index(request):
    run = AnalysisRun.objects.first()
    tables, figures = run_sections(run) if run else ([], [])
    cases = CaseStudy.objects.select_related("city", "city__country")
    return render(request, "analysis/index.html", {
        "run": run, "tables": tables, "figures": figures, "cases": cases,
        "output_missing": bool(run) and not Path(run.output_dir).is_dir(),
    })


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
