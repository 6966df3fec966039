"""Exporting the answers as a job: the same export as ``citydip survey export``, into the job's folder."""
from django.utils.translation import gettext_lazy as _

from citydip.core.jobs import job_task
from citydip.core.roles import RESEARCHER


@job_task(title=_("Export the answers"), roles=(RESEARCHER,), page="reports:index")
def export_answers(context, fmt, wave_id=None, language=None, with_codebook=True):
    """The wave's answers in one format (csv, xlsx, sav, dta, datapackage) with the codebook and PROVENANCE.json.

    The files are written to a scratch folder and moved into place when complete; started again, the
    job writes them anew.
    """
    from citydip.survey.exports.run import export
    from citydip.survey.models import Response

    context.step(_("exporting the answers"), total=1)
    dataset, paths = export(fmt, context.output_dir, wave_id, language, with_codebook=with_codebook)
    names = context.register_outputs(paths)
    synthetic = Response.objects.filter(wave=dataset.wave, synthetic=True).count()
    context.describe(wave=dataset.wave.name, format=fmt, synthetic=synthetic)
    rows = ", ".join(f"{len(t.rows)} rows in {t.name}" for t in dataset.tables)
    where = "" if context.is_job else f" in {context.output_dir}"
    context.log(f"exported wave '{dataset.wave.name}' as {fmt}: {rows}; {len(paths)} files{where}")
    context.advance()
    result = {"wave": dataset.wave.pk, "format": fmt, "count": len(paths)}
    if context.is_job:
        data = [n for n in names if not n.startswith("codebook") and n != "PROVENANCE.json"]
        result["files"] = ([context.zip_outputs(f"answers_{fmt}.zip", names)] if fmt == "datapackage" or len(data) > 1
                           else data) + [n for n in names if n == "codebook.pdf"]
    return result
