"""`citydip analyze --output DIR`: every table and figure of the analysis, with DIR/index.json."""
from pathlib import Path

from citydip.core.command import CitydipCommand, arg, output, quiet
from citydip.core.errors import CitydipError


class Command(CitydipCommand):
    help = "Write every table (CSV, LaTeX), figure (PNG, SVG) and DIR/index.json from the database as it stands."
    arguments = (
        output("folder to write into (created if missing)"),
        arg("--seed", type=int, default=0, help="seed of the typology's k-means and bootstrap (default 0)"),
        quiet("print nothing"),
    )

    def handle(self, *args, output, seed, quiet, **options):
        from citydip.analysis.models import AnalysisRun
        from citydip.analysis.tasks import run_analysis
        from citydip.core.jobs import run_here

        directory = Path(output)
        if directory.exists() and not directory.is_dir():
            raise CitydipError("ANALYSIS-E001", "--output names a file, not a folder: give a folder path",
                               file=str(directory))
        run = AnalysisRun.objects.get(pk=run_here(run_analysis, output_dir=directory, quiet=quiet, echo=False,
                                                  seed=seed)["run"])
        if not quiet:
            tables = sum(1 for e in run.outputs if e["kind"] == "table")
            figures = sum(1 for e in run.outputs if e["kind"] == "figure")
            self.stdout.write(f"wrote {tables} tables and {figures} figures to {directory} (index.json)")
            for skipped in run.skipped:
                self.stdout.write(f"skipped {skipped['name']}: {skipped['reason']}")
            self.stdout.write(f"database checksum {run.checksum[:16]}… recorded as analysis run {run.pk}")
