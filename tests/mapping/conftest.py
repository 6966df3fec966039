"""A small world for the map tests, built in code: six EU cities, four partner places, one wave.

| city    | survey (current wave)                 | partnerships                                  | status       |
|---------|---------------------------------------|-----------------------------------------------|--------------|
| Lyon    | current, synthetic                    | Guangzhou (survey + wikidata, 1988, economy)  | coop_survey  |
| Milano  | none                                  | Shanghai (wikidata, sister, 1979, culture)    | coop_open    |
| Porto   | never                                 | none                                          | not_coop     |
| Gdańsk  | response without coop_status          | none                                          | no_answer    |
| Graz    | none                                  | none                                          | not_surveyed |
| Utrecht | current, confidential                 | Chengdu (survey only, 2015); Nanjing (survey  | coop_survey  |
|         |                                       | + import: friendship 2000 in the import)      |              |
"""
import hashlib

import pytest

from citydip.core.models import Country
from citydip.frame.models import City
from citydip.gazetteer.models import Place
from citydip.partnerships.models import Evidence, Partnership
from citydip.survey.models import Questionnaire, Response, Wave

CITIES = {
    "Lyon": ("FR", 45.76, 4.84, 522000, "500k–1M"),
    "Milano": ("IT", 45.46, 9.19, 1371000, ">1M"),
    "Porto": ("PT", 41.15, -8.61, 232000, "100k–250k"),
    "Gdańsk": ("PL", 54.35, 18.65, 470000, "250k–500k"),
    "Graz": ("AT", 47.07, 15.44, 291000, "250k–500k"),
    "Utrecht": ("NL", 52.09, 5.12, 361000, "250k–500k"),
}
PROVINCES = {"CN-GD": ("Guangdong", "广东"), "CN-SH": ("Shanghai", "上海"), "CN-SC": ("Sichuan", "四川"),
             "CN-JS": ("Jiangsu", "江苏")}
PLACES = {
    "Guangzhou": ("1809858", "广州", "CN-GD", 23.12, 113.25),
    "Shanghai": ("1796236", "上海", "CN-SH", 31.22, 121.46),
    "Chengdu": ("1815286", "成都", "CN-SC", 30.67, 104.07),
    "Nanjing": ("1799962", "南京", "CN-JS", 32.06, 118.78),
}


def make_wave():
    content = b"not a real form"
    questionnaire = Questionnaire.objects.create(form_id="eu_china_cities", filename="form.xlsx", content=content,
                                                 checksum=hashlib.sha256(content).hexdigest())
    return Wave.objects.create(name="Wave 1", questionnaire=questionnaire)


def add_partnership(city, place, evidence, **fields):
    partnership = Partnership.objects.create(city=city, place=place, **fields)
    for source, facts in evidence:
        Evidence.objects.create(partnership=partnership, source=source, **facts)
    return partnership


@pytest.fixture
def map_world(db):
    return build_world()


def build_world():
    cities = {}
    for name, (iso2, lat, lon, population, size_class) in CITIES.items():
        cities[name] = City.objects.create(name=name, country=Country.ensure(iso2), lat=lat, lon=lon,
                                           population=population, size_class=size_class)
    provinces = {code: Place.objects.create(place_id=code, name=n, name_zh=zh, level="province", lat=1, lon=1)
                 for code, (n, zh) in PROVINCES.items()}
    places = {name: Place.objects.create(place_id=pid, name=name, name_zh=zh, level="prefecture",
                                         province=provinces[prov], lat=lat, lon=lon)
              for name, (pid, zh, prov, lat, lon) in PLACES.items()}
    wave = make_wave()
    Response.objects.create(wave=wave, city=cities["Lyon"], state="complete", synthetic=True,
                            answers={"coop_status": "current"})
    Response.objects.create(wave=wave, city=cities["Porto"], state="complete", answers={"coop_status": "never"})
    Response.objects.create(wave=wave, city=cities["Gdańsk"], state="not_started", answers={})
    Response.objects.create(wave=wave, city=cities["Utrecht"], state="complete", confidential=True,
                            answers={"coop_status": "current", "publish_city_name": "no"})
    add_partnership(cities["Lyon"], places["Guangzhou"], [("survey", {}), ("wikidata", {})],
                    kind="sister", year_signed=1988, status="active", areas=["economy"])
    add_partnership(cities["Milano"], places["Shanghai"],
                    [("wikidata", {"kind": "sister", "year_signed": 1979, "areas": ["culture"]})],
                    kind="sister", year_signed=1979, status="active", areas=["culture"])
    add_partnership(cities["Utrecht"], places["Chengdu"], [("survey", {})],
                    kind="agreement", year_signed=2015, status="active", areas=["education"])
    add_partnership(cities["Utrecht"], places["Nanjing"],
                    [("survey", {}), ("import", {"kind": "friendship", "year_signed": 2000})],
                    kind="agreement", year_signed=2015, status="active", areas=["science"])
    return {"cities": cities, "places": places, "provinces": provinces, "wave": wave}


@pytest.fixture(autouse=True)
def fresh_map_cache():
    """The map caches its JSON per process; each test starts without it (rolled-back ids repeat)."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
