import shutil

import pytest

from citydip.demo.steps import DemoContext
from citydip.frame.demo_data import build_demo
from citydip.frame.models import City, FrameVersion
from tests.frame.conftest import fixture

pytestmark = pytest.mark.django_db


def test_the_demo_builds_the_urban_audit_frame_from_the_data_folder(tmp_path):
    (tmp_path / "frame").mkdir()
    shutil.copy(fixture("cities_ok.csv"), tmp_path / "frame" / "eu_cities_urau.csv")
    messages = []
    build_demo(DemoContext(data_dir=tmp_path, log=messages.append, quiet=True))
    assert FrameVersion.current().source == "urau" and City.objects.filter(in_frame=True).count() == 6
    assert messages == ["frame: 6 cities in the frame from urau"]


def test_without_open_data_the_demo_falls_back_to_geonames():
    messages = []
    build_demo(DemoContext(data_dir=None, log=messages.append, quiet=True))
    assert FrameVersion.current().source == "geonames"
    in_frame = City.objects.filter(in_frame=True)
    assert in_frame.count() > 900 and in_frame.values("country_id").distinct().count() >= 26
    assert in_frame.filter(name="Berlin", country_id="DE").exists()
    assert not in_frame.filter(name="Kreuzberg").exists()
