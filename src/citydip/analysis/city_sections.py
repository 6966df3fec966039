"""The case-study status of a city, as a section of the city's page.

``city_section(request, city)`` returns a section ``{"title", "template", "context", "order"}`` (the
shape of home panels) for the city page of the frame app, or None unless the user is a researcher or
admin and the city is (or was) a case study.
"""
from django.utils.translation import gettext as _

from citydip.core.roles import RESEARCHER, has_role


def city_section(request, city):
    from citydip.analysis.models import CaseStudy

    if not has_role(request.user, RESEARCHER):
        return None
    case = CaseStudy.objects.filter(city=city).first()
    if case is None:
        return None
    return {"title": _("Case study"), "template": "analysis/city_section.html", "context": {"case": case}, "order": 70}
