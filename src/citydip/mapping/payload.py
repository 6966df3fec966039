"""The map's data as compact JSON: cities, links (partnerships) and partner places as arrays of rows.

One function per endpoint, each taking an ``audience``:

* ``full``: researchers and admins see everything, with confidential cities flagged;
* ``anonymised``: the public map (and roles that see no survey data): a city that asked to stay
  confidential shows open-data facts only (no survey status, no survey-only partnership, no fact taken
  from a survey answer); synthetic demo answers stay visibly marked in both.

Rows instead of objects, enumerations as small integers, coordinates rounded to 3 decimals (about
100 m): tens of thousands of links then weigh a few hundred kilobytes before gzip.
"""
from collections import defaultdict
from dataclasses import dataclass, field

from django.conf import settings

from citydip.core.models import Country
from citydip.frame.models import City, size_class_labels
from citydip.gazetteer.models import Place
from citydip.mapping.status import STATUSES, city_status, survey_facts
from citydip.partnerships.models import AREAS, Evidence, Kind, Partnership, Status

FULL, ANONYMISED = "full", "anonymised"
KINDS = tuple(Kind.values)
LINK_STATUSES = tuple(Status.values)
SOURCES = tuple(Evidence.Source.values)
SURVEY_BIT = 1 << SOURCES.index("survey")
SYNTHETIC, CONFIDENTIAL = 1, 2


def rounded(value, digits=3):
    return None if value is None else round(value, digits)


def bitmask(values, universe):
    return sum(1 << universe.index(v) for v in set(values or ()) if v in universe)


@dataclass
class LinkFacts:
    """One partnership as the map shows it, merged from its evidence rows."""

    pk: int
    city: int
    place: int
    kind: str
    year: int | None
    status: str
    areas: list
    sources: int = 0
    open_facts: dict = field(default_factory=dict)

    def anonymised(self):
        """The open-data version of this link, or None when only the survey knows it."""
        if not self.sources & ~SURVEY_BIT:
            return None
        facts = self.open_facts
        return LinkFacts(self.pk, self.city, self.place, facts.get("kind") or "unknown", facts.get("year"),
                         facts.get("status") or "unknown", facts.get("areas") or [], self.sources & ~SURVEY_BIT)

    def row(self):
        return [self.city, self.place, KINDS.index(self.kind) if self.kind in KINDS else KINDS.index("unknown"),
                self.year, LINK_STATUSES.index(self.status) if self.status in LINK_STATUSES else 3,
                bitmask(self.areas, AREAS), self.sources]


def frame_cities():
    return City.objects.filter(in_frame=True).order_by("pk")


def collect_links(city_pks=None):
    """``{partnership pk: LinkFacts}`` for partnerships of frame cities whose partner has coordinates."""
    queryset = Partnership.objects.filter(city__in_frame=True, place__lat__isnull=False, place__lon__isnull=False)
    links = {}
    for pk, city, place, kind, year, status, areas in queryset.values_list(
            "pk", "city_id", "place_id", "kind", "year_signed", "status", "areas").iterator(chunk_size=2000):
        links[pk] = LinkFacts(pk, city, place, kind, year, status, areas or [])
    evidence = Evidence.objects.filter(partnership_id__in=Partnership.objects.filter(city__in_frame=True))
    for pk, source, kind, year, status, areas in evidence.values_list(
            "partnership_id", "source", "kind", "year_signed", "status", "areas").iterator(chunk_size=2000):
        link = links.get(pk)
        if link is None or source not in SOURCES:
            continue
        link.sources |= 1 << SOURCES.index(source)
        if source != "survey":
            _merge_open_facts(link.open_facts, kind, year, status, areas)
    return links


def _merge_open_facts(facts, kind, year, status, areas):
    """First non-empty value of each fact among the non-survey evidence rows."""
    for key, value in (("kind", kind), ("year", year), ("status", status), ("areas", areas)):
        if value and not facts.get(key):
            facts[key] = value


class MapData:
    """Everything the three endpoints need, computed once per request for one audience."""

    def __init__(self, audience=FULL):
        self.audience = audience
        self.facts = survey_facts()
        self.cities = list(frame_cities().values_list(
            "pk", "urau_code", "geonames_id", "name", "country_id", "lat", "lon", "population", "size_class"))
        self.links = self._visible_links(collect_links())

    def hides_survey_of(self, city_pk):
        fact = self.facts.get(city_pk)
        return self.audience == ANONYMISED and fact is not None and fact.confidential

    def _visible_links(self, links):
        visible = []
        for link in links.values():
            if self.hides_survey_of(link.city):
                link = link.anonymised()
            if link is not None:
                visible.append(link)
        return visible

    def city_rows(self):
        open_data_cities = {link.city for link in self.links if link.sources & ~SURVEY_BIT}
        rows = []
        for pk, urau, geonames, name, country, lat, lon, population, size_class in self.cities:
            if lat is None or lon is None:
                continue
            fact = None if self.hides_survey_of(pk) else self.facts.get(pk)
            status = city_status(fact, pk in open_data_cities)
            flags = (SYNTHETIC if fact and fact.synthetic else 0)
            if self.audience == FULL and fact and fact.confidential:
                flags |= CONFIDENTIAL
            city_id = urau or (f"GN{geonames}" if geonames else f"C{pk}")
            rows.append([pk, city_id, name, country, rounded(lat), rounded(lon), population, size_class,
                         STATUS_INDEX[status], flags])
        return rows

    def link_rows(self):
        shown = {row[0] for row in self.city_rows()}
        return [link.row() for link in sorted(self.links, key=lambda l: l.pk) if link.city in shown]


STATUS_INDEX = {code: i for i, (code, _, _) in enumerate(STATUSES)}


def cities_payload(audience=FULL):
    data = MapData(audience)
    rows = data.city_rows()
    countries = dict(Country.objects.filter(iso2__in={r[3] for r in rows}).values_list("iso2", "name"))
    return {
        "audience": audience,
        "fields": ["pk", "city_id", "name", "country", "lat", "lon", "population", "size_class", "status", "flags"],
        "flags": {"synthetic": SYNTHETIC, "confidential": CONFIDENTIAL},
        "statuses": [{"code": c, "label": label, "colour": colour} for c, label, colour in STATUSES],
        "size_classes": [label for label in _size_classes() if any(r[7] == label for r in rows)],
        "countries": dict(sorted(countries.items(), key=lambda item: item[1])),
        "rows": rows,
    }


def _size_classes():
    bounds = settings.CITYDIP_SIZE_CLASSES
    return [f"<{bounds[0] // 1000}k", *size_class_labels(bounds)]


def links_payload(audience=FULL):
    return {
        "audience": audience,
        "fields": ["city", "place", "kind", "year", "status", "areas", "sources"],
        "kinds": [{"code": k, "label": Kind(k).label} for k in KINDS],
        "statuses": list(LINK_STATUSES),
        "areas": list(AREAS),
        "sources": list(SOURCES),
        "rows": MapData(audience).link_rows(),
    }


def places_payload(audience=FULL):
    """Partner places that at least one partnership of a frame city names, with their province."""
    used = Partnership.objects.filter(city__in_frame=True).values("place_id")
    places = Place.objects.filter(pk__in=used, lat__isnull=False, lon__isnull=False).select_related("province")
    rows = []
    provinces = {}
    for place in places.order_by("pk").iterator(chunk_size=2000):
        province = place if place.level == Place.Level.PROVINCE else place.province
        code = province.place_id if province else ""
        if province:
            provinces[code] = {"name": province.name, "name_zh": province.name_zh}
        rows.append([place.pk, place.place_id, place.name, place.name_zh, rounded(place.lat), rounded(place.lon),
                     place.level, place.country_code, code])
    return {
        "audience": audience,
        "fields": ["pk", "place_id", "name", "name_zh", "lat", "lon", "level", "country", "province"],
        "provinces": provinces,
        "rows": rows,
    }


def counts_by(rows, index):
    counts = defaultdict(int)
    for row in rows:
        counts[row[index]] += 1
    return dict(counts)
