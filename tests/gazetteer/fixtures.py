"""The gazetteer for tests: built once per test session from the installed packages (no open data).

Building takes a while (GeoNames cities1000 for China), so it is built once, outside the tests'
transactions, and rebuilt only if a transactional test flushed the database meanwhile.
"""
import pytest

SHANGHAI = "1796236"
# Set while this process holds a session-built gazetteer outside the tests' transactions; the root
# conftest wipes it before any test that does not ask for it, so no other test sees these rows.
SESSION = {"built": False}


def gazetteer_is_built():
    from citydip.gazetteer.models import Place

    return Place.objects.filter(place_id=SHANGHAI).exists()


@pytest.fixture(scope="session")
def gazetteer_session(django_db_setup, django_db_blocker):
    from citydip.gazetteer.build import build_gazetteer

    with django_db_blocker.unblock():
        if not gazetteer_is_built():
            build_gazetteer()
        SESSION["built"] = True


@pytest.fixture
def gazetteer(gazetteer_session, db):
    """A test with the full gazetteer (PRC, Hong Kong, Macau, Taiwan) in its database."""
    from citydip.gazetteer.build import build_gazetteer
    from citydip.gazetteer.match import clear_cache

    if not gazetteer_is_built():
        build_gazetteer()
    clear_cache()
