"""The map files as a job: the same build as ``citydip map build``, into the job's folder."""
from django.utils.translation import gettext_lazy as _

from citydip.core.jobs import job_task
from citydip.core.roles import RESEARCHER


@job_task(title=_("Build the map files"), roles=(RESEARCHER,), page="mapping:index")
def build_maps(context, audience="anonymised", sizes=("column", "book")):
    """map.html (works offline) and the publication maps as PNG (300 dpi), SVG and PDF, with index.json."""
    from citydip.mapping.build import build, read_index
    from citydip.mapping.reuse import record

    written = build(context.output_dir, audience=audience, sizes=tuple(sizes))
    record(context.output_dir, read_index(context.output_dir), written)
    names = context.register_outputs([context.output_dir / name for name in written])
    context.describe(audience=audience)
    context.log(f"wrote {len(written)} files ({audience} data)")
    result = {"count": len(written)}
    if context.is_job:
        result["files"] = ["map.html", context.zip_outputs("maps.zip", names)]
    return result
