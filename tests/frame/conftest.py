"""Helpers for the frame tests: fixture paths and a build from a fixture CSV."""
from pathlib import Path

import pytest

from citydip.core.countries import EU27
from citydip.frame.build import build_frame
from citydip.frame.importers import urau

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "frame"


def fixture(name):
    return FIXTURES / name


def build_from(name, min_population=50000, countries=EU27):
    data = urau.read(fixture(name), countries=countries, min_population=min_population)
    return build_frame(data, min_population=min_population, countries=countries, quiet=True)


@pytest.fixture
def small_frame(db):
    """The frame built from cities_ok.csv (7 rows, 6 in the frame)."""
    return build_from("cities_ok.csv")

