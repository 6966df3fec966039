"""`citydip deposit build`: no planted e-mail, phone number or contact name survives anywhere."""
import csv
import json

import pytest
from django.core.management import call_command

from citydip.reports.screen import Screen
from tests.reports.study import CONTACTS, build_study

pytestmark = pytest.mark.django_db
FORBIDDEN = [text for contact in CONTACTS for text in contact] + ["Kleinschmidt", "Wiśniewska", "Fournier"]


@pytest.fixture(scope="module")
def deposit(django_db_setup, django_db_blocker, tmp_path_factory):
    """One build for the module (WeasyPrint is slow): the study is rolled back afterwards."""
    from django.db import transaction

    tmp = tmp_path_factory.mktemp("deposit")
    with django_db_blocker.unblock(), transaction.atomic():
        build_study(tmp, synthetic=True)
        call_command("deposit", "build", "--output", str(tmp / "out"))
        transaction.set_rollback(True)
    return tmp / "out"


def every_text(directory):
    from pypdf import PdfReader

    for path in directory.rglob("*"):
        if path.suffix == ".pdf":
            yield path, "\n".join(page.extract_text() for page in PdfReader(path).pages)
        elif path.is_file():
            yield path, path.read_bytes().decode("utf-8", errors="ignore")


def test_no_planted_personal_data_survives_in_any_file(deposit):
    for path, text in every_text(deposit):
        for secret in FORBIDDEN:
            assert secret not in text, f"{secret!r} in {path.name}"


def test_the_free_text_keeps_its_meaning_with_placeholders(deposit):
    with open(deposit / "data" / "cities.csv", encoding="utf-8") as handle:
        rows = {r["city_id"]: r for r in csv.DictReader(handle)}
    assert rows["DE001C"]["comments"] == "Please ask [name] ([email], [phone]) for details."
    assert "cooperated in 2015-2020" in rows["FR001C"]["comments"]


def test_a_confidential_city_appears_only_by_country_and_size_class(deposit):
    with open(deposit / "data" / "cities.csv", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    ids = [r["city_id"] for r in rows]
    assert "PL001C" not in ids
    hidden = next(r for r in rows if r["city_id"].startswith("PL-"))
    assert hidden["city_name"] == "" and hidden["population"] == "" and hidden["country_iso2"] == "PL"
    assert "[city]" in hidden["comments"] and "Lodz" not in hidden["comments"]
    with open(deposit / "data" / "partners.csv", encoding="utf-8") as handle:
        assert hidden["city_id"] in {r["city_id"] for r in csv.DictReader(handle)}


def test_synthetic_answers_are_marked(deposit):
    with open(deposit / "data" / "cities.csv", encoding="utf-8") as handle:
        assert {r["synthetic"] for r in csv.DictReader(handle)} == {"1"}
    assert "Synthetic data" in (deposit / "README.md").read_text()


def test_it_has_a_readme_licence_codebook_and_provenance(deposit):
    names = {p.relative_to(deposit).as_posix() for p in deposit.rglob("*") if p.is_file()}
    assert {"README.md", "LICENSE.txt", "PROVENANCE.json", "codebook/codebook.pdf", "codebook/codebook.json",
            "data/datapackage.json", "data/cities.sav", "data/cities.dta"} <= names
    assert "CC BY 4.0" in (deposit / "LICENSE.txt").read_text()
    assert len(json.loads((deposit / "PROVENANCE.json").read_text())["database_checksum"]) == 64


def test_the_screen_keeps_identifiers_and_years():
    screen = Screen(["Anna Kowalska"])
    assert screen("place 1815286 since 2013, 2015-2020") == "place 1815286 since 2013, 2015-2020"
    assert screen("Dr. Weber and Kowalska, tel. (089) 233-12345") == "Dr [name] and [name], tel. [phone]"
