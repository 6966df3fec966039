"""The partnerships section of a frame city's page (rendered by the frame through citydip.frame.sections)."""
from django.utils.translation import gettext as _

from citydip.partnerships.models import ImportedRow, disagreements


def city_section(request, city):
    partnerships = list(city.partnerships.select_related("place", "place__province").prefetch_related("evidence"))
    rows = [{"partnership": p, "evidence": list(p.evidence.all()), "disagreements": disagreements(p)}
            for p in partnerships]
    flagged = ImportedRow.objects.filter(city=city, outcome=ImportedRow.Outcome.NOT_CITY)
    return {"title": _("Partnerships with Chinese places"), "template": "partnerships/city_section.html",
            "context": {"rows": rows, "flagged": flagged, "city": city}, "order": 20}
