"""The analysis as a job: every table and figure of ``citydip analyze``, into the job's folder."""
from django.utils.translation import gettext_lazy as _

from citydip.core.jobs import job_task
from citydip.core.roles import RESEARCHER


@job_task(title=_("Run the analysis"), roles=(RESEARCHER,), page="analysis:index")
def run_analysis(context, seed=0):
    """Tables (CSV, LaTeX), figures (PNG, SVG) and index.json; recorded as an analysis run.

    Started again after a crash, it writes the files anew and replaces the run an earlier attempt of the
    same job may have recorded: the analysis page never lists a job's run twice.
    """
    from citydip.analysis.models import AnalysisRun
    from citydip.analysis.pipeline import analyze

    AnalysisRun.objects.filter(output_dir=str(context.output_dir)).delete()
    run = analyze(context.output_dir, seed=seed)
    names = context.register_outputs()
    state = run.database_state or {}
    counts = state.get("counts", {})
    context.describe(checksum=run.checksum[:16], seed=seed, synthetic=counts.get("responses_synthetic", 0))
    tables = sum(1 for e in run.outputs if e["kind"] == "table")
    figures = sum(1 for e in run.outputs if e["kind"] == "figure")
    context.log(f"wrote {tables} tables and {figures} figures (index.json)")
    for skipped in run.skipped:
        context.log(f"skipped {skipped['name']}: {skipped['reason']}")
    result = {"run": run.pk, "tables": tables, "figures": figures}
    if context.is_job:  # one download for the web; the command line leaves the folder as it is
        result["files"] = [context.zip_outputs("analysis.zip", names), "index.json"]
    return result
