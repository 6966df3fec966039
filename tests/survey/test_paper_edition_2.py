"""The paper version of edition 2: the study settings and a return address, six partner slots and a
note on adding more, and no wording about links (a letter has none to follow)."""
import re
from io import StringIO

import pytest
from django.core.management import call_command
from pypdf import PdfReader

from citydip.survey.models import StudySettings
from citydip.survey.study_settings import fill, values
from citydip.survey.xlsform import load_form
from citydip.survey.xlsform.paper import paper_html
from tests.survey.form_fixtures import INSTRUMENT
from tests.survey.test_study_settings import STUDY

LINK_WORDS = {"en": r"\blinks?\b", "de": r"\bLinks?\b", "es": r"\benlaces?\b", "it": r"\blink\b", "pl": r"\blink\w*",
              "fr": r"\bURL\b"}  # French "lien" is also the word for a tie between cities


@pytest.fixture(scope="module")
def form():
    return load_form(INSTRUMENT)


def text_of(html):
    return re.sub(r"<[^>]+>", " ", html)


@pytest.mark.parametrize("lang", ["en", "de", "es", "fr", "it", "pl"])
def test_it_names_the_study_has_six_partner_slots_and_speaks_of_no_link(db, form, lang):
    StudySettings.objects.create(**STUDY)
    study = values()
    html = paper_html(form, lang, fill=lambda text: fill(text, study), return_address=study["contact"])
    text = text_of(html)
    assert "ul. Narutowicza 59a" in text and "University of Łódź" in text and "{study_" not in text
    assert "{partner_country" not in text
    partner_heading = form.label(form.node("partners"), lang)
    assert len(re.findall(re.escape(partner_heading) + r" — \w+ \d", html)) == 6
    assert 'class="more-entries"' in html
    assert not re.search(LINK_WORDS[lang], text), re.search(LINK_WORDS[lang], text)


def test_export_form_prints_the_return_address_from_the_study_settings(db, tmp_path):
    StudySettings.objects.create(**STUDY)
    target = tmp_path / "paper.pdf"
    call_command("survey", "export-form", str(INSTRUMENT), "--format", "pdf", "--output", str(target),
                 "--language", "pl", stdout=StringIO())
    text = " ".join(" ".join(page.extract_text() for page in PdfReader(target).pages).split())
    assert "Prosimy odesłać wypełniony kwestionariusz na adres:" in text and "Narutowicza 59a" in text
