"""The report's PDF printed in parts side by side, one forked process per core, and joined.

Why: WeasyPrint lays out and draws a document in one thread. The demo report's 69 pages took 11 s, three
quarters of ``report build``. Every chapter starts on a new page (``section.chapter`` in report.css), so
the report can be cut between chapters without changing a single line break: the chapters go into as
many contiguous parts as there are workers (balanced by their HTML size, which tracks their layout
time), each part is printed in its own process (core/parallel.py), and pypdf joins the PDFs. On 2 cores
the PDF takes about 6 s instead of 11 (docs/reliability.md).

What a part cannot know is settled at the join, so that the joined PDF reads as the one-document print
does, page for page (tests/reports/test_pdf_parts.py compares the text of every page):

- the chapter, figure and table numbers (CSS counters): each part starts them at the counts of the
  chapters before it;
- the page numbers in the footers: a part does not know how many pages come before it, so the parts are
  printed without them and a document of footers only, with the report's own ``@page`` rules, is laid
  over the joined pages (printed in a child while this process prints the front matter);
- the table of contents: the front matter (title page and contents) is printed last, with the page of
  every chapter as the parts found it, and its entries link to the chapters;
- the PDF outline (bookmarks) from every part's headings, nested by level as WeasyPrint nests them;
- named destinations (every ``id``) and the metadata (title, subject, keywords, creation date), which
  pypdf carries over from the parts and the front matter.

With one worker, or a document without chapters, the report is printed as one document (reports/pdf.py).
"""
from __future__ import annotations

import io
import re
from dataclasses import dataclass
from typing import NamedTuple

from citydip.core.parallel import default_workers, run_forked, start_forked
from citydip.reports.pdf import render

CHAPTER = re.compile(r'<section class="chapter[ "]')
TOC_LINK = re.compile(r'<a href="#([^"]+)">')
# what increments the report's counters (report.css): the patterns match the template's markup
COUNTERS = {"chapter": CHAPTER, "figure": re.compile(r"<figure[ >]"),
            "table": re.compile(r'class="table-block[ "]')}
PT_PER_PX = 0.75  # WeasyPrint lays out in CSS pixels; a PDF page is measured in points
FRONT_PAGES = 2  # title page and contents, as expected before they are printed (checked after)


@dataclass
class Split:
    head: str  # up to and including </head>
    body_tag: str
    front: str  # title page and contents
    chapters: list


def split(html):
    """The report cut before each ``<section class="chapter``, or None when it has fewer than two."""
    starts = [m.start() for m in CHAPTER.finditer(html)]
    body = re.search(r"<body[^>]*>", html)
    end = html.rfind("</body>")
    if len(starts) < 2 or not body or end < starts[-1]:
        return None
    return Split(html[:body.start()], body.group(0), html[body.end():starts[0]],
                 [html[a:b] for a, b in zip(starts, starts[1:] + [end], strict=True)])


def groups(sizes, count):
    """``sizes`` cut into at most ``count`` contiguous groups of similar total: lists of positions."""
    total, cut, acc = sum(sizes), [], 0
    for i, size in enumerate(sizes):
        acc += size
        if len(cut) < count - 1 and acc >= total * (len(cut) + 1) / count and i < len(sizes) - 1:
            cut.append(i + 1)
    bounds = [0, *cut, len(sizes)]
    return [list(range(a, b)) for a, b in zip(bounds, bounds[1:], strict=False) if b > a]


def document(parts, extra_css, body):
    """A stand-alone HTML document: the report's head with ``extra_css`` after its own styles."""
    head = parts.head.replace("</head>", f"<style>{extra_css}</style></head>", 1)
    return f"{head}{parts.body_tag}{body}</body></html>"


def counter_reset(chapters_before):
    values = " ".join(f"{name} {sum(len(p.findall(c)) for c in chapters_before)}" for name, p in COUNTERS.items())
    return f"body {{ counter-reset: {values} }}"


class Printed(NamedTuple):
    """One document printed: what the join needs of it (sizes and positions in CSS px)."""
    pdf: bytes
    sizes: list  # (width, height) of each page
    anchors: dict  # id -> (page, x, y) of its first page
    bookmarks: list  # (level, label, page, x, y, open)
    links: list  # (page, anchor, (x1, y1, x2, y2)) of the internal links


def printed(html, base_url):
    """The :class:`Printed` of one document."""
    from weasyprint import HTML

    doc = render(HTML(string=html, base_url=base_url))
    anchors = {}  # an element over several pages is an anchor on each: its first page is the one to go to
    for i, page in enumerate(doc.pages):
        for name, box in page.anchors.items():
            anchors.setdefault(name, (i, box[0], box[1]))
    bookmarks = [(level, label, i, x, y, state == "open")
                 for i, page in enumerate(doc.pages) for level, label, (x, y), state in page.bookmarks]
    links = [(i, target, rect) for i, page in enumerate(doc.pages)
             for kind, target, rect, _ in page.links if kind == "internal"]
    return Printed(doc.write_pdf(), [(p.width, p.height) for p in doc.pages], anchors, bookmarks, links)


def part_task(parts, positions, base_url):
    before = parts.chapters[:positions[0]]
    # the body's padding is sliced across pages: its top is on the title page, its bottom on the last page
    last = positions[-1] == len(parts.chapters) - 1
    css = ("@page { @bottom-center { content: none } } body { padding-top: 0 } "
           + ("" if last else "body { padding-bottom: 0 } ") + counter_reset(before))
    html = document(parts, css, "".join(parts.chapters[i] for i in positions))
    return lambda: printed(html, base_url)


def front_matter(parts, base_url, chapter_pages):
    """The title page and contents with each entry's page (``chapter_pages(front page count)``)."""
    guess = FRONT_PAGES
    for _ in range(3):
        pages = chapter_pages(guess)
        body = TOC_LINK.sub(lambda m, pages=pages: f'{m.group(0)[:-1]} data-page="{pages.get(m.group(1), "")}">',
                            parts.front)
        css = 'nav.toc a::after { content: leader(".") attr(data-page) } body { padding-bottom: 0 }'
        result = printed(document(parts, css, body), base_url)
        if len(result.sizes) == guess:
            return result
        guess = len(result.sizes)
    raise RuntimeError("the report's front matter changes its page count with its own page numbers")


def footers(parts, base_url, sizes):
    """A PDF of the report's page-number footers alone, one page per size in ``sizes`` (all the report's
    pages: a page's number is its position)."""
    named = {size: f"s{i}" for i, size in enumerate(dict.fromkeys(sizes))}
    css = " ".join(f"@page {name} {{ size: {w}px {h}px }} .{name} {{ page: {name} }}" for (w, h), name in named.items())
    css += " @page { @top-left { content: none } @top-right { content: none } } body { margin: 0; padding: 0 }"
    body = "".join(f'<div class="{named[size]}" style="break-after: page"></div>' for size in sizes)
    return printed(document(parts, css, body), base_url).pdf


def write(html, base_url, target, workers=None):
    """Print ``html`` (the report) as a PDF into ``target``, in parts when more than one worker runs."""
    from weasyprint import HTML

    workers = workers or default_workers()
    parts = split(html) if workers > 1 else None
    if parts is None:
        render(HTML(string=html, base_url=base_url)).write_pdf(target)
        return
    chunks = groups([len(c) for c in parts.chapters], workers)
    printed_parts = run_forked([part_task(parts, chunk, base_url) for chunk in chunks], workers=workers)
    offsets = [0]
    for part in printed_parts:
        offsets.append(offsets[-1] + len(part.sizes))

    def chapter_pages(front_count):
        return {name: front_count + offset + i + 1
                for offset, part in zip(offsets, printed_parts, strict=False)
                for name, (i, _, _) in part.anchors.items()}

    part_sizes = [size for part in printed_parts for size in part.sizes]

    def numbers(front_count):  # the front matter's pages only count: their footers are not laid over
        return lambda: footers(parts, base_url, part_sizes[:1] * front_count + part_sizes)

    footer_pdf = start_forked(numbers(FRONT_PAGES))  # printed beside the front matter
    front = front_matter(parts, base_url, chapter_pages)
    footer_pdf = footer_pdf.result() if len(front.sizes) == FRONT_PAGES else numbers(len(front.sizes))()
    join([front, *printed_parts], footer_pdf, target)


def join(printed_docs, footer_pdf, target):
    """The documents' pages one after the other, the footers laid over all but the front matter's,
    the front matter's contents linked to the chapters, and one outline; written to ``target``."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import ArrayObject, DictionaryObject, FloatObject, NameObject, NumberObject, TextStringObject

    writer = PdfWriter()
    starts, heights = [], []
    for doc in printed_docs:
        starts.append(len(writer.pages))
        heights += [h for _, h in doc.sizes]
        reader = PdfReader(io.BytesIO(doc.pdf))
        writer.append(reader, import_outline=False)
        if not starts[1:]:  # the front matter: the document's metadata and language, as WeasyPrint wrote them
            writer.add_metadata(reader.metadata)
            if "/Lang" in reader.trailer["/Root"]:
                writer._root_object[NameObject("/Lang")] = reader.trailer["/Root"]["/Lang"]
    for i, page in enumerate(PdfReader(io.BytesIO(footer_pdf)).pages[starts[1]:], start=starts[1]):
        writer.pages[i].merge_page(page)
    for page_index, anchor, (x1, y1, x2, y2) in printed_docs[0].links:  # corners in px from the page's top left
        top = heights[page_index]
        rect = ArrayObject(FloatObject(v * PT_PER_PX) for v in (x1, top - y1, x2, top - y2))
        writer.add_annotation(page_index, DictionaryObject({
            NameObject("/Type"): NameObject("/Annot"), NameObject("/Subtype"): NameObject("/Link"),
            NameObject("/Rect"): rect, NameObject("/BS"): DictionaryObject({NameObject("/W"): NumberObject(0)}),
            NameObject("/Dest"): TextStringObject(anchor)}))
    outline(writer, [(level, label, start + i, x, heights[start + i] - y, is_open)
                     for start, doc in zip(starts, printed_docs, strict=True)
                     for level, label, i, x, y, is_open in doc.bookmarks])
    for page in writer.pages:
        page.compress_content_streams()
    writer.compress_identical_objects(remove_duplicates=True, remove_unreferenced=True)
    writer.write(target)


def outline(writer, entries):
    """PDF bookmarks from (level, label, page, x, y in px from the page's bottom, open) in document order,
    each nested under the closest earlier entry of a lower level, as WeasyPrint nests headings."""
    from pypdf.generic import Fit

    stack = []  # (level, outline item)
    for level, label, page, x, y, is_open in entries:
        while stack and stack[-1][0] >= level:
            stack.pop()
        item = writer.add_outline_item(title=label, page_number=page, parent=stack[-1][1] if stack else None,
                                       fit=Fit.xyz(left=x * PT_PER_PX, top=y * PT_PER_PX, zoom=0),
                                       is_open=is_open)
        stack.append((level, item))
