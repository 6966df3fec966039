"""The report's PDF printed in parts side by side and joined (reports/pdf_parts.py) reads as the
one-document print does: the same pages with the same words (page numbers, contents, chapter, table
and figure numbers included), the same outline, named destinations, links and metadata."""
import re
from collections import Counter

import pytest
from pypdf import PdfReader

from citydip.reports.pdf_parts import groups, split, write

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def report_html(report):
    """(the test study's report folder, report.html's text)."""
    return report, (report / "report.html").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def printed(report_html, tmp_path_factory):
    """The report printed as one document and in three parts."""
    folder, html = report_html
    tmp = tmp_path_factory.mktemp("printed")
    write(html, str(folder), tmp / "one.pdf", workers=1)
    write(html, str(folder), tmp / "parts.pdf", workers=3)
    return PdfReader(tmp / "one.pdf"), PdfReader(tmp / "parts.pdf")


def words(page):
    return Counter(page.extract_text().split())


def outline(reader, items=None, depth=0):
    found = []
    for item in reader.outline if items is None else items:
        if isinstance(item, list):
            found += outline(reader, item, depth + 1)
        else:
            found.append((depth, item.title, reader.get_destination_page_number(item), round(float(item.top))))
    return found


def test_every_page_has_the_same_words_in_parts_as_in_one_document(printed):
    one, parts = printed
    assert len(parts.pages) == len(one.pages) >= 8
    for number, (a, b) in enumerate(zip(one.pages, parts.pages, strict=True), start=1):
        assert words(a) == words(b), f"page {number}"


def test_the_page_numbers_run_on_across_the_parts(printed):
    _, parts = printed
    assert str(1) not in parts.pages[0].extract_text().split()[-1:]  # the title page has no number
    for number, page in enumerate(parts.pages[1:], start=2):  # the footer laid over the page is its last text
        assert page.extract_text().split()[-1] == str(number), f"page {number}"


def test_tables_and_figures_are_numbered_through_the_whole_report(printed):
    text = "\n".join(page.extract_text() for page in printed[1].pages)
    for kind in ("Table", "Figure"):
        numbers = [int(n) for n in re.findall(rf"\b{kind} (\d+)\. ", text)]
        assert numbers and numbers == list(range(1, len(numbers) + 1)), kind


def test_contents_outline_destinations_links_and_metadata_are_those_of_one_document(printed):
    one, parts = printed
    assert outline(parts) == outline(one) and len(outline(one)) > 10
    assert {name: one.get_destination_page_number(d) for name, d in one.named_destinations.items()} == \
        {name: parts.get_destination_page_number(d) for name, d in parts.named_destinations.items()}

    def links(reader):
        return [(i, str(a.get_object()["/Dest"]), [round(float(v)) for v in a.get_object()["/Rect"]])
                for i, page in enumerate(reader.pages) for a in page.get("/Annots") or []
                if a.get_object().get("/Subtype") == "/Link"]
    assert links(parts) == links(one) and links(one)
    assert parts.metadata == one.metadata and "/Keywords" in one.metadata
    assert parts.trailer["/Root"]["/Lang"] == "en"


def test_the_report_is_cut_between_chapters_into_balanced_contiguous_groups(report_html):
    _, html = report_html
    parts = split(html)
    assert parts.head + parts.body_tag + parts.front + "".join(parts.chapters) + html[html.rfind("</body>"):] == html
    assert all(chapter.startswith('<section class="chapter') for chapter in parts.chapters)
    assert groups([5, 5, 5, 5], 2) == [[0, 1], [2, 3]]
    assert groups([10, 1, 1, 1], 2) == [[0], [1, 2, 3]]
    assert groups([1, 2], 5) == [[0], [1]]
    for sizes in ([3, 1, 4, 1, 5, 9, 2, 6], [1] * 7, [100]):
        for count in (1, 2, 3, 4):
            cut = groups(sizes, count)
            assert [i for g in cut for i in g] == list(range(len(sizes))) and len(cut) <= count
    assert split("<html><body><section class=\"chapter\">only one</section></body></html>") is None


def test_a_front_matter_longer_than_expected_renumbers_the_pages(report_html, printed, tmp_path, monkeypatch):
    """The contents and the footers assume a title page and one page of contents; a longer one (many
    case studies) is printed again with the right page numbers, and so are the footers."""
    from citydip.reports import pdf_parts

    folder, html = report_html
    monkeypatch.setattr(pdf_parts, "FRONT_PAGES", 1)
    write(html, str(folder), tmp_path / "again.pdf", workers=2)
    one, again = printed[0], PdfReader(tmp_path / "again.pdf")
    assert [words(p) for p in again.pages] == [words(p) for p in one.pages]
