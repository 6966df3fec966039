"""Home page panel: fieldwork progress of the current wave (for admin, researcher, fieldworker)."""
from django.utils.translation import gettext as _

from citydip.core.roles import FIELDWORKER, RESEARCHER, has_role
from citydip.fieldwork import rates
from citydip.fieldwork.models import Invitation
from citydip.survey.models import Wave


def home_panel(request):
    if not has_role(request.user, RESEARCHER, FIELDWORKER):
        return None
    wave = Wave.current()
    if wave is None:
        return None
    rows = rates.city_outcomes(wave)
    invited = Invitation.objects.filter(wave=wave, sent_at__isnull=False).count()
    return {"title": _("Fieldwork progress"), "template": "fieldwork/home_panel.html", "order": 30,
            "context": {"wave": wave, "overall": rates.summary_row("all", rows), "invited": invited}}
