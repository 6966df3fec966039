"""Researcher pages of the survey: waves at a glance, one wave's responses, one response.

Pilot links and previews are in ``pilot_views.py``; the respondent's own pages (token-protected, no
login) are in ``respond_views.py``.
"""
from django.db.models import Count
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext

from citydip.core.roles import RESEARCHER, role_required
from citydip.frame.models import City
from citydip.survey import translation_units
from citydip.survey.models import Response, Wave
from citydip.survey.review import answer_rows, load_wave_form
from citydip.survey.study_settings import FIELDS, missing

STATES = [state for state, _ in Response.State.choices]


def wave_counts(wave):
    """Responses by state; cities of the frame with no response row count as not started."""
    counts = dict.fromkeys(STATES, 0)
    for row in wave.responses.values("state").annotate(n=Count("id")):
        counts[row["state"]] = row["n"]
    in_frame = City.objects.filter(in_frame=True).count()
    counts["not_started"] += max(0, in_frame - sum(counts.values()))
    counts["synthetic"] = wave.responses.filter(synthetic=True).count()
    return counts


@role_required(RESEARCHER)
def index(request):
    waves = [{"wave": wave, "counts": wave_counts(wave)} for wave in Wave.objects.select_related("questionnaire")]
    study_missing = [gettext(FIELDS[field]) for field in missing()]
    return render(request, "survey/index.html", {"waves": waves, "current": Wave.current(),
                                                 "study_missing": study_missing})


def language_statuses(codes):
    """``[{"code", "status"}]``: the review status of each language of a questionnaire (English is the source)."""
    known = set(translation_units.languages())
    return [{"code": code, "status": "source" if code == "en" else
             translation_units.summary(code)["status"] if code in known else "draft"} for code in codes]


@role_required(RESEARCHER)
def wave_detail(request, pk):
    wave = get_object_or_404(Wave.objects.select_related("questionnaire"), pk=pk)
    responses = wave.responses.select_related("city", "city__country").order_by("city__country_id", "city__name")
    state = request.GET.get("state", "")
    if state in STATES:
        responses = responses.filter(state=state)
    context = {"wave": wave, "responses": responses, "state": state, "states": Response.State.choices,
               "counts": wave_counts(wave), "languages": language_statuses(wave.questionnaire.languages),
               **form_problems(wave)}
    return render(request, "survey/wave_detail.html", context)


REPLAYED_RESPONSES = 300  # the most recently saved responses whose answers are re-evaluated


def form_problems(wave):
    """The wave form's load-time problems and the run-time failures of its expressions over the most
    recent responses (each named with sheet, row and column; respondents saw the question instead)."""
    from citydip.survey.xlsform.replay import replay_failures

    form = load_wave_form(wave)
    recent = wave.responses.order_by("-last_saved").values_list("answers", flat=True)[:REPLAYED_RESPONSES]
    return {"form_problems": form.problems, "expression_failures": replay_failures(form, recent)}


@role_required(RESEARCHER)
def response_detail(request, pk):
    response = get_object_or_404(Response.objects.select_related("wave", "city", "wave__questionnaire"), pk=pk)
    form = load_wave_form(response.wave)
    lang = request.GET.get("lang") or form.default_language
    context = {"response": response, "rows": answer_rows(form, response.answers, lang), "lang": lang,
               "tokens": response.tokens.order_by("-created")}
    return render(request, "survey/response_detail.html", context)
