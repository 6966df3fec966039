"""``citydip partnerships import FILE.csv --source NAME``: pairs → partnerships with evidence, or review.

Each row ends in one outcome (ImportedRow.Outcome): *matched* (a Partnership and an Evidence row),
*review* (a researcher must pick the city or place), *rejected* (EU side not in the frame, or a
researcher rejected it), *not_city* (EU side is a region, district or grouping: kept, flagged, not a
city partnership) or *not_prc* (Hong Kong, Macau, Taiwan; kept apart). Decisions from the review
queue are remembered by the pair's fingerprint, so a re-import applies them and asks nothing again.
The whole import is one transaction; importing the same file again changes nothing.
"""
import hashlib
from collections import Counter
from pathlib import Path

from django.db import transaction

from citydip.core.audit import record
from citydip.core.files import sha256_file
from citydip.core.progress import progress_bar
from citydip.gazetteer.match import match_name
from citydip.gazetteer.models import Place
from citydip.gazetteer.normalise import fold
from citydip.gazetteer.territories import partner, partner_name
from citydip.gazetteer.territories import territories as all_territories_of_partner
from citydip.partnerships.eu_match import FrameIndex
from citydip.partnerships.models import Evidence, ImportedRow, ImportRun, Partnership, ReviewDecision, refresh_facts
from citydip.partnerships.sources.pairs_csv import read_pairs

Outcome = ImportedRow.Outcome


def fingerprint(eu_name, eu_country, cn_name, cn_province):
    """The identity of a pair of names, independent of the file and source that listed it."""
    text = "|".join(fold(x) for x in (eu_name, eu_country, cn_name, cn_province))
    return hashlib.sha256(text.encode()).hexdigest()[:40]


class Known:
    """What an import looks up for every row, read once: the review decisions, this source's imported rows
    (rows created by the import join them, so a pair listed twice is one row), the partnerships and this
    source's evidence (kept up to date as the import adds to them), the places named so far."""

    def __init__(self, source_name):
        self.decisions = {d.fingerprint: d for d in ReviewDecision.objects.select_related("decided_by", "city", "place")}
        self.rows = {r.fingerprint: r for r in ImportedRow.objects.filter(source_name=source_name)}
        self.new_rows = []
        self.places = {}
        self.partnerships = {(p.city_id, p.place_id): p for p in Partnership.objects.order_by()}
        self.evidence = set(Evidence.objects.filter(source_name=source_name).order_by()
                            .values_list("partnership_id", "source", "reference"))

    def partnership(self, city, place):
        """The partnership of city and place, created when new."""
        key = (city.pk, place.pk)
        if key not in self.partnerships:
            self.partnerships[key] = Partnership.objects.create(city=city, place=place)
        return self.partnerships[key]

    def place(self, place_id):
        """The Place with this place_id (with its province), or None."""
        if place_id not in self.places:
            self.places[place_id] = Place.objects.filter(place_id=place_id).select_related("province").first()
        return self.places[place_id]


def import_pairs(path, source_name, user=None, all_territories=False):
    """Import a pairs CSV; return the ImportRun with its counts."""
    rows = read_pairs(path)
    frame = FrameIndex()
    counts = Counter()
    with transaction.atomic(), progress_bar("importing pairs", len(rows), quiet=True) as advance:
        known = Known(source_name)
        for row in rows:
            outcome = import_row(row, source_name, frame, all_territories, known)
            counts[outcome] += 1
            advance()
        ImportedRow.objects.bulk_create(known.new_rows)
        run = ImportRun.objects.create(
            source_name=source_name, file_name=Path(path).name, checksum=sha256_file(path),
            counts={"rows": len(rows), **{o.value: counts.get(o.value, 0) for o in Outcome}}, user=user)
        record(user, "partnerships.import", run, source=source_name, counts=run.counts)
    return run


def import_row(row, source_name, frame, all_territories, known):
    key = fingerprint(row.eu_city, row.eu_country, row.cn_city, row.cn_province)
    city_match = frame.match(row.eu_city, row.eu_country, row.eu_wikidata, row.eu_lat, row.eu_lon)
    place, place_sure, place_candidates, place_reason = match_place(row, all_territories, known)
    state = {"city": city_match.city, "place": place, "city_candidates": city_match.candidates,
             "place_candidates": place_candidates}
    state["outcome"], state["reason"] = outcome_for(row, key, city_match, place, place_sure, place_reason,
                                                    all_territories, state, known)
    partnership = None
    if state["outcome"] == Outcome.MATCHED:
        partnership = record_evidence(state["city"], state["place"], row, source_name, known=known)
    save_row(row, source_name, key, state, partnership, known)
    return state["outcome"]


def match_place(row, all_territories, known):
    """The Chinese side: the GeoNames id when the file has one, else the gazetteer's matcher."""
    if row.cn_geonameid:
        place = known.place(row.cn_geonameid)
        if place is not None:
            return place, True, [place_choice(place)], "GeoNames id"
    territories = all_territories_of_partner() if all_territories else (partner(),)
    result = match_name(row.cn_city, province=row.cn_province or None, territories=territories)
    candidates = ([{"place_id": result.place_id, "name": result.matched_name, "province": result.province,
                    "level": result.level}] if result.place_id else []) + result.alternatives[:5]
    place = known.place(result.place_id) if result.place_id else None
    return place, result.status == "matched", candidates, f"name {result.status}" + (
        f" ({result.note})" if result.note else "")


def place_choice(place):
    return {"place_id": place.place_id, "name": place.name, "province": place.province.name if place.province else "",
            "level": place.level}


def outcome_for(row, key, city_match, place, place_sure, place_reason, all_territories, state, known):
    if not row.is_prc and not all_territories:
        return Outcome.NOT_PRC, f"{row.territory or 'another territory'}: kept apart from {partner_name()}"
    if row.eu_level != "municipality":
        return Outcome.NOT_CITY, f"EU side is a {row.eu_level.replace('_', ' ')}, not a city"
    decision = known.decisions.get(key)
    if decision is not None:
        return apply_decision(decision, state)
    if city_match.city is None:
        return Outcome.REJECTED, city_match.reason
    if city_match.sure and place_sure and place is not None:
        return Outcome.MATCHED, f"EU: {city_match.reason}; {partner()}: {place_reason}"
    doubts = [f"EU: {city_match.reason}"] if not city_match.sure else []
    doubts += [f"{partner()}: {place_reason}"] if not (place_sure and place) else []
    return Outcome.REVIEW, "; ".join(doubts)


def apply_decision(decision, state):
    who = decision.decided_by.username if decision.decided_by else "a researcher"
    if decision.rejected:
        return Outcome.REJECTED, f"rejected by {who}" + (f": {decision.note}" if decision.note else "")
    state["city"], state["place"] = decision.city or state["city"], decision.place or state["place"]
    if state["city"] is None or state["place"] is None:
        return Outcome.REVIEW, "the decision names only one side"
    return Outcome.MATCHED, f"decided by {who}"


def record_evidence(city, place, row, source_name, user=None, known=None):
    """The partnership of city and place (created when new) with this row's Evidence (once per reference).

    ``known``: an import's Known, which has the partnerships and evidence already (no query per row)."""
    source = Evidence.Source.WIKIDATA if "wikidata" in source_name.lower() else Evidence.Source.IMPORT
    reference = row.reference[:500]
    facts = {"kind": row.kind, "year_signed": row.year, "status": row.status, "data": row.raw, "recorded_by": user}
    if known is None:
        partnership, _ = Partnership.objects.get_or_create(city=city, place=place)
        _, created = Evidence.objects.get_or_create(partnership=partnership, source=source, source_name=source_name,
                                                    reference=reference, defaults=facts)
    else:
        partnership = known.partnership(city, place)
        created = (partnership.pk, source, reference) not in known.evidence
        if created:
            Evidence.objects.create(partnership=partnership, source=source, source_name=source_name,
                                    reference=reference, **facts)
            known.evidence.add((partnership.pk, source, reference))
    if created:
        refresh_facts(partnership)
    return partnership


def save_row(row, source_name, key, state, partnership, known):
    """Remember the row: a new one is created with the others at the end of the import (bulk_create)."""
    values = {"line": row.line, "data": {**row.raw, "_reference": row.reference}, "eu_name": row.eu_city[:200], "eu_country": row.eu_country,
              "eu_level": row.eu_level[:40], "cn_name": row.cn_city[:200], "cn_province": row.cn_province[:100],
              "territory": row.territory[:3], "city": state["city"], "place": state["place"],
              "city_candidates": state["city_candidates"], "place_candidates": state["place_candidates"],
              "outcome": state["outcome"], "reason": state["reason"][:300], "partnership": partnership}
    existing = known.rows.get(key)
    if existing is None:
        known.rows[key] = ImportedRow(source_name=source_name, fingerprint=key, **values)
        known.new_rows.append(known.rows[key])
        return
    if any(getattr(existing, field) != value for field, value in values.items()):
        for field, value in values.items():
            setattr(existing, field, value)
        if existing.pk is not None:
            existing.save()
