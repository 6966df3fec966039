"""PDF versions of the analysis figures, from their SVG files.

The analysis app writes PNG and SVG; the articles want PDF too. WeasyPrint (already used for the
report) lays all SVGs out in one document, each on a page of exactly its own size (one layout pass
instead of one per figure), and writes each page as a PDF of its own. The SVG text stays text in the
PDF (searchable, editable), in matplotlib's DejaVu Sans (reports/pdf.py).

The report writes them in a second Python process (``figure_pdfs_alongside``) while it gathers its
chapters and prints its own PDF, so that a second processor core draws them. The child reads only the
SVG files and writes the PDFs next to them: no database, no Django. If it fails, the report writes
them itself, which gives the error its usual place.
"""
from __future__ import annotations

import logging
import re
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path

SIZE = re.compile(r'<svg[^>]*?\bwidth="([\d.]+)(pt|px)?"[^>]*?\bheight="([\d.]+)(pt|px)?"', re.S)


def svg_size(path):
    """(width, height) in points from the SVG's root attributes."""
    head = Path(path).read_text(encoding="utf-8", errors="ignore")[:4000]
    match = SIZE.search(head)
    if not match:
        return 432.0, 288.0
    factor = lambda unit: 0.75 if unit == "px" else 1.0  # noqa: E731
    return float(match.group(1)) * factor(match.group(2)), float(match.group(3)) * factor(match.group(4))


def figure_pdfs(directory, svg_files, subject=""):
    """Write ``<stem>.pdf`` next to each SVG in ``svg_files`` (relative to ``directory``); returns paths."""
    from weasyprint import HTML
    from weasyprint.document import DocumentMetadata

    from citydip.reports.pdf import render

    directory = Path(directory)
    if not svg_files:
        return []
    pages, styles = [], []
    for i, name in enumerate(svg_files):
        width, height = svg_size(directory / name)
        styles.append(f"@page p{i} {{ size: {width}pt {height}pt; margin: 0 }} .p{i} {{ page: p{i} }} "
                      f".p{i} img {{ width: {width}pt; height: {height}pt }}")
        pages.append(f'<div class="p{i}"><img src="{name}" alt=""></div>')
    # body margin 0: the browser default of 8px would shift each figure off its page and cut its right edge
    html = (f"<html><head><style>{' '.join(styles)} body {{ margin: 0 }} img {{ display: block }} "
            f"div {{ break-after: page }}"
            f"</style></head><body>{''.join(pages)}</body></html>")
    document = render(HTML(string=html, base_url=str(directory)))
    written = []
    for name, page in zip(svg_files, document.pages, strict=True):
        single = document.copy([page])
        single.metadata = DocumentMetadata(title=Path(name).stem, generator="citydip", description=subject)
        target = directory / Path(name).with_suffix(".pdf")
        single.write_pdf(target)
        written.append(target)
    return written


@contextmanager
def figure_pdfs_alongside(directory, svg_files, subject=""):
    """Write the figure PDFs (see figure_pdfs) in a child process while the ``with`` block runs; when it
    ends, wait for them. An error in the block stops the child."""
    if not svg_files:
        yield
        return
    child = subprocess.Popen([sys.executable, "-m", __name__, str(directory), subject, *svg_files],
                             stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        yield
    except BaseException:
        child.kill()
        child.communicate()
        raise
    _, errors = child.communicate()
    if child.returncode != 0:
        last = (errors or b"").decode("utf-8", "replace").strip().splitlines()[-1:]
        logging.getLogger(__name__).warning("the figure PDFs' process failed (%s): writing them here",
                                            last[0] if last else f"exit status {child.returncode}")
        figure_pdfs(directory, svg_files, subject)


if __name__ == "__main__":  # the child of figure_pdfs_alongside: DIRECTORY SUBJECT SVG...
    figure_pdfs(sys.argv[1], sys.argv[3:], subject=sys.argv[2])
