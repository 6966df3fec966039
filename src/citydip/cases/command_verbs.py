"""`citydip cases report CASE --output DIR` (DESIGN.md): a verb of the analysis app's `cases` command."""
from citydip.core.command import arg, output, quiet, verb


@verb("report", "a case's chapter: DIR/chapter.html, DIR/chapter.pdf, the map and PROVENANCE.json",
      arg("case", help="the city's Urban Audit code (city id) or the case study's id"),
      output("the folder for the chapter (other files in it are left alone)"), quiet())
def report(command, case, output, quiet, **_):
    from citydip.cases.tasks import case_chapter
    from citydip.cases.workspace import find_case
    from citydip.core.audit import record
    from citydip.core.jobs import run_here

    found = find_case(case)
    result = run_here(case_chapter, output_dir=output, stdout=command.stdout, quiet=quiet, case_id=found.pk)
    record(None, "cases.chapter", found, output=str(output), files=len(result["files"]))
    for name in result["files"]:
        command.stdout.write(f"wrote {output}/{name}")


VERBS = {"cases": (report,)}
