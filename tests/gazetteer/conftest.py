from tests.gazetteer.fixtures import gazetteer, gazetteer_session  # noqa: F401
