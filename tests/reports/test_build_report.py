"""`citydip report build`: report.html and report.pdf with the research questions, tables, figures, maps."""
import json

import pytest
from pypdf import PdfReader

pytestmark = pytest.mark.django_db


def pdf_text(path):
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def test_it_writes_html_and_a_pdf_with_pages(report):
    assert (report / "report.html").stat().st_size > 1000
    assert len(PdfReader(report / "report.pdf").pages) >= 8


def test_the_pdf_is_organised_by_the_research_questions(report):
    text = pdf_text(report / "report.pdf")
    for heading in ("Data and methods", "Model of cooperation", "Decisive factors", "Institutionalisation",
                    "Coordination between city, national and EU levels", "Goals", "Maps", "Case selection",
                    "Interview themes", "Appendix: the questionnaire", "Appendix: provenance"):
        assert heading in text, heading


def test_the_methods_chapter_is_written_from_the_data(report):
    text = " ".join(pdf_text(report / "report.pdf").split())
    assert "3 cities completed the questionnaire" in text
    assert "RR1" in text and "AAPOR" in text


def test_the_questionnaire_appendix_is_in_english(report):
    html = (report / "report.html").read_text()
    assert "Does your city cooperate with a Chinese city?" in html
    assert "Kooperiert" not in html


def test_tables_and_figures_come_in_every_format_with_provenance(report):
    index = json.loads((report / "index.json").read_text())
    for entry in index["outputs"]:
        for name in entry["files"]:
            assert (report / name).exists()
        if entry["kind"] == "figure":
            assert (report / "figures" / f"{entry['name']}.pdf").exists()
    provenance = json.loads((report / "PROVENANCE.json").read_text())
    assert "report.pdf" in provenance["files"] and len(provenance["database_checksum"]) == 64
    figure = next((report / "figures").glob("*.pdf"))
    assert provenance["database_checksum"] in PdfReader(figure).metadata["/Subject"]
    assert provenance["database_checksum"] in PdfReader(report / "report.pdf").metadata["/Keywords"]
    assert list((report / "maps").glob("*.pdf"))


def test_figure_text_stays_text_in_the_svg_and_the_figure_pdfs(report):
    """Journals want editable SVG text and searchable PDF text; the figure fills its PDF page to the edge."""
    index = json.loads((report / "index.json").read_text())
    figures = [e["name"] for e in index["outputs"] if e["kind"] == "figure"]
    assert figures
    for name in figures:
        svg = (report / "figures" / f"{name}.svg").read_text()
        assert "<text" in svg and "DejaVu Sans" in svg, name
        pdf = PdfReader(report / "figures" / f"{name}.pdf")
        assert len(pdf.pages) == 1 and pdf.metadata["/Title"] == name
        # the synthetic-data mark sits in the figure's lower right corner: whole, it was not cut off
        assert "SYNTHETIC DATA: not real answers" in pdf.pages[0].extract_text(), name
        fonts = {f["/BaseFont"] for f in pdf.pages[0]["/Resources"]["/Font"].values()}
        assert any("DejaVu-Sans" in f for f in fonts), fonts


def test_a_confidential_city_is_not_named_in_the_report(report):
    assert "Lodz" not in (report / "report.html").read_text()
