"""``citydip partnerships reconcile``: open data against survey answers, per city.

It lives in the survey app (it reads responses, which the partnerships app must not) and joins the
partnerships command through the ``command_verbs`` hook (``survey/command_verbs.py``).

First every submitted (or partly answered) survey response's partners are recorded as survey Evidence
(:func:`record_survey_partners`). Then each partnership of a city that answered falls in one of three
groups: only in open data (import, Wikidata), only in survey answers, or in both, where the facts they
give (kind, year, status) are compared and differences listed. Manual evidence counts as neither.
"""
import csv
from dataclasses import dataclass, field

from citydip.core.command import output, verb
from citydip.core.files import atomic_write
from citydip.partnerships.models import FACTS, Partnership
from citydip.survey.partner_evidence import record_survey_partners

OPEN = {"import", "wikidata"}


@dataclass
class CityReconciliation:
    city: object
    only_open: list = field(default_factory=list)
    only_survey: list = field(default_factory=list)
    both: list = field(default_factory=list)  # (partnership, {fact: (survey value, open value)})
    unplaced: list = field(default_factory=list)  # survey partners without a place


@dataclass
class Reconciliation:
    cities: list

    def lines(self):
        yield f"{len(self.cities)} cities with survey answers"
        for item in self.cities:
            yield f"{item.city.name} ({item.city.country_id}, {item.city.city_id}):"
            for p in item.only_open:
                yield f"  only in open data: {p.place.name} {p.place.name_zh}"
            for p in item.only_survey:
                yield f"  only in the survey: {p.place.name} {p.place.name_zh}"
            for p, diffs in item.both:
                text = "; ".join(f"{f}: survey {s} vs open data {o}" for f, (s, o) in diffs.items()) or "same facts"
                yield f"  in both: {p.place.name} {p.place.name_zh} ({text})"
            for outcome in item.unplaced:
                yield f"  survey partner without a place: {outcome.reason}"

    def rows(self):
        for item in self.cities:
            base = {"city_id": item.city.city_id, "city": item.city.name, "country_iso2": item.city.country_id}
            for group, partnerships in (("only_open", item.only_open), ("only_survey", item.only_survey)):
                for p in partnerships:
                    yield {**base, "place_id": p.place.place_id, "place": p.place.name, "group": group, "differences": ""}
            for p, diffs in item.both:
                text = "; ".join(f"{f}: survey {s} vs open data {o}" for f, (s, o) in diffs.items())
                yield {**base, "place_id": p.place.place_id, "place": p.place.name,
                       "group": "both_differ" if diffs else "both_same", "differences": text}


def answered_responses():
    from citydip.survey.models import Response

    return Response.objects.exclude(state="not_started").select_related("city").order_by("city__country_id", "city__name")


@verb("reconcile", "per city: partnerships only in open data, only in survey answers, or in both with differences",
      output("also write the list as CSV", required=False))
def reconcile_verb(command, output=None, **options):
    report = reconcile()
    for line in report.lines():
        command.stdout.write(line)
    if output:
        write_csv(report, output)
        command.stdout.write(f"written to {output}")


def reconcile():
    cities = {}
    for response in answered_responses():
        item = cities.setdefault(response.city.pk, CityReconciliation(response.city))
        item.unplaced += [o for o in record_survey_partners(response) if o.partnership is None]
    for item in cities.values():
        classify(item)
    return Reconciliation(list(cities.values()))


def classify(item):
    for partnership in Partnership.objects.filter(city=item.city).select_related("place").prefetch_related("evidence"):
        evidence = list(partnership.evidence.all())
        survey = [e for e in evidence if e.source == "survey"]
        open_data = [e for e in evidence if e.source in OPEN]
        if survey and open_data:
            item.both.append((partnership, differences(survey, open_data)))
        elif survey:
            item.only_survey.append(partnership)
        elif open_data:
            item.only_open.append(partnership)


def differences(survey, open_data):
    diffs = {}
    for fact in FACTS:
        said = {getattr(e, fact) for e in survey} - {None, "", "unknown"}
        listed = {getattr(e, fact) for e in open_data} - {None, "", "unknown"}
        if said and listed and said != listed:
            diffs[fact] = (", ".join(map(str, sorted(said))), ", ".join(map(str, sorted(listed))))
    return diffs


def write_csv(report, path):
    with atomic_write(path, newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=("city_id", "city", "country_iso2", "place_id", "place", "group",
                                                    "differences"))
        writer.writeheader()
        writer.writerows(report.rows())
