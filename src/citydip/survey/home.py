"""The survey's panel on the home page: the current wave's responses by state (researchers only)."""
from django.utils.translation import gettext as _

from citydip.core.roles import RESEARCHER, has_role
from citydip.survey.models import Wave
from citydip.survey.views import wave_counts


def home_panel(request):
    wave = Wave.current()
    if wave is None or not has_role(request.user, RESEARCHER):
        return None
    return {"title": _("Survey"), "template": "survey/home_panel.html", "order": 30,
            "context": {"wave": wave, "counts": wave_counts(wave)}}
