"""Everything known about one case study, gathered from every app: the case page and the chapter read this.

Consent rules are those of the qda app: documents, segments and memos of an interview whose consent
was withdrawn are left out (``usable()``), and a quotation is verbatim only where the interviewee
agreed (:mod:`citydip.qda.quotes`).
"""
from dataclasses import dataclass
from datetime import date

from django.db.models import Q

from citydip.analysis.models import CaseStudy, Covariate
from citydip.qda.models import Document, Interview, Memo, codes_in_tree_order
from citydip.qda.quotes import themes_of


def find_case(text):
    """A case study by the case id or its city's public id (Urban Audit code, GN<id>, C<pk>)."""
    from citydip.qda.documents import find_case as find

    return find(text)


def case_documents(case):
    """Usable documents of a case: linked to it, to one of its interviews, or about its city."""
    return (Document.objects.usable()
            .filter(Q(case=case) | Q(interview__case=case) | Q(city=case.city))
            .select_related("interview", "city", "case__city").distinct().order_by("kind", "doc_date", "title"))


def case_interviews(case):
    """All interviews of a case (withdrawn ones too, shown as such), newest first."""
    return (Interview.objects.filter(Q(case=case) | Q(city=case.city)).select_related("city")
            .order_by("withdrawn_at", "-date", "pseudonym"))


def frame_facts(city):
    return [("country", city.country.name if city.country_id else ""), ("city id", city.city_id),
            ("native name", city.native_name), ("population", f"{city.population:,}" if city.population else ""),
            ("population year", city.population_year or ""), ("size class", city.size_class),
            ("NUTS-3", city.nuts3), ("capital", "yes" if city.is_capital else "no")]


def covariates(city):
    """The latest value of each city- and country-level covariate, with year and source."""
    latest = {}
    rows = Covariate.objects.filter(Q(city=city) | Q(country_id=city.country_id, level="country"))
    for row in rows.order_by("level", "variable", "year", "pk"):
        name = row.variable if row.level == "city" else f"country {row.variable}"
        latest[name] = row
    return [{"name": name, "value": row.value, "year": row.year, "source": row.source, "synthetic": row.synthetic}
            for name, row in sorted(latest.items())]


def rationale(case):
    """Why the city was chosen, in words, with the rule and the covariates used."""
    data = case.rationale or {}
    rule = data.get("rule") or {}
    if isinstance(rule, str):
        rule = {"method": rule}
    z = data.get("z") or {}
    values = [{"name": name, "value": value, "z": z.get(name)} for name, value in (data.get("covariates") or {}).items()]
    constraints = rule.get("constraints") or {}
    words = ""
    if rule:
        words = (f"Chosen by {rule.get('method', 'the case selection')} ({rule.get('distance', '')}) among "
                 f"{rule.get('candidates', '?')} candidate cities, with at most "
                 f"{constraints.get('max_per_country', '?')} per country; seed {rule.get('seed', '?')}.")
    return {"why": data.get("why", ""), "rule": words, "values": values, "selected": case.selected}


def answer_text(value, labels=None):
    """An answer as a short string: choices by label, lists joined, a repeat by its entries' names."""
    labels = labels or {}
    if value is None or value == "":
        return ""
    if isinstance(value, list):
        if value and isinstance(value[0], dict):
            names = [str(v.get("partner_name") or v.get("name") or "?") for v in value]
            return f"{len(value)}: " + "; ".join(names)
        return ", ".join(labels.get(str(v), str(v)) for v in value)
    if isinstance(value, dict):
        return "; ".join(f"{k}={v}" for k, v in value.items())
    return labels.get(str(value), str(value))


def answers_across_waves(city):
    """``{"waves": [wave], "rows": [{"name", "values": [text per wave], "changed", "closed"}]}`` of the city's
    answers. ``changed`` is true when the answer differs between two waves in which the question was answered;
    ``closed`` marks choice, number and repeat answers (free text, which may name people, is not closed)."""
    from citydip.analysis.labels import choice_labels
    from citydip.survey.models import Response

    responses = list(Response.objects.filter(city=city).exclude(answers={}).select_related("wave")
                     .order_by("wave__created", "wave_id"))
    if not responses:
        return {"waves": [], "rows": [], "confidential": False, "synthetic": False}
    labels = choice_labels(responses[-1].wave)
    names = []
    for response in responses:
        names += [name for name in response.answers if name not in names]
    rows = []
    for name in names:
        raw = [r.answers.get(name) for r in responses]
        values = [answer_text(value, labels.get(name)) for value in raw]
        given = [v for v in values if v]
        closed = name in labels or all(v is None or isinstance(v, (int, float, bool)) or (
            isinstance(v, list) and all(isinstance(x, dict) for x in v)) for v in raw)
        rows.append({"name": name, "values": values, "changed": len(set(given)) > 1, "closed": closed})
    return {"waves": [r.wave for r in responses], "rows": rows, "responses": responses,
            "confidential": any(r.confidential for r in responses), "synthetic": any(r.synthetic for r in responses)}


def partnerships(city):
    from citydip.partnerships.models import Partnership

    ties = (Partnership.objects.filter(city=city).select_related("place", "place__province")
            .prefetch_related("evidence").order_by("year_signed", "place__name"))
    return [{"tie": tie, "place": tie.place, "evidence": list(tie.evidence.all())} for tie in ties]


@dataclass
class Event:
    date: date
    kind: str
    title: str
    source: str
    precision: str = "day"  # "year" when only the year is known
    synthetic: bool = False
    link: tuple = ()  # (URL name, pk) of the event's page; the case page shows it, a chapter does not

    @property
    def url(self):
        """Resolved only when shown: reversing loads every app's URLs, which a chapter built on the command line
        does not need."""
        from django.urls import reverse

        return reverse(self.link[0], args=[self.link[1]]) if self.link else ""

    @property
    def shown_date(self):
        return str(self.date.year) if self.precision == "year" else self.date.isoformat()


def timeline(case, documents=None, interviews=None):
    """Dated events of a case from every source, oldest first."""
    from citydip.survey.models import Response

    events = []
    for item in partnerships(case.city):
        tie = item["tie"]
        if tie.year_signed:
            events.append(Event(date(tie.year_signed, 1, 1), "tie signed",
                                f"{tie.get_kind_display() if tie.kind != 'unknown' else 'tie'} signed with {tie.place.name}",
                                ", ".join(sorted({e.get_source_display() for e in item["evidence"]})) or "register",
                                precision="year"))
        ended = [e for e in item["evidence"] if e.status == "ended" and e.date]
        if ended:
            evidence = min(ended, key=lambda e: e.date)
            events.append(Event(evidence.date, "tie ended", f"tie with {tie.place.name} ended",
                                evidence.reference or evidence.get_source_display()))
    for response in Response.objects.filter(city=case.city).exclude(answers={}).select_related("wave"):
        when = response.submitted or response.last_saved
        if when:
            events.append(Event(when.date(), "survey", f"answered the survey wave {response.wave.name}"
                                + (" (submitted)" if response.submitted else " (in part)"), "survey",
                                synthetic=response.synthetic))
    for interview in (interviews if interviews is not None else case_interviews(case)):
        if interview.date and not interview.is_withdrawn:
            events.append(Event(interview.date, "interview", f"interview with {interview.pseudonym}",
                                "interview record", synthetic=interview.synthetic,
                                link=("qda:interview", interview.pk)))
    for document in (documents if documents is not None else case_documents(case)):
        if document.doc_date:
            events.append(Event(document.doc_date, document.get_doc_type_display() or "document", document.title,
                                document.source or "case document", synthetic=document.synthetic,
                                link=("qda:workbench", document.pk)))
    for visit in case.field_visits.all():
        events.append(Event(visit.start, "field visit", f"field visit, {len(visit.people())} people met",
                            "field-visit log", synthetic=visit.synthetic))
    for event in case.events.all():
        events.append(Event(event.date, event.get_kind_display(), event.title, event.source,
                            synthetic=event.synthetic))
    return sorted(events, key=lambda e: (e.date, e.kind, e.title))


def coding_progress(document):
    """Per coder: segments, codes used and the share of the text their segments cover."""
    segments = list(document.segments.all().select_related("coder"))
    coders = {a.coder for a in document.assignments.select_related("coder")} | {s.coder for s in segments}
    rows = []
    for coder in sorted(coders, key=lambda u: u.username):
        mine = [s for s in segments if s.coder_id == coder.pk]
        covered = set()
        for segment in mine:
            covered.update(range(segment.start, segment.end))
        rows.append({"coder": coder.username, "segments": len(mine), "codes": len({s.code_id for s in mine}),
                     "coverage": len(covered) / max(1, len(document.text))})
    return rows


def memos(documents):
    ids = [d.pk for d in documents]
    return list(Memo.objects.usable().filter(Q(document_id__in=ids) | Q(segment__document_id__in=ids))
                .select_related("author", "document", "segment__document", "segment__code").order_by("created"))


def workspace(case):
    """The whole case as a dict (the case page's and the chapter's context)."""
    case = CaseStudy.objects.select_related("city", "city__country").get(pk=case.pk)
    documents = list(case_documents(case))
    interviews = list(case_interviews(case))
    for document in documents:
        document.progress = coding_progress(document)
    return {
        "case": case, "city": case.city, "rationale": rationale(case), "facts": frame_facts(case.city),
        "covariates": covariates(case.city), "answers": answers_across_waves(case.city),
        "partnerships": partnerships(case.city), "timeline": timeline(case, documents, interviews),
        "interviews": interviews, "documents": documents,
        "case_documents": [d for d in documents if d.kind == Document.Kind.CASE_DOCUMENT],
        "memos": memos(documents), "visits": list(case.field_visits.all()), "events": list(case.events.all()),
        "themes": themes_of(documents), "codes": codes_in_tree_order(),
    }
