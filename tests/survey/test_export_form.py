"""`citydip survey export-form`: the XForm for KoboToolbox/ODK and a printable PDF per language."""
import shutil
import xml.etree.ElementTree as ET
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from pypdf import PdfReader

from tests.survey.form_fixtures import INSTRUMENT, fixture


def export(*args):
    out = StringIO()
    call_command("survey", "export-form", *map(str, args), stdout=out)
    return out.getvalue()


def pdf_text(path):
    return "\n".join(page.extract_text() for page in PdfReader(path).pages).replace("\x00", "")


def test_it_writes_the_xform_of_a_form(tmp_path):
    target = tmp_path / "roster.xml"
    export(fixture("household_roster.md"), "--format", "xform", "--output", target)
    root = ET.parse(target).getroot()
    ns = {"h": "http://www.w3.org/1999/xhtml", "x": "http://www.w3.org/2002/xforms"}
    assert root.find("h:head/x:model/x:instance/*", ns).get("id") == "household_roster"
    repeat = root.find(".//x:repeat", ns)
    assert repeat is not None and "members" in repeat.get("{http://openrosa.org/javarosa}count")


def test_it_prints_the_questionnaire_in_the_language_asked(db, tmp_path):  # db: the study settings
    target = tmp_path / "de.pdf"
    export(INSTRUMENT, "--format", "pdf", "--output", target, "--language", "de")
    text = pdf_text(target)
    assert "Arbeitet Ihre Stadt mit einer oder mehreren Städten" in text
    assert "Nur beantworten, wenn Frage 1 lautet" in text  # skip logic as a routing instruction
    assert "Bitte ein Kästchen ankreuzen." in text
    assert "Aus der Liste chinesischer Orte" not in text  # the gazetteer pick is online only


def test_it_prints_one_pdf_per_language_with_all(db, tmp_path):
    out = export(fixture("household_roster.md"), "--format", "pdf", "--output", tmp_path / "roster.pdf",
                 "--language", "all")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["roster-en.pdf", "roster-fr.pdf"]
    assert "Combien de personnes vivent ici" in pdf_text(tmp_path / "roster-fr.pdf")
    assert "roster-fr.pdf (household_roster.md, fr)" in out


def test_it_refuses_a_language_the_form_does_not_have(tmp_path):
    with pytest.raises(CommandError, match="SURVEY-E012"):
        export(INSTRUMENT, "--format", "pdf", "--output", tmp_path / "x.pdf", "--language", "ga")
    assert not (tmp_path / "x.pdf").exists()


@pytest.mark.django_db
def test_without_a_form_it_exports_the_current_waves(tmp_path):
    from tests.survey.test_wave_create import make_frame_version

    make_frame_version()
    call_command("survey", "wave", "create", "--form", str(INSTRUMENT), stdout=StringIO())
    target = tmp_path / "current.xml"
    export("--format", "xform", "--output", target)
    assert b"eu_china_cities" in target.read_bytes()


@pytest.mark.skipif(shutil.which("java") is None, reason="ODK Validate needs Java")
def test_odk_validate_accepts_the_instruments_xform(tmp_path):
    from pyxform.validators.odk_validate import check_xform

    target = tmp_path / "eu_china_cities.xml"
    export(INSTRUMENT, "--format", "xform", "--output", target)
    check_xform(str(target))  # JavaRosa parses the form, or this raises ODKValidateError
