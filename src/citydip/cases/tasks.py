"""The case chapter as a job: the case page's button starts it, `citydip cases report` runs it here."""
from django.utils.translation import gettext_lazy as _

from citydip.core.jobs import job_task
from citydip.core.roles import RESEARCHER


@job_task(title=_("Case chapter"), roles=(RESEARCHER,))
def case_chapter(context, case_id):
    """Build the chapter of case study ``case_id``: chapter.html, chapter.pdf, figures/map.*, PROVENANCE.json."""
    from citydip.analysis.models import CaseStudy
    from citydip.cases.chapter import build

    case = CaseStudy.objects.select_related("city").get(pk=case_id)
    context.describe(case_study=case.pk, city=case.city.city_id, status=case.status)
    context.step(_("building the chapter of %(city)s") % {"city": case.city.name}, total=3)
    with context.output_folder() as folder:
        paths = build(case, folder, advance=context.advance)
        names = [str(p.relative_to(folder)) for p in paths]
    context.log(f"{len(names)} files: " + ", ".join(names))
    return {"files": names}
