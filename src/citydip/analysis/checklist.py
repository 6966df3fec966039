"""The analysis stage of the study checklist (core/checklist.py)."""
from django.urls import reverse
from django.utils import formats
from django.utils.translation import gettext as _

from citydip.analysis.models import AnalysisRun
from citydip.core.checklist import Stage
from citydip.core.roles import RESEARCHER, has_role


def checklist_stages(request):
    if not has_role(request.user, RESEARCHER):
        return []
    run = AnalysisRun.objects.filter(finished__isnull=False).order_by("-finished").first()
    if run is None:
        return [Stage("analysis", _("Analysis"), _("not run yet"), False, reverse("analysis:index"),
                      _("Run the analysis"))]
    state = _("last run %(date)s") % {"date": formats.date_format(run.finished, "DATETIME_FORMAT")}
    return [Stage("analysis", _("Analysis"), state, True, reverse("analysis:index"), _("See or run it again"))]
