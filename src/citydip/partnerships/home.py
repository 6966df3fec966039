"""Home page panel: the size of the partnership register and the review queue."""
from django.utils.translation import gettext as _

from citydip.core.roles import CODER, FIELDWORKER, RESEARCHER, has_role
from citydip.partnerships.models import ImportedRow, Partnership


def home_panel(request):
    if not has_role(request.user, RESEARCHER, FIELDWORKER, CODER):
        return None
    partnerships = Partnership.objects.all()
    return {"title": _("Partnerships"), "template": "partnerships/home_panel.html", "order": 30, "context": {
        "partnerships": partnerships.count(),
        "cities": partnerships.values("city").distinct().count(),
        "places": partnerships.values("place").distinct().count(),
        "review": ImportedRow.objects.filter(outcome=ImportedRow.Outcome.REVIEW).count(),
        "can_review": has_role(request.user, RESEARCHER)}}
