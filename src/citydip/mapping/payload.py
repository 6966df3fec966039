"""The map's data as compact JSON: cities, links (partnerships) and partner places as arrays of rows.

One function per endpoint, each taking an ``audience``:

* ``full``: researchers and admins see everything, with confidential cities flagged;
* ``anonymised``: the public map (and roles that see no survey data): a city that asked to stay
  confidential shows open-data facts only (no survey status, no survey-only partnership, no fact taken
  from a survey answer); synthetic demo answers stay visibly marked in both.

Rows instead of objects, enumerations as small integers, coordinates rounded to 3 decimals (about
100 m): tens of thousands of links then weigh a few hundred kilobytes before gzip.
"""
import json
from dataclasses import dataclass, field
from functools import lru_cache

from django.conf import settings
from django.db.models import TextField
from django.db.models.functions import Cast

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


KIND_INDEX = {k: i for i, k in enumerate(KINDS)}
LINK_STATUS_INDEX = {s: i for i, s in enumerate(LINK_STATUSES)}


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
                         facts.get("status") or "unknown", tuple(facts.get("areas") or ()), self.sources & ~SURVEY_BIT)

    def row(self):
        return [self.city, self.place, KIND_INDEX.get(self.kind, KIND_INDEX["unknown"]), self.year,
                LINK_STATUS_INDEX.get(self.status, LINK_STATUS_INDEX["unknown"]), area_mask(self.areas), self.sources]


@lru_cache(maxsize=1024)
def area_mask(areas):
    return bitmask(areas, AREAS)


def frame_cities():
    return City.objects.filter(in_frame=True).order_by("pk")


def json_list_reader():
    """``json.loads`` of a JSON list stored as text, memoised: area lists repeat across thousands of rows,
    and decoding each row's JSONField separately was most of the endpoint's time at 25,000 ties."""
    @lru_cache(maxsize=4096)
    def read(text):
        value = json.loads(text) if text else []
        return tuple(value) if isinstance(value, list) else ()
    return read


def collect_links():
    """``{partnership pk: LinkFacts}`` for partnerships of frame cities whose partner has coordinates."""
    read = json_list_reader()
    queryset = (Partnership.objects.filter(city__in_frame=True, place__lat__isnull=False, place__lon__isnull=False)
                .annotate(areas_text=Cast("areas", TextField())))
    links = {}
    for pk, city, place, kind, year, status, areas in queryset.values_list(
            "pk", "city_id", "place_id", "kind", "year_signed", "status", "areas_text").iterator(chunk_size=5000):
        links[pk] = LinkFacts(pk, city, place, kind, year, status, read(areas))
    evidence = Evidence.objects.annotate(areas_text=Cast("areas", TextField()))  # no join: links filters
    for pk, source, kind, year, status, areas in evidence.values_list(
            "partnership_id", "source", "kind", "year_signed", "status", "areas_text").iterator(chunk_size=5000):
        link = links.get(pk)
        if link is None or source not in SOURCES:
            continue
        link.sources |= 1 << SOURCES.index(source)
        if source != "survey":
            _merge_open_facts(link.open_facts, kind, year, status, read(areas))
    return links


def _merge_open_facts(facts, kind, year, status, areas):
    """First non-empty value of each fact among the non-survey evidence rows."""
    for key, value in (("kind", kind), ("year", year), ("status", status), ("areas", areas)):
        if value and not facts.get(key):
            facts[key] = value


STATUS_INDEX = {code: i for i, (code, _, _) in enumerate(STATUSES)}


class MapData:
    """The map's data for one audience, computed once and cut into the three payloads."""

    def __init__(self, audience=FULL):
        self.audience = audience
        self.facts = survey_facts()
        self.links = self._visible_links(collect_links())
        self.cities = self._city_rows(frame_cities().values_list(
            "pk", "urau_code", "geonames_id", "name", "country_id", "lat", "lon", "population", "size_class"))
        shown = {row[0] for row in self.cities}
        self.links = sorted((link for link in self.links if link.city in shown), key=lambda link: link.pk)

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

    def _city_rows(self, cities):
        open_data_cities = {link.city for link in self.links if link.sources & ~SURVEY_BIT}
        rows = []
        for pk, urau, geonames, name, country, lat, lon, population, size_class in cities:
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

    def cities_payload(self):
        rows = self.cities
        countries = dict(Country.objects.filter(iso2__in={r[3] for r in rows}).values_list("iso2", "name"))
        present = {r[7] for r in rows}
        return {
            "audience": self.audience,
            "fields": ["pk", "city_id", "name", "country", "lat", "lon", "population", "size_class", "status",
                       "flags"],
            "flags": {"synthetic": SYNTHETIC, "confidential": CONFIDENTIAL},
            "statuses": [{"code": c, "label": label, "colour": colour} for c, label, colour in STATUSES],
            "size_classes": [label for label in _size_classes() if label in present],
            "countries": dict(sorted(countries.items(), key=lambda item: item[1])),
            "rows": rows,
        }

    def links_payload(self):
        return {
            "audience": self.audience,
            "fields": ["city", "place", "kind", "year", "status", "areas", "sources"],
            "kinds": [{"code": k, "label": Kind(k).label} for k in KINDS],
            "statuses": list(LINK_STATUSES),
            "areas": list(AREAS),
            "sources": list(SOURCES),
            "rows": [link.row() for link in self.links],
        }

    def places_payload(self):
        """The partner places of the ties shown (no other: a place alone could hint at a hidden tie)."""
        used = {link.place for link in self.links}
        places = Place.objects.filter(pk__in=used) if len(used) < 900 else Place.objects.all()
        rows, provinces = [], {}
        for values in places.order_by("pk").values_list(
                "pk", "place_id", "name", "name_zh", "lat", "lon", "level", "country_code",
                "province__place_id", "province__name", "province__name_zh").iterator(chunk_size=5000):
            pk, place_id, name, name_zh, lat, lon, level, country, p_code, p_name, p_zh = values
            if pk not in used:
                continue
            if level == Place.Level.PROVINCE:
                p_code, p_name, p_zh = place_id, name, name_zh
            if p_code:
                provinces[p_code] = {"name": p_name, "name_zh": p_zh}
            rows.append([pk, place_id, name, name_zh, rounded(lat), rounded(lon), level, country, p_code or ""])
        return {
            "audience": self.audience,
            "fields": ["pk", "place_id", "name", "name_zh", "lat", "lon", "level", "country", "province"],
            "provinces": provinces,
            "rows": rows,
        }

    def everything(self):
        return {"cities": self.cities_payload(), "links": self.links_payload(), "places": self.places_payload()}


def _size_classes():
    bounds = settings.CITYDIP_SIZE_CLASSES
    return [f"<{bounds[0] // 1000}k", *size_class_labels(bounds)]


def cities_payload(audience=FULL):
    return MapData(audience).cities_payload()


def links_payload(audience=FULL):
    return MapData(audience).links_payload()


def places_payload(audience=FULL):
    return MapData(audience).places_payload()


def map_payload(audience=FULL):
    """The three payloads from one computation (what the map page loads, in one request)."""
    return MapData(audience).everything()
