"""The survey's section on a city's page (rendered by the frame app on /frame/city/<pk>/)."""
from django.utils.translation import gettext as _

from citydip.core.roles import RESEARCHER, has_role
from citydip.survey.models import Response, Wave


def city_section(request, city):
    """The city's survey status in every wave, or None for users who may not see responses."""
    if not has_role(request.user, RESEARCHER):
        return None
    by_wave = {r.wave_id: r for r in Response.objects.filter(city=city)}
    rows = [{"wave": wave, "response": by_wave.get(wave.pk)} for wave in Wave.objects.all()]
    if not rows:
        return None
    return {"title": _("Survey"), "template": "survey/city_section.html", "context": {"rows": rows}, "order": 30}
