"""The review queue: a researcher picks the city and the place of an imported row, or rejects it.

A decision is stored by the pair's fingerprint (ReviewDecision) and applied at once to every imported
row with that fingerprint, so the queue empties and later imports of any file listing the same pair
apply it without asking.
"""
from django.db import transaction

from citydip.core.audit import record
from citydip.partnerships.importer import fingerprint, record_evidence
from citydip.partnerships.models import Evidence, ImportedRow, ReviewDecision, refresh_facts
from citydip.partnerships.sources.pairs_csv import parse_row


def queue():
    return ImportedRow.objects.filter(outcome=ImportedRow.Outcome.REVIEW).select_related("city", "place")


def certain_sides(row):
    """(city pk, place id) that the matcher was sure of, else None each: only those are pre-selected.

    A row waits for review because one side is in doubt; the importer names each doubtful side in the
    reason ("EU: ...", "CN: ..."), and the side it was sure of is on the row."""
    city = row.city_id if row.city_id and "EU:" not in row.reason else None
    place = row.place.place_id if row.place_id and "CN:" not in row.reason else None
    return city, place


def recent_decisions(limit=20):
    return ReviewDecision.objects.select_related("city", "place", "decided_by").order_by("-decided_at")[:limit]


def row_fingerprint(row):
    return fingerprint(row.eu_name, row.eu_country, row.cn_name, row.cn_province)


@transaction.atomic
def decide(row, user, city=None, place=None, reject=False, note=""):
    """Record the decision on ``row`` and apply it to every row of the same pair; return the decision."""
    decision, _ = ReviewDecision.objects.update_or_create(
        fingerprint=row_fingerprint(row),
        defaults={"city": None if reject else city, "place": None if reject else place, "rejected": reject,
                  "note": note[:300], "decided_by": user})
    for same in ImportedRow.objects.filter(fingerprint=decision.fingerprint):
        apply(same, decision, user)
    record(user, "partnerships.review", decision, rejected=reject, city=getattr(city, "pk", None),
           place=getattr(place, "place_id", None))
    return decision


@transaction.atomic
def undo(decision, user):
    """Take a decision back: its rows wait for review again, and the evidence it added is removed (a
    partnership left without evidence goes with it). Returns how many rows are back in the queue."""
    back = 0
    for row in ImportedRow.objects.filter(fingerprint=decision.fingerprint).select_related("partnership"):
        decided = row.reason.startswith(("decided by", "rejected by"))
        if row.outcome not in (ImportedRow.Outcome.MATCHED, ImportedRow.Outcome.REJECTED) or not decided:
            continue
        partnership = row.partnership
        if partnership is not None:
            reference = row.data.get("_reference", "")[:500]
            Evidence.objects.filter(partnership=partnership, source_name=row.source_name, reference=reference,
                                    source__in=(Evidence.Source.IMPORT, Evidence.Source.WIKIDATA)).delete()
            if partnership.evidence.exists():
                refresh_facts(partnership)
            else:
                partnership.delete()
        who = user.username if user else "a researcher"
        row.outcome, row.reason, row.partnership = ImportedRow.Outcome.REVIEW, f"decision undone by {who}", None
        row.city = row.place = None  # nothing is pre-selected again
        row.save()
        back += 1
    record(user, "partnerships.review_undo", decision, rejected=decision.rejected,
           city=decision.city_id, place=decision.place.place_id if decision.place else None, rows=back)
    decision.delete()
    return back


def apply(row, decision, user):
    if row.outcome in (ImportedRow.Outcome.NOT_CITY, ImportedRow.Outcome.NOT_PRC):
        return
    who = user.username if user else "a researcher"
    if decision.rejected:
        row.outcome, row.reason, row.partnership = ImportedRow.Outcome.REJECTED, f"rejected by {who}", None
    else:
        row.city, row.place = decision.city, decision.place
        raw = {k: v for k, v in row.data.items() if k != "_reference"}
        parsed = parse_row(raw, row.line, row.source_name)
        parsed.reference = row.data.get("_reference", parsed.reference)
        row.partnership = record_evidence(row.city, row.place, parsed, row.source_name, user=user)
        row.outcome, row.reason = ImportedRow.Outcome.MATCHED, f"decided by {who}"
    row.save()
