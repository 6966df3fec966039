from tests.gazetteer.fixtures import gazetteer, gazetteer_ready  # noqa: F401
from tests.partnerships.frame_cities import frame  # noqa: F401
