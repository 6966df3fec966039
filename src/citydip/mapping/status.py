"""The status of a frame city on the map, from the current survey wave and the partnership register.

Five statuses, in this order of precedence:

1. ``coop_survey``   cooperating (survey): its response in the current wave says ``coop_status = current``;
2. ``not_coop``      not cooperating: it answered ``past`` or ``never``;
3. ``coop_open``     cooperating (open data only): partnerships with non-survey evidence, no survey answer;
4. ``no_answer``     no answer yet: it has a response (so a link was issued) in the current wave, no answer;
5. ``not_surveyed``  none of these.

The survey answer wins over open data: a city that says "never" is shown as not cooperating even if an
old listing names a partner (its ties still show in the popup). In the anonymised view a city that
asked to stay confidential is treated as if it had no response at all, so nothing of its answer shows.
"""
from dataclasses import dataclass

from citydip.survey.models import Response, Wave

# (code, label, colour): Okabe & Ito's colour-blind-safe palette; the same colours in the static maps.
STATUSES = (
    ("coop_survey", "cooperating (survey)", "#D55E00"),
    ("coop_open", "cooperating (open data only)", "#E69F00"),
    ("not_coop", "not cooperating", "#0072B2"),
    ("no_answer", "no answer yet", "#CC79A7"),
    ("not_surveyed", "not surveyed", "#999999"),
)
STATUS_CODES = tuple(code for code, _, _ in STATUSES)
STATUS_LABELS = {code: label for code, label, _ in STATUSES}
STATUS_COLOURS = {code: colour for code, _, colour in STATUSES}
COOPERATING = ("coop_survey", "coop_open")


@dataclass(frozen=True)
class SurveyFact:
    """What the current wave says about one city."""

    coop_status: str | None
    confidential: bool
    synthetic: bool


def survey_facts(wave=None):
    """``{city pk: SurveyFact}`` for every city with a response in the wave (default: the current one)."""
    wave = wave or Wave.current()
    if wave is None:
        return {}
    rows = Response.objects.filter(wave=wave).values_list("city_id", "answers", "confidential", "synthetic")
    facts = {}
    for city_id, answers, confidential, synthetic in rows.iterator(chunk_size=500):
        status = (answers or {}).get("coop_status")
        facts[city_id] = SurveyFact(status if status in ("current", "past", "never") else None,
                                    bool(confidential), bool(synthetic))
    return facts


def city_status(fact, has_open_data):
    """The map status of one city from its survey fact (or None) and whether open data names a partner."""
    if fact is not None and fact.coop_status == "current":
        return "coop_survey"
    if fact is not None and fact.coop_status in ("past", "never"):
        return "not_coop"
    if has_open_data:
        return "coop_open"
    if fact is not None:
        return "no_answer"
    return "not_surveyed"


def status_of_city(city, hide_confidential=False):
    """The map status of one city (what its marker shows), and whether its survey data were hidden."""
    from citydip.partnerships.models import Evidence

    wave = Wave.current()
    fact = None
    if wave is not None:
        response = (Response.objects.filter(wave=wave, city=city)
                    .values_list("answers", "confidential", "synthetic").first())
        if response is not None:
            answers, confidential, synthetic = response
            status = (answers or {}).get("coop_status")
            fact = SurveyFact(status if status in ("current", "past", "never") else None, confidential, synthetic)
    hidden = hide_confidential and fact is not None and fact.confidential
    open_data = Evidence.objects.filter(partnership__city=city).exclude(source="survey").exists()
    return city_status(None if hidden else fact, open_data), hidden
