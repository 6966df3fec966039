"""Fieldwork's stages of the study checklist: contacts, invitations, tracking (core/checklist.py)."""
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from citydip.core.checklist import Stage
from citydip.core.roles import FIELDWORKER, RESEARCHER, has_role
from citydip.fieldwork.invitations import mailable_contacts
from citydip.fieldwork.models import Invitation
from citydip.frame.models import City
from citydip.survey.models import Response, Wave


def checklist_stages(request):
    if not has_role(request.user, RESEARCHER, FIELDWORKER):
        return []
    frame = City.objects.filter(in_frame=True)
    total = frame.count()
    reachable = frame.filter(pk__in=mailable_contacts().values("city_id")).count()
    without = total - reachable
    if reachable == 0:
        contacts = Stage("contacts", _("Contacts"), _("no contact yet"), False, reverse("fieldwork:contacts-import"),
                         _("Import contacts"))
    else:
        state = ngettext("%(n)d city without a contact", "%(n)d cities without a contact", without) % {"n": without}
        contacts = Stage("contacts", _("Contacts"), state, True,
                         reverse("fieldwork:todo") if without else reverse("fieldwork:contacts-import"),
                         _("Find the missing contacts") if without else _("Import more contacts"))
    wave = Wave.current()
    sent = Invitation.objects.filter(wave=wave, sent_at__isnull=False).count() if wave else 0
    if sent == 0:
        invitations = Stage("invitations", _("Invitations"), _("none sent yet"), False,
                            reverse("fieldwork:send-invitations"), _("Send the invitations"))
    else:
        invitations = Stage("invitations", _("Invitations"), ngettext(
            "%(sent)d of %(total)d cities invited", "%(sent)d of %(total)d cities invited", total) % {
            "sent": sent, "total": total}, True, reverse("fieldwork:send-reminders"), _("Send reminders"))
    responses = Response.objects.filter(wave=wave) if wave else Response.objects.none()
    complete = responses.filter(state=Response.State.COMPLETE).count()
    partial = responses.filter(state=Response.State.PARTIAL).count()
    tracking = Stage("tracking", _("Tracking"), _("%(complete)d complete, %(partial)d partial of %(total)d") % {
        "complete": complete, "partial": partial, "total": total}, complete > 0, reverse("fieldwork:index"),
        _("Response rates and to-do list"))
    return [contacts, invitations, tracking]
