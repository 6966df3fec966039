"""Fieldwork's section on a city's page (rendered by the frame app): contacts, invitation, contact log.

Contacts are personal data: the section is only for admin, researcher and fieldworker; a coder or
a user without a role gets None (nothing shown).
"""
from django.utils.translation import gettext as _

from citydip.core.roles import FIELDWORKER, RESEARCHER, has_role
from citydip.fieldwork.invitations import invitation_for
from citydip.fieldwork.statuses import refresh_statuses
from citydip.survey.models import Wave


def city_section(request, city):
    """The city's fieldwork status, or None for users who may not see contacts."""
    if not has_role(request.user, RESEARCHER, FIELDWORKER):
        return None
    wave = Wave.current()
    if wave:
        refresh_statuses(wave)
    context = {
        "city": city, "wave": wave, "invitation": invitation_for(wave, city) if wave else None,
        "contacts": list(city.contacts.filter(retired__isnull=True)),
        "events": city.contact_events.select_related("by")[:5],
    }
    return {"title": _("Fieldwork"), "template": "fieldwork/city_section.html", "context": context, "order": 40}
