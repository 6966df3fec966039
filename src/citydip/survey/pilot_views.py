"""The researchers' "Pilot and preview" page: try a wave's questionnaire before (and while) it is fielded.

- A **preview** opens any city's form in any of the questionnaire's languages; it keeps its answers
  in the researcher's session only and stores nothing (``sheets.start_preview``).
- A **pilot link** is a personal link whose answers go to a table of their own (``PilotResponse``):
  never counted in rates, never in the register, the exports or the analysis. One button clears them.
"""
from django import forms
from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from citydip.core.audit import record
from citydip.core.roles import RESEARCHER, role_required
from citydip.frame.models import City
from citydip.survey import sheets
from citydip.survey.models import Wave
from citydip.survey.review import load_wave_form


class PilotForm(forms.Form):
    wave = forms.ModelChoiceField(label=gettext_lazy("Wave"), queryset=Wave.objects.all(), empty_label=None)
    city = forms.ModelChoiceField(label=gettext_lazy("City"),
                                  queryset=City.objects.filter(in_frame=True).select_related("country"))
    language = forms.ChoiceField(label=gettext_lazy("Language"))

    def __init__(self, *args, wave=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = language_choices(wave)


def language_choices(wave):
    if wave is None:
        return []
    form = load_wave_form(wave)
    return [(code, form.language_names.get(code, code)) for code in form.languages]


def chosen_wave(request):
    wave_id = request.POST.get("wave") or request.GET.get("wave")
    if wave_id and str(wave_id).isdigit():
        return Wave.objects.filter(pk=wave_id).first() or Wave.current()
    return Wave.current()


@role_required(RESEARCHER)
def pilot_page(request):
    wave = chosen_wave(request)
    initial = {"wave": wave, "city": request.GET.get("city")}
    form = PilotForm(request.POST or None, initial=initial, wave=wave)
    link = None
    if request.method == "POST" and form.is_valid():
        wave, city, language = form.cleaned_data["wave"], form.cleaned_data["city"], form.cleaned_data["language"]
        if request.POST.get("action") == "preview":
            token = sheets.start_preview(request, wave, city, language)
            record(request.user, "survey.preview", wave, city=city.city_id, language=language)
            return redirect(reverse("survey:respond", args=[token]) + "?" + urlencode({"lang": language}))
        raw = sheets.issue_pilot(wave, city, language, request.user)
        record(request.user, "survey.pilot_link", wave, city=city.city_id, language=language)
        link = request.build_absolute_uri(reverse("survey:respond", args=[raw]))
    pilots = wave.pilot_responses.select_related("city", "created_by") if wave else []
    context = {"form": form, "link": link, "wave": wave, "pilots": pilots, "waves": Wave.objects.all(),
               "languages": language_choices(wave)}
    return render(request, "survey/pilot.html", context)


@role_required(RESEARCHER)
@require_POST
def preview_language(request, pk):
    """The questionnaire in one language, as the first city of the frame would see it; stores nothing."""
    wave = get_object_or_404(Wave, pk=pk)
    language = request.POST.get("language", "")
    if language not in dict(language_choices(wave)):
        messages.error(request, _("The questionnaire has no language %(code)s.") % {"code": language})
        return redirect(reverse("survey:pilot") + "?" + urlencode({"wave": wave.pk}))
    city = City.objects.filter(in_frame=True).order_by("name").first()
    if city is None:
        messages.error(request, _("The frame has no city yet: build the frame first."))
        return redirect(reverse("survey:pilot") + "?" + urlencode({"wave": wave.pk}))
    token = sheets.start_preview(request, wave, city, language, from_answers=False)
    record(request.user, "survey.preview", wave, language=language)
    return redirect(reverse("survey:respond", args=[token]) + "?" + urlencode({"lang": language}))


@role_required(RESEARCHER)
@require_POST
def clear_pilot(request, pk):
    wave = get_object_or_404(Wave, pk=pk)
    deleted = sheets.clear_pilot(wave)
    record(request.user, "survey.pilot_clear", wave, deleted=deleted)
    messages.success(request, _("The pilot is cleared: %(n)d pilot responses deleted.") % {"n": deleted})
    return redirect(reverse("survey:pilot") + "?" + urlencode({"wave": wave.pk}))
