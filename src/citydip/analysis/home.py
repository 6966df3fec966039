"""Home panel for researchers: the latest analysis run and the case studies by status."""
from django.utils.translation import gettext as _

from citydip.core.roles import RESEARCHER, has_role


def home_panel(request):
    from django.db.models import Count

    from citydip.analysis.models import AnalysisRun, CaseStudy

    if not has_role(request.user, RESEARCHER):
        return None
    statuses = dict(CaseStudy.objects.values_list("status").annotate(n=Count("id")).order_by("status"))
    return {"title": _("Analysis"), "template": "analysis/home_panel.html", "order": 70,
            "context": {"run": AnalysisRun.objects.first(), "statuses": statuses}}
