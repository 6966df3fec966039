"""A section for a city's page: the interviews linked to the city (researchers only).

``city_section(request, city)`` returns None or ``{"title", "template", "context", "order"}``, the
same shape as home panels, so the frame's city page can include it like any other panel.
"""
from django.utils.translation import gettext as _

from citydip.core.roles import RESEARCHER, has_role


def city_section(request, city):
    from citydip.qda.models import Interview

    if not has_role(request.user, RESEARCHER):
        return None
    interviews = list(Interview.objects.usable().filter(city=city).order_by("date", "pseudonym"))
    if not interviews:
        return None
    return {"title": _("Interviews"), "template": "qda/city_section.html", "order": 60,
            "context": {"interviews": interviews}}
