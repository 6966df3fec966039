"""Send invitations or reminders from the browser: first the dry-run count, then a confirmation.
And a test message to oneself, in any language, with a pilot link that counts nowhere.

The count is ``runs.py``, as for ``citydip survey invite --dry-run`` and ``remind --dry-run``; the
confirmation carries the count the user saw, and nothing is sent when it no longer matches. The sending
itself is a job (``fieldwork/tasks.py``), with its progress and log on the jobs page.
"""
from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.mail import EmailMessage, get_connection
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from citydip.core.audit import record
from citydip.core.errors import CitydipError
from citydip.core.jobs import start_job
from citydip.core.roles import FIELDWORKER, RESEARCHER, role_required
from citydip.fieldwork import runs, tasks
from citydip.fieldwork.compose import Composer, message_context
from citydip.fieldwork.invitations import best_contacts
from citydip.fieldwork.links import absolute, respond_url
from citydip.fieldwork.models import EmailTemplate, MessageLog
from citydip.frame.models import City
from citydip.survey.models import Wave
from citydip.survey.sheets import issue_pilot
from citydip.survey.study_settings import require_complete

FIELD_ROLES = (RESEARCHER, FIELDWORKER)
INVITATIONS, REMINDERS = "invitations", "reminders"


class ReminderForm(forms.Form):
    after_days = forms.IntegerField(label=gettext_lazy("Days since the last message"), min_value=0, initial=7)
    max = forms.IntegerField(label=gettext_lazy("Reminders per city at most"), min_value=1, initial=2)


def make_plan(kind, wave, reminder_form):
    if kind == INVITATIONS:
        return runs.plan_invitations(wave)
    if reminder_form.is_valid():
        return runs.plan_reminders(wave, reminder_form.cleaned_data["after_days"], reminder_form.cleaned_data["max"])
    return None


@role_required(*FIELD_ROLES)
def send(request, kind):
    wave = Wave.current()
    if wave is None:
        messages.error(request, _("There is no survey wave yet: create one on the survey page first."))
        return redirect("fieldwork:index")
    defaults = {"after_days": ReminderForm.base_fields["after_days"].initial, "max": ReminderForm.base_fields["max"].initial}
    data = request.POST if request.method == "POST" else (request.GET if "after_days" in request.GET else defaults)
    reminder_form = ReminderForm(data)
    plan = make_plan(kind, wave, reminder_form)
    if request.method == "POST" and plan is not None:
        seen = request.POST.get("count", "")
        if seen != str(plan.count):
            messages.error(request, _("The number of messages changed since you looked (%(seen)s, now %(now)d): "
                                      "check the new count and confirm again.") % {"seen": seen, "now": plan.count})
        elif plan.count == 0:
            messages.error(request, _("There is nothing to send."))
        else:
            return run_now(request, kind, wave, reminder_form)
    context = {"kind": kind, "wave": wave, "plan": plan, "reminder_form": reminder_form,
               "rows": plan.rows[:50] if plan else []}
    return render(request, "fieldwork/send.html", context)


def run_now(request, kind, wave, reminder_form):
    """Start the sending job; its page shows the progress, the log and the summary."""
    try:
        require_complete()  # the consent page and privacy notice must not show placeholders to real cities
    except CitydipError as error:
        messages.error(request, error.message)
        return redirect(f"fieldwork:send-{kind}")
    if kind == INVITATIONS:
        job = start_job(tasks.send_invitations, user=request.user, wave_id=wave.pk)
    else:
        job = start_job(tasks.send_reminders, user=request.user, wave_id=wave.pk,
                        after_days=reminder_form.cleaned_data["after_days"],
                        max_reminders=reminder_form.cleaned_data["max"])
    record(request.user, f"fieldwork.send_{kind}", wave, job=job.pk)
    messages.success(request, _("Sending has started; this page shows its progress."))
    return redirect("jobs:detail", pk=job.pk)


class TestMessageForm(forms.Form):
    kind = forms.ChoiceField(label=gettext_lazy("Message"), choices=MessageLog.Kind.choices)
    language = forms.ChoiceField(label=gettext_lazy("Language"))
    to = forms.EmailField(label=gettext_lazy("Send to"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        languages = sorted(set(EmailTemplate.objects.values_list("language", flat=True)))
        names = dict(settings.LANGUAGES)
        self.fields["language"].choices = [(code, names.get(code, code)) for code in languages]


def sample_city(language):
    cities = City.objects.filter(in_frame=True).select_related("country").order_by("-population")
    return next((c for c in cities[:2000] if language in (c.country.languages or [])), cities.first())


@role_required(*FIELD_ROLES)
def test_message(request):
    """The invitation or reminder as a city would get it, sent to me; its link is a pilot link."""
    composer = Composer()  # makes sure the default templates exist
    form = TestMessageForm(request.POST or None, initial={"to": request.user.email, "kind": "invitation",
                                                          "language": "en"})
    wave = Wave.current()
    if request.method == "POST" and form.is_valid():
        kind, language, to = form.cleaned_data["kind"], form.cleaned_data["language"], form.cleaned_data["to"]
        city = sample_city(language)
        if wave is None or city is None:
            messages.error(request, _("A test message needs a wave and a frame city."))
            return redirect("fieldwork:test-message")
        raw = issue_pilot(wave, city, language, request.user)
        link = absolute(respond_url(raw, language))
        context = message_context(city, best_contacts([city.pk]).get(city.pk), wave, language, link,
                                  absolute("/fieldwork/privacy/"))
        subject, body = composer.render(kind, language, context)
        message = EmailMessage("[TEST] " + subject, body, settings.DEFAULT_FROM_EMAIL, [to],
                               connection=get_connection(fail_silently=False))
        try:
            message.send()
        except OSError as error:
            messages.error(request, _("The mail server did not take the message: %(error)s") % {"error": error})
            return redirect("fieldwork:test-message")
        record(request.user, "fieldwork.test_message", wave, kind=kind, language=language, to=to, city=city.city_id)
        messages.success(request, _("Test message sent to %(to)s (as %(city)s would get it; its link is a pilot "
                                    "link, whose answers are never counted).") % {"to": to, "city": city.name})
        return redirect("fieldwork:test-message")
    return render(request, "fieldwork/test_message.html", {"form": form, "wave": wave})
