import pytest

from tests.analysis import builders


@pytest.fixture
def small_frame(db):
    """The hand-computed fixture of docs/analysis.md ("Weights"): 11 cities in three countries.

    DE: four cities of 50k–100k (two respond: one cooperating, one not), two of 100k–250k (none
    respond), one of 250k–500k (responds, cooperating). FR: three cities, none respond. IT: one
    city, responds, not cooperating.
    """
    wave = builders.wave()
    cities = {}
    for name, country, population in (("A1", "DE", 60_000), ("A2", "DE", 61_000), ("A3", "DE", 62_000),
                                       ("A4", "DE", 63_000), ("B1", "DE", 150_000), ("B2", "DE", 160_000),
                                       ("C1", "DE", 300_000), ("F1", "FR", 70_000), ("F2", "FR", 80_000),
                                       ("F3", "FR", 200_000), ("I1", "IT", 90_000)):
        cities[name] = builders.city(name, country, population, urau=f"{country}_{name}")
    builders.respond(wave, cities["A1"], {"coop_status": "current"})
    builders.respond(wave, cities["A2"], {"coop_status": "never"})
    builders.respond(wave, cities["C1"], {"coop_status": "current"})
    builders.respond(wave, cities["I1"], {"coop_status": "past"})
    builders.respond(wave, cities["F1"], {}, state="not_started")
    return cities


@pytest.fixture
def study(db):
    return builders.synthetic_study(n=80, seed=7)
