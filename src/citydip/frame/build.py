"""Store what an importer read as the frame: match, update in place, mark drop-outs, record a version.

A build is one transaction. Each record is matched to a stored City by its Urban Audit code, else its
GeoNames id, so a rebuild updates cities in place and never duplicates them. A city is in the frame
when its population is known and above ``min_population``; a stored city that a new build does not
contain stays in the table, marked ``in_frame=False`` with the reason. A build that would change
nothing (same source, checksum and rule, no city changed) records no new version.
"""
from collections import Counter
from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction

from citydip.core import audit
from citydip.core.models import Country
from citydip.core.progress import progress_bar
from citydip.frame.models import City, FrameVersion, PopulationStatus, size_class_for

# A population is "old" when its year is more than this many years before the newest year in the build.
OLD_POPULATION_YEARS = 5
# Facts a source may not know (GeoNames has no Urban Audit code, NUTS 3 code or capital flag): an empty
# value leaves what an earlier build stored, so switching sources never loses a city's codes.
KEPT_WHEN_UNKNOWN = ("urau_code", "geonames_id", "nuts3", "is_capital")


@dataclass
class BuildReport:
    version: FrameVersion | None
    changed: bool
    counts: dict = field(default_factory=dict)


def build_frame(data, *, min_population, countries, quiet=False):
    """Store ``data`` (a :class:`~citydip.frame.importers.SourceData`) as the frame; returns a BuildReport."""
    rule = {"min_population": min_population, "countries": sorted(countries),
            "size_classes": list(settings.CITYDIP_SIZE_CLASSES)}
    with transaction.atomic():
        plan = plan_build(data, min_population, quiet)
        dropped = drop_outs(plan)
        counts = summarise(plan, dropped, data)
        previous = FrameVersion.current()
        if not (plan["create"] or plan["update"] or dropped) and _same_build(previous, data, rule):
            return BuildReport(previous, False, counts)
        version = FrameVersion.objects.create(source=data.source, input_file=data.input_file,
                                              checksum=data.checksum, rule=rule, counts=counts)
        apply_plan(plan, dropped, version)
        version.cities.set(City.objects.filter(in_frame=True))
        audit.record(None, "frame.build", version, source=data.source, checksum=data.checksum,
               **{k: counts[k] for k in ("created", "updated", "dropped", "in_frame")})
    return BuildReport(version, True, counts)


def _same_build(previous, data, rule):
    return (previous is not None and previous.source == data.source and previous.checksum == data.checksum
            and previous.rule == rule)


def plan_build(data, min_population, quiet):
    """Match every record to a stored city and work out its new values; nothing is written yet."""
    newest_year = max((r.population_year for r in data.records if r.population_year), default=None)
    by_urau = {c.urau_code: c for c in City.objects.exclude(urau_code="")}
    by_geonames = {c.geonames_id: c for c in City.objects.filter(geonames_id__isnull=False)}
    countries = {code: Country.ensure(code) for code in {r.country for r in data.records}}
    plan = {"create": [], "update": [], "unchanged": [], "seen": set()}
    with progress_bar(f"frame build ({data.source})", len(data.records), quiet=quiet) as advance:
        for record in data.records:
            values = city_values(record, data.source, min_population, newest_year)
            values["country_id"] = countries[record.country].pk
            city = match_city(record, by_urau, by_geonames, plan["seen"])
            if city is None:
                plan["create"].append(City(**values))
            elif any(getattr(city, name) != value for name, value in values.items()):
                plan["update"].append((city, values))
            else:
                plan["unchanged"].append(city)
            advance()
    return plan


def match_city(record, by_urau, by_geonames, seen):
    """The stored city with the record's Urban Audit code, else its GeoNames id; each city once."""
    city = by_urau.get(record.urau_code) if record.urau_code else None
    if city is None and record.geonames_id:
        candidate = by_geonames.get(record.geonames_id)
        if candidate is not None and (not candidate.urau_code or candidate.urau_code == record.urau_code
                                      or not record.urau_code):
            city = candidate
    if city is None or city.pk in seen:
        return None
    seen.add(city.pk)
    return city


def city_values(record, source, min_population, newest_year):
    """The stored fields a record sets; facts the record does not know are left out."""
    status = population_status(record, newest_year)
    in_frame, reason = frame_rule(record.population, min_population)
    values = {
        "name": record.name, "population": record.population, "population_year": record.population_year,
        "population_source": record.population_source[:100], "population_status": status,
        "lat": record.lat, "lon": record.lon, "nuts3": record.nuts3, "urau_code": record.urau_code,
        "geonames_id": record.geonames_id, "is_capital": record.is_capital,
        "size_class": size_class_for(record.population), "in_frame": in_frame, "in_frame_reason": reason,
        "source": source,
    }
    return {k: v for k, v in values.items() if not (k in KEPT_WHEN_UNKNOWN and v in ("", None))}


def population_status(record, newest_year):
    if record.population is None:
        return PopulationStatus.MISSING
    if record.population_from_geonames:
        return PopulationStatus.GEONAMES
    if record.population_year is None:
        return PopulationStatus.NO_YEAR
    if newest_year and record.population_year < newest_year - OLD_POPULATION_YEARS:
        return PopulationStatus.OLD
    return PopulationStatus.CURRENT


def frame_rule(population, min_population):
    """(in_frame, reason): a city is in the frame when its population is known and above the minimum."""
    if population is None:
        return False, "population unknown"
    if population <= min_population:
        return False, f"population {population:,} is not above {min_population:,}"
    return True, f"population {population:,} above {min_population:,}"


def drop_outs(plan):
    """Cities in the frame that this build does not contain: they leave the frame, with the reason."""
    return list(City.objects.filter(in_frame=True).exclude(pk__in=plan["seen"]))


def apply_plan(plan, dropped, version):
    for city in plan["create"]:
        city.frame_version = version
    City.objects.bulk_create(plan["create"], batch_size=500)
    for city, values in plan["update"]:
        for name, value in values.items():
            setattr(city, name, value)
        city.frame_version = version
        city.save()
    for city in dropped:
        city.in_frame = False
        city.in_frame_reason = f"not in frame version {version.pk} ({version.source})"[:200]
        city.frame_version = version
        city.save(update_fields=["in_frame", "in_frame_reason", "frame_version"])


def summarise(plan, dropped, data):
    records = data.records
    in_frame = [c for c in plan["create"] if c.in_frame]
    in_frame += [c for c, values in plan["update"] if values["in_frame"]]
    in_frame += [c for c in plan["unchanged"] if c.in_frame]
    by_country = Counter(c.country_id for c in in_frame)
    by_size = Counter(c.size_class for c in in_frame)
    return {
        "read": len(records), "created": len(plan["create"]), "updated": len(plan["update"]),
        "unchanged": len(plan["unchanged"]), "dropped": len(dropped), "in_frame": len(in_frame),
        "population_from_geonames": sum(1 for r in records if r.population_from_geonames),
        "population_missing": sum(1 for r in records if r.population is None),
        "districts_excluded": len(data.excluded),
        "by_country": dict(sorted(by_country.items())), "by_size_class": dict(sorted(by_size.items())),
    }
