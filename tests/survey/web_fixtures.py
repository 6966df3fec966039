"""Fixtures of the survey's web form and API tests: a small two-language form, cities and links.

Imported by the test modules (``from tests.survey.web_fixtures import ...``) so that they do not
depend on a conftest shared with the form engine's tests.
"""
from pathlib import Path

import pytest

from citydip.core.models import Country
from citydip.frame.models import City
from citydip.survey import tokens
from citydip.survey.models import AccessToken, Wave

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "survey"


def make_wave(path, name="Test wave"):
    """A wave of the form at ``path``, stored as `wave create` stores it (with the files it reads)."""
    from citydip.survey.waves import store_questionnaire

    questionnaire, _ = store_questionnaire(Path(path).read_bytes(), Path(path).name, Path(path).parent)
    return Wave.objects.create(name=name, questionnaire=questionnaire)


def make_city(name="Lyon", iso2="FR", urau="FR003C"):
    return City.objects.create(name=name, country=Country.ensure(iso2), urau_code=urau, population=500000)


@pytest.fixture
def mini_wave(db):
    return make_wave(FIXTURES / "mini_form.md")


@pytest.fixture
def city(db):
    return make_city()


@pytest.fixture
def link(mini_wave, city):
    """A raw token of an invitation to the mini form for Lyon, in English."""
    return tokens.issue(mini_wave, city, "en", AccessToken.Kind.INVITATION)


def make_place(place_id, name, name_zh, level="prefecture", population=1000):
    """A gazetteer place that the place suggestions find: with its names in the matcher's index when
    the gazetteer has one (``PlaceName``, the gazetteer issue), else the Place alone (the fallback)."""
    from citydip.gazetteer import models as gazetteer

    place = gazetteer.Place.objects.create(place_id=place_id, name=name, name_zh=name_zh, level=level,
                                           population=population)
    if hasattr(gazetteer, "PlaceName"):
        from citydip.gazetteer.index import reset_index
        from citydip.gazetteer.normalise import fold

        for text, kind in ((name, "primary"), (name_zh, "chinese")):
            gazetteer.PlaceName.objects.create(place=place, name=text, key=fold(text), kind=kind)
        reset_index()
    return place


def respond_url(token, suffix=""):
    return f"/survey/r/{token}/{suffix}"
