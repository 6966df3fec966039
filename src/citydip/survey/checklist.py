"""The survey's stages of the study checklist: instrument, wave, pilot (core/checklist.py)."""
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from citydip.core.checklist import Stage
from citydip.core.models import AuditEvent
from citydip.core.roles import RESEARCHER, has_role
from citydip.survey.models import PilotResponse, Questionnaire, Response, Wave


def day(value):
    return formats.date_format(value, "DATE_FORMAT")


def wave_state(wave):
    today = timezone.localdate()
    if wave.closes and wave.closes < today:
        return _("%(name)s: closed on %(date)s") % {"name": wave.name, "date": day(wave.closes)}
    if wave.opens and wave.opens > today:
        return _("%(name)s: opens on %(date)s") % {"name": wave.name, "date": day(wave.opens)}
    if wave.opens:
        return _("%(name)s: open since %(date)s") % {"name": wave.name, "date": day(wave.opens)}
    return _("%(name)s: created %(date)s") % {"name": wave.name, "date": day(wave.created)}


def pilot_stage(wave):
    url = reverse("survey:pilot") + f"?wave={wave.pk}" if wave else reverse("survey:pilot")
    if wave is None:
        return Stage("pilot", _("Pilot"), _("no wave to pilot yet"), False, url, _("Pilot and preview"))
    pilots = PilotResponse.objects.filter(wave=wave)
    n, complete = pilots.count(), pilots.filter(state=Response.State.COMPLETE).count()
    cleared = AuditEvent.objects.filter(action="survey.pilot_clear", object_type="survey.wave",
                                        object_id=str(wave.pk)).order_by("-at").first()
    if n:
        state = ngettext("%(n)d pilot answer (%(complete)d complete); clear it before fieldwork",
                         "%(n)d pilot answers (%(complete)d complete); clear them before fieldwork", n) % {
            "n": n, "complete": complete}
        return Stage("pilot", _("Pilot"), state, False, url, _("Review and clear the pilot"))
    if cleared:
        return Stage("pilot", _("Pilot"), _("piloted; cleared on %(date)s") % {"date": day(cleared.at)}, True, url,
                     _("Pilot and preview"))
    return Stage("pilot", _("Pilot"), _("not piloted yet"), False, url, _("Pilot the wave"))


def checklist_stages(request):
    if not has_role(request.user, RESEARCHER):
        return []
    questionnaire = Questionnaire.objects.order_by("-created").first()
    upload = reverse("survey:form-upload")
    if questionnaire is None:
        instrument = Stage("instrument", _("Questionnaire"), _("no questionnaire yet"), False, upload,
                           _("Upload the XLSForm"))
    else:
        instrument = Stage("instrument", _("Questionnaire"), _("%(form)s version %(version)s, %(n)d languages") % {
            "form": questionnaire.form_id, "version": questionnaire.version or "–",
            "n": len(questionnaire.languages)}, True, upload, _("Upload a new version"))
    wave = Wave.current()
    if wave is None:
        wave_stage = Stage("wave", _("Wave"), _("no wave yet"), False, upload, _("Create the wave"))
    else:
        wave_stage = Stage("wave", _("Wave"), wave_state(wave), True, reverse("survey:wave", args=[wave.pk]),
                           _("See the wave"))
    return [instrument, study_stage(), wave_stage, pilot_stage(wave)]


def study_stage():
    """The study settings the consent page, the privacy notice and the letters show (study_settings.py)."""
    from citydip.survey.study_settings import FIELDS, current, missing

    settings, url = current(), reverse("survey:study-settings")
    empty = missing(settings)
    if not empty:
        state = _("set (%(institution)s)") % {"institution": settings.institution}
        return Stage("study", _("Study settings"), state, True, url, _("Change them"))
    state = ngettext("%(n)d missing: %(fields)s", "%(n)d missing: %(fields)s", len(empty)) % {
        "n": len(empty), "fields": ", ".join(str(FIELDS[field]) for field in empty)}
    return Stage("study", _("Study settings"), state, False, url, _("Set them"))
