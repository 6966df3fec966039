"""The frame's panel on the home page: frame size by country, with a link to the frame page."""
from django.db.models import Count
from django.utils.translation import gettext as _

from citydip.core.roles import ROLES, has_role
from citydip.frame.models import City, FrameVersion, PopulationStatus


def home_panel(request):
    if not has_role(request.user, *ROLES):
        return None
    in_frame = City.objects.filter(in_frame=True)
    by_country = list(in_frame.order_by().values("country_id", "country__name").annotate(n=Count("id"))
                      .order_by("-n", "country__name"))
    flagged = in_frame.exclude(population_status=PopulationStatus.CURRENT).count()
    return {
        "title": _("Sampling frame"),
        "template": "frame/home_panel.html",
        "context": {"total": in_frame.count(), "by_country": by_country, "flagged": flagged,
                    "version": FrameVersion.current()},
        "order": 10,
    }
