"""The review queue: a researcher picks the city and the place of an imported row, or rejects it.

A decision is stored by the pair's fingerprint (ReviewDecision) and applied at once to every imported
row with that fingerprint, so the queue empties and later imports of any file listing the same pair
apply it without asking.
"""
from django.db import transaction

from citydip.core.audit import record
from citydip.partnerships.importer import fingerprint, record_evidence
from citydip.partnerships.models import ImportedRow, ReviewDecision
from citydip.partnerships.sources.pairs_csv import parse_row


def queue():
    return ImportedRow.objects.filter(outcome=ImportedRow.Outcome.REVIEW).select_related("city", "place")


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
