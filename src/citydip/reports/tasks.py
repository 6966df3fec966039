"""The report and the deposit package as jobs: the same builds as ``citydip report build`` and
``citydip deposit build``, into the job's folder (written to a scratch folder, moved into place when
complete, so a job started again after a crash writes them anew)."""
from django.utils.translation import gettext_lazy as _

from citydip.core.jobs import job_task
from citydip.core.roles import RESEARCHER


def synthetic_answers():
    from citydip.survey.models import Response

    return Response.objects.filter(synthetic=True).count()


def checksum_of(paths):
    import json

    for path in paths:
        if path.name == "PROVENANCE.json":
            return json.loads(path.read_text(encoding="utf-8")).get("database_checksum", "")[:16]
    return ""


@job_task(title=_("Build the report"), roles=(RESEARCHER,), page="reports:index")
def build_report(context):
    """report.html, report.pdf, tables/, figures/ and maps/."""
    from citydip.reports.report import build

    paths = build(context.output_dir)
    names = context.register_outputs(paths)
    context.describe(checksum=checksum_of(paths), synthetic=synthetic_answers())
    context.log(f"report: report.html and report.pdf, {len(paths)} files in all")
    result = {"count": len(paths)}
    if context.is_job:
        result["files"] = ["report.pdf", "report.html", context.zip_outputs("report.zip", names)]
    return result


@job_task(title=_("Build the deposit package"), roles=(RESEARCHER,), page="reports:index")
def build_deposit(context, confidential_as="country_size", wave_id=None, language=None):
    """The anonymised data package for a repository (data, codebook, README, licence, PROVENANCE.json)."""
    from citydip.reports import deposit

    context.step(_("building the deposit package"), total=1)
    counts, paths = deposit.build(context.output_dir, confidential_as, wave_id, language)
    names = context.register_outputs(paths)
    context.describe(checksum=checksum_of(paths), confidential_as=confidential_as, synthetic=synthetic_answers())
    context.log(f"deposit package: {len(paths)} files; {deposit.summary(counts)}")
    context.advance()
    result = {"count": len(paths), "summary": deposit.summary(counts)}
    if context.is_job:
        result["files"] = [context.zip_outputs("deposit.zip", names), "README.md"]
    return result
