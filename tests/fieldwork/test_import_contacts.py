"""`fieldwork contacts import`: every bad row reported with its line; nothing imported until confirmed."""
import io
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from citydip.core.models import Country
from citydip.fieldwork.models import Contact
from citydip.frame.models import City
from tests.fieldwork.conftest import make_cities

pytestmark = pytest.mark.django_db
BROKEN = Path(__file__).parents[1] / "fixtures" / "fieldwork" / "contacts_broken.csv"


def run_import(*args):
    out = io.StringIO()
    try:
        call_command("fieldwork", "contacts", "import", *args, stdout=out)
        return out.getvalue(), None
    except CommandError as error:
        return out.getvalue(), str(error)


def test_it_names_each_bad_line_and_imports_nothing_without_confirmation():
    make_cities(6, with_contacts=False)
    report, error = run_import(str(BROKEN))
    assert "[contacts_broken.csv · line 3 · email] bad e-mail address 'luc.martin@example' (FIELD-E004)" in report
    assert "line 4 · city_id] unknown city 'XX999C'" in report and "(FIELD-E002)" in report
    assert "line 6 · email] duplicate: the same city and e-mail as line 5 (FIELD-E006)" in report
    assert "line 7 · language] unknown language 'klingon'" in report
    assert "3 valid rows, 4 bad rows" in report
    assert "nothing imported" in error and "FIELD-E013" in error
    assert Contact.objects.count() == 0


def test_it_imports_the_valid_rows_with_yes_and_makes_the_first_contact_primary():
    make_cities(6, with_contacts=False)
    report, error = run_import(str(BROKEN), "--yes")
    assert error is None and "imported 3 contacts" in report
    anna = Contact.objects.get(email="anna.schmidt@example.org")
    assert anna.city.city_id == "DE000C" and anna.primary and anna.language == "de" and anna.source.endswith(":2")
    assert not Contact.objects.filter(email="nobody@example.org").exists()


def test_it_imports_after_the_user_confirms(monkeypatch):
    make_cities(6, with_contacts=False)
    monkeypatch.setattr("sys.stdin", io.StringIO("y\n"))
    report, error = run_import(str(BROKEN))
    assert error is None and Contact.objects.count() == 3


def test_a_contact_already_there_is_a_duplicate():
    make_cities(6, with_contacts=False)
    run_import(str(BROKEN), "--yes")
    report, error = run_import(str(BROKEN), "--yes")
    assert "already a contact of" in report and error and "FIELD-E012" in error
    assert Contact.objects.count() == 3


def test_it_finds_a_city_by_name_and_country_forgivingly_from_xlsx(tmp_path):
    from openpyxl import Workbook

    City.objects.create(name="Kraków", country=Country.ensure("PL"), urau_code="PL003C")
    City.objects.create(name="Frankfurt am Main", country=Country.ensure("DE"), urau_code="DE005C")
    book = Workbook()
    sheet = book.active
    sheet.append(["city_name", "country", "office", "name", "role", "email", "phone", "language"])
    sheet.append(["krakow", "PL", "Biuro", "Jan Kowalski", "", "jan@example.org", "", "pl"])
    sheet.append(["Frankfurt am Mian", "DE", "Büro", "Eva Klein", "", "eva@example.org", "", "de"])
    sheet.append(["Atlantis", "DE", "", "Nemo", "", "nemo@example.org", "", "de"])
    book.save(tmp_path / "contacts.xlsx")
    report, error = run_import(str(tmp_path / "contacts.xlsx"), "--yes")
    assert "line 4 · city_name] unknown city: no frame city called 'Atlantis' in DE" in report
    assert Contact.objects.get(email="jan@example.org").city.name == "Kraków"
    assert Contact.objects.get(email="eva@example.org").city.name == "Frankfurt am Main"


def test_a_file_without_the_email_column_is_refused_with_the_column_named(tmp_path):
    path = tmp_path / "contacts.csv"
    path.write_text("city_id;name;phone\nDE000C;Anna;+49 30 1\n", encoding="utf-8")
    report, error = run_import(str(path))
    assert "[contacts.csv · line 1 · column email] missing column email" in error
