"""``citydip report build --output DIR``: report.html, report.pdf, tables/, figures/, maps/."""
from citydip.core.command import CitydipCommand, output, quiet, verb


@verb("build", "write report.html, report.pdf, tables/, figures/ and maps/",
      output("the folder to write into"), quiet())
def build(command, output, quiet=False, **options):
    from citydip.reports.report import build as build_report

    paths = build_report(output, quiet=quiet)
    command.stdout.write(f"report: {output}/report.html and report.pdf, {len(paths)} files in all")


class Command(CitydipCommand):
    help = "The report of the study: HTML and PDF, with every table, figure and map."
    verbs = (build,)
