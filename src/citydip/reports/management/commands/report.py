"""``citydip report build --output DIR``: report.html, report.pdf, tables/, figures/, maps/."""
from citydip.core.command import CitydipCommand, output, quiet, verb


@verb("build", "write report.html, report.pdf, tables/, figures/ and maps/",
      output("the folder to write into"), quiet())
def build(command, output, quiet=False, **options):
    from citydip.core.jobs import run_here
    from citydip.reports.tasks import build_report

    result = run_here(build_report, output_dir=output, quiet=quiet, echo=False)
    command.stdout.write(f"report: {output}/report.html and report.pdf, {result['count']} files in all")


class Command(CitydipCommand):
    help = "The report of the study: HTML and PDF, with every table, figure and map."
    verbs = (build,)
