from pathlib import Path

from citydip.core.command import CitydipCommand
from citydip.core.errors import CitydipError


class Command(CitydipCommand):
    help = "Write every table (CSV, LaTeX), figure (PNG, SVG) and DIR/index.json from the database as it stands."

    def add_arguments(self, parser):
        parser.add_argument("--output", required=True, help="folder to write into (created if missing)")
        parser.add_argument("--seed", type=int, default=0, help="seed of the typology's k-means and bootstrap (default 0)")
        parser.add_argument("--quiet", action="store_true")

    def handle(self, *args, output, seed, quiet, **options):
        from citydip.analysis.pipeline import analyze

        directory = Path(output)
        if directory.exists() and not directory.is_dir():
            raise CitydipError("ANALYSIS-E001", "--output names a file, not a folder: give a folder path",
                               file=str(directory))
        run = analyze(directory, seed=seed)
        if not quiet:
            tables = sum(1 for e in run.outputs if e["kind"] == "table")
            figures = sum(1 for e in run.outputs if e["kind"] == "figure")
            self.stdout.write(f"wrote {tables} tables and {figures} figures to {directory} (index.json)")
            for skipped in run.skipped:
                self.stdout.write(f"skipped {skipped['name']}: {skipped['reason']}")
            self.stdout.write(f"database checksum {run.checksum[:16]}… recorded as analysis run {run.pk}")
