"""Partnerships entered by a researcher: add one, correct its facts, end it, always with evidence.

A researcher's statement is an :class:`Evidence` row of source ``manual`` (with its reference: a
document, a web page, a phone call) like any other source, so a correction never overwrites what a
source said: the sources' disagreement stays visible, and the manual row wins the summary facts
(``models.refresh_facts``: manual, then survey, import, Wikidata).
"""
from django.db import transaction

from citydip.core.audit import record
from citydip.partnerships.models import Evidence, Partnership, Status, refresh_facts


@transaction.atomic
def record_statement(city, place, user, *, reference, kind="", year_signed=None, status="", areas=(), date=None,
                     action="partnerships.manual"):
    """Add the researcher's evidence to the partnership of ``city`` and ``place`` (created when new)."""
    partnership, created = Partnership.objects.get_or_create(city=city, place=place)
    evidence = Evidence.objects.create(
        partnership=partnership, source=Evidence.Source.MANUAL, source_name=user.get_username()[:100],
        reference=reference[:500], date=date, recorded_by=user, kind=kind or "", year_signed=year_signed,
        status=status or "", areas=list(areas))
    refresh_facts(partnership)
    record(user, action, partnership, created=created, evidence=evidence.pk, kind=kind, year_signed=year_signed,
           status=status, areas=list(areas), reference=reference[:200])
    return partnership, evidence


def end(partnership, user, *, reference, date=None):
    return record_statement(partnership.city, partnership.place, user, reference=reference, status=Status.ENDED,
                            date=date, action="partnerships.end")
