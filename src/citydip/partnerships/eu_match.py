"""Match the EU side of a partnership to a frame city: Wikidata id, then name and country, then distance.

Names are folded like the gazetteer's (accents, case, apostrophes) and compared with the city's name,
its native name and, through its GeoNames id, the GeoNames alternate names of the city (so "Vienna"
finds "Wien"). A result is *sure* when the Wikidata id agrees, or the name agrees and the coordinates,
when given, lie within SURE_KM; anything weaker is a candidate for the review queue.
"""
import math
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from citydip.frame.models import City
from citydip.gazetteer.normalise import core_key, fold
from citydip.gazetteer.sources import kept_script, world_cities

SURE_KM = 40.0
NEAR_KM = 5.0
FUZZY_SCORE = 88


@dataclass
class CityMatch:
    city: City | None = None
    sure: bool = False
    candidates: list = field(default_factory=list)
    reason: str = ""


def distance_km(lat1, lon1, lat2, lon2):
    if None in (lat1, lon1, lat2, lon2):
        return None
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(a))


class FrameIndex:
    """Frame cities by country and folded name, built once per import."""

    def __init__(self, cities=None):
        cities = list(cities if cities is not None else City.objects.filter(in_frame=True))
        self.by_wikidata = {c.wikidata_id: c for c in cities if c.wikidata_id}
        self.by_country = {}
        self.names = {}
        alternates = geonames_alternates({c.geonames_id for c in cities if c.geonames_id})
        for city in cities:
            self.by_country.setdefault(city.country_id, []).append(city)
            for name in [city.name, city.native_name] + alternates.get(city.geonames_id, []):
                for key in {fold(name), core_key(name)[0]}:
                    if key:
                        self.names.setdefault((city.country_id, key), set()).add(city)
        self.keys_by_country = {}  # the fuzzy search's candidates: every key of a country, in the order above
        for iso, key in self.names:
            self.keys_by_country.setdefault(iso, []).append(key)

    def match(self, name, country, wikidata="", lat=None, lon=None):
        if wikidata and wikidata in self.by_wikidata:
            city = self.by_wikidata[wikidata]
            return CityMatch(city, True, [city_choice(city)], "Wikidata id")
        named = [(c, s) for c, s in self.named(name, country)
                 if s == 100 or not (distance_km(lat, lon, c.lat, c.lon) or 0) > SURE_KM]
        if named:
            return self.judge_named(named, lat, lon)
        return self.nearest(country, lat, lon)

    def named(self, name, country):
        key = fold(name)
        exact = self.names.get((country, key)) or self.names.get((country, core_key(name)[0]))
        if exact:
            return [(c, 100.0) for c in exact]
        keys = self.keys_by_country.get(country, [])
        found = process.extract(key, keys, scorer=fuzz.ratio, score_cutoff=FUZZY_SCORE, limit=3)
        return [(c, score) for k, score, _ in found for c in self.names[(country, k)]]

    def judge_named(self, named, lat, lon):
        ranked = sorted(named, key=lambda cs: (-cs[1], cs[0].pk))
        city, score = ranked[0]
        km = distance_km(lat, lon, city.lat, city.lon)
        candidates = [city_choice(c, distance_km(lat, lon, c.lat, c.lon)) for c, _ in ranked]
        unique = len({c.pk for c, s in ranked if s == score}) == 1
        if unique and score == 100 and (km is None or km <= SURE_KM):
            return CityMatch(city, True, candidates, "name and country")
        if unique and km is not None and km <= SURE_KM:
            return CityMatch(city, True, candidates, f"similar name ({score:.0f}) within {km:.0f} km")
        where = f", {km:.0f} km away" if km is not None else ""
        return CityMatch(city, False, candidates, f"name similar or shared ({score:.0f}){where}")

    def nearest(self, country, lat, lon):
        if lat is None or lon is None:
            return CityMatch(reason="no frame city of that name in the country")
        near = sorted((distance_km(lat, lon, c.lat, c.lon), c) for c in self.by_country.get(country, [])
                      if c.lat is not None)
        near = [(km, c) for km, c in near if km <= NEAR_KM]
        if not near:
            return CityMatch(reason=f"no frame city of that name or within {NEAR_KM:.0f} km: not in the frame")
        km, city = near[0]
        return CityMatch(city, False, [city_choice(c, d) for d, c in near[:3]],
                         f"only a frame city {km:.1f} km away, with another name")


def city_choice(city, km=None):
    return {"pk": city.pk, "city_id": city.city_id, "name": city.name, "country": city.country_id,
            "km": round(km, 1) if km is not None else None}


def geonames_alternates(ids):
    """Latin-script GeoNames alternate names of the given cities (so an English name finds the native one)."""
    if not ids:
        return {}
    cities = world_cities()
    found = {}
    for geonames_id in ids:
        city = cities.get(str(geonames_id))
        if city:
            found[geonames_id] = [n for n in city["alternatenames"] if kept_script(n)]
    return found
