"""Demo step of the survey: a wave of the study's instrument with synthetic answers for about half
of the frame's cities (every one marked ``synthetic``), generated from the instrument itself.

Cities with partnerships in the open-data register (partnerships.Partnership) name those partners;
a few others cooperate with plausible places of the gazetteer. States are mixed: most answered
cities complete, some partial; the other half of the frame has not started. Deterministic with
``ctx.rng``.
"""
import contextlib
import random

from django.db import transaction
from django.utils import timezone

from citydip.core.parallel import run_forked
from citydip.frame.models import City, FrameVersion
from citydip.gazetteer.models import Place
from citydip.partnerships.models import Partnership
from citydip.survey.demo_prefetch import FORM, INSTRUMENT, load_instrument
from citydip.survey.models import Response, Wave
from citydip.survey.partner_evidence import record_survey_partners
from citydip.survey.respond_answers import ValidationFailed, finalise_answers
from citydip.survey.sheets import issue_pilot
from citydip.survey.synthetic import AnswerGenerator
from citydip.survey.waves import store_questionnaire

DEMO_WAVE = "Demo wave (synthetic answers)"
ANSWERED_SHARE, COMPLETE_SHARE = 0.5, 0.75


DEMO_STUDY = {  # plausible, made up, and marked so on every value and on the settings page
    "institution": "Demo University, Institute of International Studies (synthetic)",
    "principal_investigator": "Dr Jane Example (synthetic)",
    "contact": "citydip demo team, 1 Example Street, 00-000 Example City, demo@example.org (synthetic)",
    "funder": "Example Research Council, grant DEMO-2026-001 (synthetic)",
    "ethics_approval": "Demo University Research Ethics Committee, reference DEMO-ETH-01 (synthetic)",
    "data_controller": "Demo University (synthetic)",
    "retention": "five years after the end of the project (synthetic)",
}


def demo_study_settings(ctx):
    from citydip.survey.models import StudySettings

    if not StudySettings.objects.exists():
        StudySettings.objects.create(**DEMO_STUDY, synthetic=True)
        ctx.log("survey: study settings filled with synthetic values (replace them on /survey/study/)")


def build_demo(ctx):
    demo_study_settings(ctx)
    if Wave.objects.filter(name=DEMO_WAVE).exists():
        ctx.log("survey: the demo wave exists already")
        return
    questionnaire, form = store_questionnaire(INSTRUMENT.read_bytes(), INSTRUMENT.name,
                                              form=ctx.prefetched(FORM, load_instrument))
    wave = Wave.objects.create(name=DEMO_WAVE, questionnaire=questionnaire,
                               frame_version=FrameVersion.objects.order_by("-created", "-id").first())
    cities = list(City.objects.filter(in_frame=True).select_related("country").order_by("pk"))
    chosen = set(ctx.rng.sample(range(len(cities)), round(len(cities) * ANSWERED_SHARE)))
    picked = [city for i, city in enumerate(cities) if i in chosen]
    seeds = [ctx.rng.getrandbits(64) for _ in picked]  # one generator per city: the same answers in any process
    places, registered = fallback_places(), register_partners()
    jobs = [(city, registered.get(city.pk), seed) for city, seed in zip(picked, seeds)]
    chunks = [jobs[start:start + CHUNK] for start in range(0, len(jobs), CHUNK)]
    answered = [answer for chunk in run_forked([answers_task(form, chunk, places) for chunk in chunks])
                for answer in chunk]
    now = timezone.now()
    responses = [Response(wave=wave, city=city, language=lang, state=state, answers=answers, started=now,
                          last_saved=now, submitted=now if state == Response.State.COMPLETE else None, revision=1,
                          synthetic=True, confidential=answers.get("publish_city_name") == "no")
                 for (city, _, _), (lang, state, answers) in zip(jobs, answered)]
    with transaction.atomic():
        Response.objects.bulk_create(responses)
        for response in Response.objects.filter(wave=wave, state=Response.State.COMPLETE).select_related("city"):
            record_survey_partners(response)
    counts = {state: sum(r.state == state for r in responses) for state in ("complete", "partial")}
    ctx.log(f"survey: wave '{wave.name}' with {counts['complete']} complete and {counts['partial']} partial "
            f"synthetic responses, {len(cities) - len(responses)} cities not started")
    log_try_link(ctx, wave, [c for i, c in enumerate(cities) if i not in chosen])


def register_partners():
    """{city pk: [repeat entry]} from the partnership register, in a stable order."""
    found = {}
    for p in Partnership.objects.select_related("place").order_by("city_id", "year_signed", "place__name"):
        found.setdefault(p.city_id, []).append({
            "partner_name": p.place.name, "partner_place_id": p.place.place_id, "partner_kind": p.kind,
            "partner_year": p.year_signed, "partner_status": p.status, "partner_areas": p.areas or None})
    return found


def fallback_places():
    places = list(Place.objects.filter(level__in=["prefecture", "province", "county"]).order_by("-population", "name")[:200])
    return [{"partner_name": p.name, "partner_place_id": p.place_id} for p in places] or [
        {"partner_name": name} for name in ("Wuhan", "Chengdu", "Suzhou", "Qingdao", "Xi'an", "Harbin")]


REFUSAL_SHARE = 0.03  # cities that open the form and decline to take part


CHUNK = 40  # cities per task: the synthetic answers are generated side by side (core/parallel.py)


def answers_task(form, jobs, places):
    """A task for run_forked: (language, state, answers) of each (city, registered partners, seed)."""
    return lambda: [demo_answers(form, city, partners, places, random.Random(seed)) for city, partners, seed in jobs]


def demo_answers(form, city, partners, places, rng):
    """(language, state, answers) of one synthetic response for ``city``, drawn from ``rng``."""
    if partners:
        status = "current" if rng.random() < 0.85 else "past"
        partners = partners[:6]
    else:
        status = rng.choices(["current", "past", "never"], weights=[2, 3, 5])[0]
        partners = rng.sample(places, min(len(places), rng.randint(1, 3)))
    preset = {"consent": "no" if rng.random() < REFUSAL_SHARE else "yes", "coop_status": status}
    if status == "current":
        preset["partners"] = with_a_current_tie(partners)
    elif status == "past":
        preset["former_partners"] = [{key.replace("partner_", "former_"): value for key, value in p.items()
                                      if key in ("partner_name", "partner_place_id", "partner_kind", "partner_year")}
                                     for p in partners]
    lang = next((code for code in city.country.languages if code in form.languages), form.default_language)
    complete = rng.random() < COMPLETE_SHARE
    answers = AnswerGenerator(form, rng).generate(preset, stop_after=None if complete else rng.randint(1, 4))
    state = Response.State.PARTIAL
    if complete:
        with contextlib.suppress(ValidationFailed):
            answers, state = finalise_answers(form, answers, lang), Response.State.COMPLETE
    return lang, state, answers


def with_a_current_tie(partners):
    """The partners, the first made active when none is active or dormant (a city that cooperates now)."""
    partners = [dict(p) for p in partners]
    if partners and not any(p.get("partner_status") in ("active", "dormant") for p in partners):
        partners[0]["partner_status"] = "active"
    return partners


def log_try_link(ctx, wave, not_started):
    """A test link for one city that has not answered, so whoever runs the demo can try the form."""
    if not not_started:
        return
    city = not_started[0]
    token = issue_pilot(wave, city, "en")
    ctx.log(f"survey: try the web form as {city.name}: /survey/r/{token}/ (a pilot link: its answers are kept "
            "apart from the study; shown only now)")
