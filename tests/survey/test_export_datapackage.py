"""Frictionless data package: frictionless accepts it, and its foreign key holds."""
import json

import pytest
from frictionless import validate

from citydip.survey.exports import datapackage
from citydip.survey.exports.dataset import build_dataset
from tests.reports.study import build_study

pytestmark = pytest.mark.django_db


@pytest.fixture
def package(tmp_path):
    wave, _ = build_study(tmp_path)
    datapackage.write(build_dataset(wave), tmp_path, "en", provenance={"database_checksum": "0" * 64})
    return tmp_path / "datapackage.json"


def test_frictionless_validates_it(package):
    report = validate(str(package))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])


def test_it_declares_the_foreign_key_and_missing_values(package):
    descriptor = json.loads(package.read_text())
    partners = next(r for r in descriptor["resources"] if r["name"] == "partners")
    assert partners["schema"]["foreignKeys"][0]["reference"] == {"resource": "cities", "fields": "city_id"}
    assert set(partners["schema"]["missingValues"]) >= {"-97", "-98", "-99"}
    assert descriptor["citydip"]["database_checksum"] == "0" * 64


def test_a_partner_of_an_unknown_city_fails_validation(package):
    path = package.parent / "partners.csv"
    path.write_text(path.read_text() + "XX999C,1,Harbin,-99,-99,-99,-99\n")
    assert not validate(str(package)).valid
