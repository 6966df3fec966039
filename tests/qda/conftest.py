"""Fixtures of the qda tests: the demo's synthetic interviews and coding, and small documents."""
import pytest


@pytest.fixture
def demo_qda(db):
    from citydip.demo.steps import DemoContext
    from citydip.qda.demo_data import build_demo

    build_demo(DemoContext(data_dir=None, log=lambda msg: None, quiet=True))


@pytest.fixture
def two_coders(db):
    from tests.conftest import make_user

    return make_user("coder_one", "coder"), make_user("coder_two", "coder")
