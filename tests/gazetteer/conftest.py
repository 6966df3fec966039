from tests.gazetteer.fixtures import gazetteer, gazetteer_ready  # noqa: F401
