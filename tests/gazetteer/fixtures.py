"""The gazetteer for tests: built from the installed packages (no open data), outside the tests' transactions.

Building takes a while (GeoNames cities1000 for China), so it is committed once and kept for the
session; ``gazetteer_ready`` runs before the test's own transaction starts (request ``gazetteer``
first), so it rebuilds only when a transactional test of another app flushed the database meanwhile.
"""
import pytest

SHANGHAI = "1796236"
# The gazetteer stays in the test database for the whole session, so these tests run in a pytest
# process of their own (see the Makefile): no other app's test ever sees these rows.


def gazetteer_is_built():
    from citydip.gazetteer.models import Place

    return Place.objects.filter(place_id=SHANGHAI).exists()


@pytest.fixture
def gazetteer_ready(django_db_setup, django_db_blocker):
    from citydip.gazetteer.build import build_gazetteer

    with django_db_blocker.unblock():
        if not gazetteer_is_built():
            build_gazetteer()


@pytest.fixture
def gazetteer(gazetteer_ready, db):
    """A test with the full gazetteer (PRC, Hong Kong, Macau, Taiwan) in its database."""
    from citydip.gazetteer.match import clear_cache

    assert gazetteer_is_built()
    clear_cache()
