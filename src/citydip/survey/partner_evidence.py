"""Turn a survey response's partners (the repeat ``partners``) into Partnerships with survey Evidence.

Each partner names a place by ``partner_place_id`` (chosen in the form's type-ahead) or, failing that,
by the text typed (``partner_name``), which the gazetteer's matcher must match without doubt. The
Evidence row of a response is updated when the response changes, so calling this again is safe.
"""
from dataclasses import dataclass

from django.db import transaction

from citydip.gazetteer.match import match_name
from citydip.gazetteer.models import Place
from citydip.partnerships.models import AREAS, Evidence, Kind, Partnership, Status, refresh_facts

KINDS = {k.value for k in Kind}
STATUSES = {s.value for s in Status}


@dataclass
class PartnerOutcome:
    partner: dict
    partnership: Partnership | None
    reason: str


def reference_for(response, index):
    return f"survey response {response.pk} (wave {response.wave_id}), partner {index + 1}"


def place_for(partner):
    place_id = str(partner.get("partner_place_id") or "").strip()
    if place_id:
        place = Place.objects.filter(place_id=place_id).first()
        if place is not None:
            return place, "place chosen in the form"
    name = str(partner.get("partner_name") or "").strip()
    if not name:
        return None, "neither a place nor a name given"
    result = match_name(name)
    if result.status != "matched":
        return None, f"name {name!r} {result.status}: a researcher must pick the place"
    return Place.objects.filter(place_id=result.place_id).first(), f"name {name!r} matched"


@transaction.atomic
def record_survey_partners(response):
    """Partnerships and survey Evidence for each partner of ``response``; returns one PartnerOutcome each."""
    outcomes = []
    for index, partner in enumerate(response.answers.get("partners") or []):
        place, reason = place_for(partner)
        if place is None:
            outcomes.append(PartnerOutcome(partner, None, reason))
            continue
        partnership, _ = Partnership.objects.get_or_create(city=response.city, place=place)
        facts = survey_facts(partner)
        Evidence.objects.update_or_create(
            partnership=partnership, source=Evidence.Source.SURVEY, reference=reference_for(response, index),
            defaults={**facts, "source_name": f"wave {response.wave_id}", "data": partner,
                      "date": response.submitted.date() if response.submitted else None})
        refresh_facts(partnership)
        outcomes.append(PartnerOutcome(partner, partnership, reason))
    forget_removed(response, len(response.answers.get("partners") or []))
    return outcomes


def forget_removed(response, count):
    """Drop survey Evidence of partners no longer in the response (and partnerships left with none)."""
    kept = {reference_for(response, i) for i in range(count)}
    stale = list(Evidence.objects.filter(
        source=Evidence.Source.SURVEY, partnership__city=response.city,
        reference__startswith=f"survey response {response.pk} ").exclude(reference__in=kept)
        .order_by().select_related("partnership"))
    if not stale:
        return
    touched = {e.partnership for e in stale}
    Evidence.objects.filter(pk__in=[e.pk for e in stale]).delete()
    for partnership in touched:
        if partnership.evidence.exists():
            refresh_facts(partnership)
        else:
            partnership.delete()


def survey_facts(partner):
    kind = partner.get("partner_kind") if partner.get("partner_kind") in KINDS else ""
    status = partner.get("partner_status") if partner.get("partner_status") in STATUSES else ""
    year = partner.get("partner_year")
    year = int(year) if isinstance(year, (int, float)) or str(year or "").isdigit() else None
    areas = [a for a in (partner.get("partner_areas") or []) if a in AREAS]
    return {"kind": kind, "year_signed": year, "status": status, "areas": areas}
