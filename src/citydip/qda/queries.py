"""Questions asked of the coding: code frequencies by institution type and by city, code co-occurrence,
and a code × case matrix joined to the survey answers of each case's city (current wave).

Counts are coded segments (each coder's own count), of usable documents only (withdrawn interviews
excluded). A case is a city: the document's own city, else its interview's city.
"""
from collections import Counter, defaultdict

from citydip.qda.models import Interview, Segment, codes_in_tree_order

# Survey variables shown beside the code × case matrix (names of the study's instrument).
CASE_VARIABLES = ("coop_status", "importance", "initiator", "bri", "change_2020", "coord_eu")


def usable_segments(coder=None):
    segments = Segment.objects.usable().select_related("code", "document", "document__interview",
                                                       "document__city", "document__interview__city")
    return segments.filter(coder=coder) if coder is not None else segments


def frequencies_by(group_of, coder=None):
    """``(groups, rows)``: rows are ``(code, [count per group], total)`` for every code."""
    counts = defaultdict(Counter)
    for segment in usable_segments(coder):
        counts[segment.code_id][group_of(segment.document)] += 1
    groups = sorted({g for c in counts.values() for g in c}, key=str)
    rows = [(code, [counts[code.pk][g] for g in groups], sum(counts[code.pk].values()))
            for code in codes_in_tree_order()]
    return groups, rows


def institution_of(document):
    if document.interview_id:
        return document.interview.get_institution_type_display()
    return document.get_kind_display()


def city_of(document):
    city = document.case_city()
    return city.name if city else "(no city)"


def co_occurrence(coder=None):
    """``{(code a, code b): n}``: how often segments of two codes overlap, by the same coder, in one document."""
    by_place = defaultdict(list)
    for segment in usable_segments(coder):
        by_place[(segment.document_id, segment.coder_id)].append(segment)
    pairs = Counter()
    for segments in by_place.values():
        for i, a in enumerate(segments):
            for b in segments[i + 1:]:
                if a.code_id != b.code_id and a.start < b.end and b.start < a.end:
                    key = tuple(sorted((a.code, b.code), key=lambda c: (c.name, c.pk)))
                    pairs[key] += 1
    return dict(sorted(pairs.items(), key=lambda kv: (-kv[1], kv[0][0].name, kv[0][1].name)))


def survey_answers_by_city():
    from citydip.survey.models import Response, Wave

    wave = Wave.current()
    if wave is None:
        return {}
    return {r.city_id: r.answers or {} for r in Response.objects.filter(wave=wave)}


def code_case_matrix(coder=None, variables=CASE_VARIABLES):
    """``(codes, rows)``: one row per case city with its code counts and its survey answers."""
    codes = codes_in_tree_order()
    counts = defaultdict(Counter)
    cities = {}
    for segment in usable_segments(coder):
        city = segment.document.case_city()
        if city is not None:
            cities[city.pk] = city
            counts[city.pk][segment.code_id] += 1
    for interview in Interview.objects.usable().filter(city__isnull=False).select_related("city"):
        cities.setdefault(interview.city_id, interview.city)
    answers = survey_answers_by_city()
    rows = []
    for city in sorted(cities.values(), key=lambda c: (c.country_id, c.name)):
        survey = answers.get(city.pk, {})
        rows.append({"city": city, "counts": [counts[city.pk][c.pk] for c in codes],
                     "survey": [format_answer(survey.get(v)) for v in variables]})
    return codes, rows


def format_answer(value):
    if value is None:
        return ""
    if isinstance(value, list):
        return " ".join(str(v) for v in value)
    return str(value)
