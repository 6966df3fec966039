"""``citydip report build --output DIR``: report.html, report.pdf, tables/, figures/, maps/."""
from citydip.core.command import CitydipCommand
from citydip.reports.report import build


class Command(CitydipCommand):
    help = "The report of the study: HTML and PDF, with every table, figure and map."

    def add_arguments(self, parser):
        verbs = parser.add_subparsers(dest="verb", required=True)
        sub = verbs.add_parser("build", help="write report.html, report.pdf, tables/, figures/ and maps/")
        sub.add_argument("--output", required=True, help="the folder to write into")
        sub.add_argument("--quiet", action="store_true", help="no progress bar")

    def handle(self, *args, verb, output, quiet=False, **options):
        paths = build(output, quiet=quiet)
        self.stdout.write(f"report: {output}/report.html and report.pdf, {len(paths)} files in all")
