"""A five-city frame for the partnership tests."""
import pytest

from citydip.core.models import Country
from citydip.frame.models import City

CITIES = [("Hamburg", "DE", 53.55, 9.99, {"wikidata_id": "Q1055", "urau_code": "DE002C"}),
          ("Düsseldorf", "DE", 51.22, 6.78, {"urau_code": "DE011C"}),
          ("Wien", "AT", 48.21, 16.37, {"geonames_id": 2761369, "urau_code": "AT001C"}),
          ("Bruxelles/Brussel", "BE", 50.85, 4.35, {"urau_code": "BE001C"}),
          ("Lisboa", "PT", 38.72, -9.14, {"urau_code": "PT001C", "geonames_id": 2267057})]


@pytest.fixture
def frame(db):
    cities = {}
    for name, iso, lat, lon, extra in CITIES:
        country = Country.ensure(iso)
        cities[name] = City.objects.create(name=name, country=country, lat=lat, lon=lon, population=500_000, **extra)
    return cities
