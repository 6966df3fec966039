"""Translators' files: export, edit one string, import — that string changes and nothing else.

The packaged catalogues (the instrument's PO files and XLSForm, the survey and fieldwork interface
catalogues) are never written: the team's edits go to the overlay in the test's own
CITYDIP_DATA_DIR (tests/conftest.py ``data_dir``), which the tests read back.
"""
import shutil
from pathlib import Path

import polib
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.utils import translation
from translate.storage import xliff

from citydip.core.errors import CitydipError
from citydip.core.models import AuditEvent
from citydip.survey import translation_files, translation_units
from citydip.survey.instruments import translations as instrument

SRC = Path(__file__).resolve().parents[2] / "src" / "citydip"
INSTRUMENTS = SRC / "survey" / "instruments"


def packaged_files():
    """Every packaged translation file and the XLSForm: path -> (bytes, mtime)."""
    paths = [*(INSTRUMENTS / "eu_china_cities").glob("*.po"), INSTRUMENTS / "eu_china_cities.xlsx"]
    for app in translation_units.INTERFACE_APPS:
        paths += (SRC / app / "locale").rglob("django.[pm]o")
    return {path: (path.read_bytes(), path.stat().st_mtime_ns) for path in sorted(paths)}


@pytest.fixture
def files(data_dir):
    """The test's data folder (the overlay is written under ``translations/``); at the end, the
    packaged files must be as they were, byte for byte and untouched."""
    before = packaged_files()
    yield data_dir
    assert packaged_files() == before, "a packaged translation file was written at run time"


def snapshot(folder):
    """The translation files' bytes (translators' files written next to them left out)."""
    return {path.relative_to(folder): path.read_bytes() for path in sorted(folder.rglob("*"))
            if path.is_file() and path.suffix not in (".xlf", ".csv")}


def edit_xliff(data, unit_id, new_target):
    store = xliff.xlifffile.parsestring(data)
    for unit in store.units:
        if unit.xmlelement.get("id") == unit_id:
            unit.target = new_target
            return bytes(store)
    raise AssertionError(f"no unit {unit_id}")


def test_export_edit_one_string_import_changes_that_string_and_nothing_else(files, tmp_path, db):
    before_units = {u.id: u for u in translation_units.units("de")}
    before_files = snapshot(files)
    exported = tmp_path / "de.xlf"
    call_command("survey", "translations", "export", "--language", "de", "--output", str(exported))
    assert b'version="1.2"' in exported.read_bytes() and b'target-language="de"' in exported.read_bytes()
    target_id = "instrument/survey:coop_status:label"
    exported.write_bytes(edit_xliff(exported.read_bytes(), target_id, "Arbeitet Ihre Stadt mit Partnern in China zusammen?"))

    report = translation_units.apply("de", translation_files.read(exported.read_bytes(), "de.xlf")[1])

    assert [change.id for change in report.changed] == [target_id] and not report.skipped
    after_units = {u.id: u for u in translation_units.units("de")}
    assert after_units[target_id].target == "Arbeitet Ihre Stadt mit Partnern in China zusammen?"
    assert {k: v for k, v in after_units.items() if k != target_id} == {
        k: v for k, v in before_units.items() if k != target_id}
    changed_files = {name for name, data in snapshot(files).items() if before_files.get(name) != data}
    overlay = Path("translations/instrument")
    assert changed_files == {overlay / "de.po", overlay / "eu_china_cities.xlsx"}  # the XLSForm is rebuilt there
    po = polib.pofile(str(files / overlay / "de.po"))
    assert [(e.msgctxt, e.msgstr) for e in po] == [
        ("survey:coop_status:label", "Arbeitet Ihre Stadt mit Partnern in China zusammen?")]  # only the edit
    from io import BytesIO

    from openpyxl import load_workbook
    sheet = load_workbook(BytesIO((files / overlay / "eu_china_cities.xlsx").read_bytes()))["survey"]
    column = [c.value for c in sheet[1]].index("label::Deutsch (de)")
    row = next(r for r in sheet.iter_rows(min_row=2, values_only=True) if r[1] == "coop_status")
    assert row[column] == "Arbeitet Ihre Stadt mit Partnern in China zusammen?"


def test_an_interface_string_in_csv_is_written_and_compiled(files, tmp_path, db):
    exported = tmp_path / "lv.csv"
    call_command("survey", "translations", "export", "--language", "lv", "--output", str(exported))
    text = exported.read_text(encoding="utf-8-sig")
    assert text.splitlines()[0] == "id,language,part,context,source,target,status,note"
    assert ",Back,Atpakaļ,draft," in text
    exported.write_text(text.replace(",Back,Atpakaļ,draft,", ",Back,Iepriekšējā lapa,draft,"), encoding="utf-8-sig")
    call_command("survey", "translations", "import", str(exported))
    catalogue = files / "translations/locale/lv/LC_MESSAGES"
    compiled = {(e.msgctxt, e.msgid): e.msgstr for e in polib.mofile(str(catalogue / "django.mo"))}
    assert compiled == {("respondent", "Back"): "Iepriekšējā lapa"}  # the overlay holds the edit only
    assert polib.pofile(str(catalogue / "django.po")).metadata["X-Review-Status"] == "draft"
    with translation.override("lv"):  # Django reads the overlay before the app's catalogue
        assert translation.pgettext("respondent", "Back") == "Iepriekšējā lapa"
        other = next(u for u in translation_units.units("lv")
                     if u.part == "interface" and u.source != "Back" and u.target and "%" not in u.source)
        assert translation.pgettext("respondent", other.source) == other.target  # the app's, as before
    event = AuditEvent.objects.get(action="survey.translations.import")
    assert event.detail["language"] == "lv" and len(event.detail["changed"]) == 1


def test_an_untouched_file_changes_nothing(files, tmp_path, db):
    before = snapshot(files)
    data = translation_files.write(translation_units.units("pl"), "pl", "xliff")
    report = translation_units.apply("pl", translation_files.read(data, "pl.xlf")[1])
    assert report.changed == [] and report.unchanged == len(translation_units.units("pl"))
    assert snapshot(files) == before


def test_a_translation_that_loses_a_placeholder_is_skipped_and_reported(files, db):
    unit = next(u for u in translation_units.units("fr") if u.source == "Page %(number)s of %(total)s")
    report = translation_units.apply("fr", {unit.id: (unit.source, "Page %(number)s", False)})
    assert report.changed == [] and "placeholders" in report.skipped[0][1]


def test_reviewed_by_marks_a_complete_language_reviewed(files, db):
    units = translation_units.units("de")
    incoming = {u.id: (u.source, u.target, True) for u in units}
    report = translation_units.apply("de", incoming, reviewed_by="Dr. Anna Weber")
    assert report.status == {"instrument": ("draft", "reviewed"), "interface": ("draft", "reviewed")}
    summary = translation_units.summary("de")
    assert summary["status"] == "reviewed" and summary["instrument"]["reviewer"] == "Dr. Anna Weber"
    # a later change without a review puts the part back to draft
    first = units[0]
    translation_units.apply("de", {first.id: (first.source, first.target + " ", False)})
    assert translation_units.summary("de")["instrument"]["status"] == "draft"


def test_a_language_without_the_instrument_yet_gets_its_file_on_import(files, tmp_path, monkeypatch, db):
    package = tmp_path / "package"  # a package as before Lithuanian was added
    shutil.copytree(instrument.DIRECTORY, package)
    (package / "lt.po").unlink()
    monkeypatch.setattr(instrument, "DIRECTORY", package)
    unit = next(u for u in translation_units.units("lt") if u.id == "instrument/survey:consent_page:label")
    assert unit.status == "untranslated"
    translation_units.apply("lt", {unit.id: (unit.source, "Apie šią apklausą", False)})
    assert (files / "translations" / "instrument" / "lt.po").exists() and not (package / "lt.po").exists()
    assert "lt" in instrument.languages(translation_units.instrument_overlay())
    assert "lt" not in instrument.languages()


def test_a_file_that_is_not_xliff_or_csv_is_refused_with_its_name(files):
    with pytest.raises(CitydipError) as failure:
        translation_files.read(b"<not xml", "broken.xlf")
    assert failure.value.code == "SURVEY-E301" and "broken.xlf" in str(failure.value)
    with pytest.raises(CitydipError) as failure:
        translation_files.read(b"id,target\nx,y\n", "short.csv")
    assert failure.value.code == "SURVEY-E302"


def test_the_researchers_page_shows_each_language_and_reads_an_upload(files, researcher, fieldworker, client_for):
    client = client_for(researcher)
    page = client.get("/survey/translations/")
    text = page.content.decode()
    assert page.status_code == 200 and 'id="language-lv"' in text and "draft" in text
    download = client.get("/survey/translations/lv.csv")
    assert download.status_code == 200 and "attachment" in download["Content-Disposition"]
    data = download.content.decode("utf-8-sig").replace(",Back,Atpakaļ,draft,", ",Back,Atpakaļ uz iepriekšējo,draft,")
    uploaded = client.post("/survey/translations/", {"file": SimpleUploadedFile("lv.csv", data.encode("utf-8"))})
    assert uploaded.status_code == 200 and "Atpakaļ uz iepriekšējo" in uploaded.content.decode()
    assert AuditEvent.objects.filter(action="survey.translations.import", user=researcher).exists()
    assert client_for(fieldworker).get("/survey/translations/").status_code == 403


def test_a_changed_english_text_is_confirmed_into_the_overlay_and_an_upgrade_translation_wins(files, monkeypatch, db):
    context = "survey:partner_kind:label"
    texts = [(c, "Which kind of tie is it?" if c == context else t) for c, t in instrument.source_texts()]
    monkeypatch.setattr(instrument, "source_texts", lambda: texts)  # the English changed in an upgrade
    unit = next(u for u in translation_units.units("de") if u.context == context)
    assert unit.status == "changed" and unit.note.startswith("English before the change: What kind")
    report = translation_units.apply("de", {unit.id: (unit.source, unit.target, True)})  # the translator confirms
    assert [c.id for c in report.changed] == [unit.id]
    assert next(u for u in translation_units.units("de") if u.context == context).status == "draft"
    overlay = translation_units.instrument_overlay()
    assert instrument.translations("de", overlay)[context] == unit.target
    assert context not in instrument.translations("de")  # the packaged file still has the old English
    # the next upgrade ships its own translation of the new English: it wins over the team's older one
    po = instrument.catalogue("de")
    entry = next(e for e in po if e.msgctxt == context)
    entry.msgid, entry.msgstr = "Which kind of tie is it?", "Welche Art von Verbindung?"
    monkeypatch.setattr(instrument, "catalogue", lambda code: po if code == "de" else instrument.new_catalogue(code))
    overlay_po = polib.pofile(str(overlay / "de.po"))
    next(e for e in overlay_po if e.msgctxt == context).msgid = "What kind of tie was it?"  # older English
    overlay_po.save(str(overlay / "de.po"))
    assert instrument.translations("de", overlay)[context] == "Welche Art von Verbindung?"


def test_the_data_folder_defaults_to_next_to_the_sqlite_file(tmp_path):
    import os
    import subprocess
    import sys

    show = "import django; django.setup(); from django.conf import settings as s; print(s.CITYDIP_DATA_DIR, s.LOCALE_PATHS[0])"
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "citydip.settings", "DATABASE_URL": f"sqlite:///{tmp_path}/study.sqlite3"}
    env.pop("CITYDIP_DATA_DIR", None)
    out = subprocess.run([sys.executable, "-c", show], env=env, capture_output=True, text=True, check=True).stdout.split()
    assert out == [str(tmp_path / "citydip-data"), str(tmp_path / "citydip-data" / "translations" / "locale")]
    env["CITYDIP_DATA_DIR"] = str(tmp_path / "elsewhere")
    out = subprocess.run([sys.executable, "-c", show], env=env, capture_output=True, text=True, check=True).stdout.split()
    assert out[0] == str(tmp_path / "elsewhere")


def test_an_upload_through_the_page_reaches_the_questionnaire_and_leaves_the_package_alone(files, researcher,
                                                                                          client_for):
    import csv
    import io

    from openpyxl import load_workbook

    client = client_for(researcher)
    packaged = client.get("/survey/translations/questionnaire.xlsx")
    assert packaged.status_code == 200 and b"".join(packaged.streaming_content) == (
        INSTRUMENTS / "eu_china_cities.xlsx").read_bytes()
    rows = list(csv.DictReader(io.StringIO(client.get("/survey/translations/lv.csv").content.decode("utf-8-sig"))))
    row = next(r for r in rows if r["id"] == "instrument/survey:coop_status:label")
    row["target"] = "Vai jūsu pilsēta sadarbojas ar Ķīnas partneriem?"
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)
    page = client.post("/survey/translations/", {"file": SimpleUploadedFile("lv.csv", out.getvalue().encode())})
    assert "Vai jūsu pilsēta sadarbojas ar Ķīnas partneriem?" in page.content.decode()
    assert 'href="/survey/translations/questionnaire.xlsx"' in page.content.decode()
    edited = client.get("/survey/translations/questionnaire.xlsx")
    sheet = load_workbook(io.BytesIO(b"".join(edited.streaming_content)))["survey"]
    column = next(i for i, c in enumerate(sheet[1]) if (c.value or "").startswith("label::") and "(lv)" in c.value)
    label = next(r for r in sheet.iter_rows(min_row=2, values_only=True) if r[1] == "coop_status")[column]
    assert label == "Vai jūsu pilsēta sadarbojas ar Ķīnas partneriem?"
    assert translation_units.summary("lv")["instrument"]["status"] == "draft"


def test_a_data_folder_the_server_cannot_write_is_a_clear_error_on_the_page(files, settings, tmp_path, researcher,
                                                                           client_for):
    (tmp_path / "not-a-folder").write_text("a file where the data folder should be")
    settings.CITYDIP_DATA_DIR = tmp_path / "not-a-folder" / "data"
    client = client_for(researcher)
    data = client.get("/survey/translations/lv.csv").content.decode("utf-8-sig").replace(
        ",Back,Atpakaļ,draft,", ",Back,Iepriekšējā lapa,draft,")
    page = client.post("/survey/translations/", {"file": SimpleUploadedFile("lv.csv", data.encode())})
    text = page.content.decode()
    assert page.status_code == 200 and "SURVEY-E306" in text and "CITYDIP_DATA_DIR" in text
