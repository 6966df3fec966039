"""Inter-coder reliability of the coding in the database, on units the researcher chooses.

Each document is cut into units (speaker turns, paragraphs or sentences, see units.py). A coder
applied a code to a unit when one of their segments with that code overlaps the unit by at least
one character. Per code, each coder's value for a unit is 1 (applied) or 0 (not), and missing when
the coder neither coded nor was assigned the document. "Overall" pools every unit × code pair.
Units that no coder coded with any code are "uncoded text": included by default, or left out.
"""
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model

from citydip.qda import agreement
from citydip.qda.models import Document, DocumentAssignment, Resolution, Segment, codes_in_tree_order
from citydip.qda.units import units as cut_units


@dataclass
class Unit:
    document: Document
    start: int
    end: int

    @property
    def text(self):
        return self.document.text[self.start:self.end]


@dataclass
class Report:
    coders: list
    codes: list
    unit_kind: str
    include_uncoded: bool
    level: str
    units: list = field(default_factory=list)
    rows: list = field(default_factory=list)  # one dict per code
    overall: dict = field(default_factory=dict)
    disagreements: list = field(default_factory=list)


def coefficients(data, level):
    two = len(data.coders) == 2
    return {
        "units": len(data.units),
        "percent": agreement.percent_agreement(data),
        "cohen": agreement.cohen_kappa(data) if two else None,
        "fleiss": agreement.fleiss_kappa(data),
        "alpha": agreement.krippendorff_alpha(data, level),
    }


def default_coders(documents):
    User = get_user_model()
    ids = set(Segment.objects.usable().filter(document__in=documents).values_list("coder", flat=True))
    return list(User.objects.filter(pk__in=ids).order_by("username"))


def applied_codes(documents, coders):
    """``{(document id, coder id): [(start, end, code id), ...]}`` and who worked on which document."""
    applied, worked = {}, set()
    for s in Segment.objects.usable().filter(document__in=documents, coder__in=coders):
        applied.setdefault((s.document_id, s.coder_id), []).append((s.start, s.end, s.code_id))
        worked.add((s.document_id, s.coder_id))
    worked |= set(DocumentAssignment.objects.filter(document__in=documents, coder__in=coders)
                  .values_list("document_id", "coder_id"))
    return applied, worked


def unit_values(unit, coders, codes, applied, worked):
    """``{coder id: set of code ids applied to the unit}``, or None for a coder who did not code the document."""
    values = {}
    for coder in coders:
        if (unit.document.pk, coder.pk) not in worked:
            values[coder.pk] = None
            continue
        values[coder.pk] = {c for s, e, c in applied.get((unit.document.pk, coder.pk), [])
                            if s < unit.end and e > unit.start}
    return values


def reliability(documents=None, coders=None, codes=None, unit_kind="paragraph", include_uncoded=True,
                level="nominal"):
    documents = list(documents if documents is not None else Document.objects.usable())
    usable = set(Document.objects.usable().values_list("pk", flat=True))
    documents = [d for d in documents if d.pk in usable]
    coders = list(coders) if coders is not None else default_coders(documents)
    codes = list(codes if codes is not None else [c for c in codes_in_tree_order() if c.codable])
    report = Report(coders=coders, codes=codes, unit_kind=unit_kind, include_uncoded=include_uncoded, level=level)
    applied, worked = applied_codes(documents, coders)
    table = []  # (unit, {coder: set|None})
    for document in documents:
        for start, end in cut_units(document, unit_kind):
            unit = Unit(document, start, end)
            values = unit_values(unit, coders, codes, applied, worked)
            if sum(v is not None for v in values.values()) < 2:
                continue  # fewer than two coders: nothing to compare
            if not include_uncoded and not any(values.values()):
                continue
            table.append((unit, values))
    report.units = [u for u, _ in table]
    if len(coders) < 2 or not table:
        return report
    pooled = [[] for _ in coders]
    for code in codes:
        data = binary_data(table, coders, code)
        report.rows.append({"code": code, **coefficients(data, level)})
        for i, row in enumerate(data.values):
            pooled[i].extend(row)
    units = [f"{u.document.pk}:{u.start}:{c.pk}" for c in codes for u, _ in table]
    report.overall = coefficients(agreement.ReliabilityData([c.username for c in coders], units, pooled), level)
    report.disagreements = disagreements(table, coders, codes, unit_kind)
    return report


def binary_data(table, coders, code):
    code_id = code.pk
    values = [[None if vals[c] is None else int(code_id in vals[c]) for _, vals in table] for c in (
        coder.pk for coder in coders)]
    return agreement.ReliabilityData([c.username for c in coders], [f"{u.document.pk}:{u.start}" for u, _ in table],
                                     values)


def disagreements(table, coders, codes, unit_kind):
    """Every unit × code where the coders who coded the document differ, with any recorded resolution."""
    resolved = {(r.document_id, r.code_id, r.start, r.end): r for r in
                Resolution.objects.usable().filter(unit_kind=unit_kind).select_related("chosen_coder", "decided_by")}
    found = []
    ids = [(coder, coder.pk) for coder in coders]
    for unit, values in table:
        applied = set().union(*(v for v in values.values() if v is not None))
        for code in codes:
            if code.pk not in applied:
                continue  # nobody applied it: no disagreement possible
            votes = {c: code.pk in values[pk] for c, pk in ids if values[pk] is not None}
            if len(set(votes.values())) > 1:
                found.append({"unit": unit, "code": code, "votes": votes,
                              "resolution": resolved.get((unit.document.pk, code.pk, unit.start, unit.end))})
    return found
