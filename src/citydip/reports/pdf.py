"""Printing the report and the figure PDFs with WeasyPrint, in matplotlib's own copy of DejaVu.

The analysis figures' SVG files keep their text as text (``svg.fonttype: none`` in
analysis/publish.py), naming the font family matplotlib drew them with, DejaVu Sans; the report's
stylesheet asks for DejaVu Serif, Sans and Sans Mono. WeasyPrint draws SVG text with the fonts of
the document that embeds it, so declaring these families with ``@font-face`` from matplotlib's
files makes the report PDF and the figure PDFs look the same on every machine, whatever fonts it
has installed. A character DejaVu lacks (Chinese, for one) falls back to the machine's fonts
(Noto CJK where installed), as in the rest of the report.

The declarations are given to WeasyPrint only: report.html names the families and lets the reader's
browser choose, without paths into the Python installation.
"""
from __future__ import annotations

from functools import cache
from pathlib import Path

# (family, file stem, weight, style); "italic" also serves a request for oblique.
FACES = [
    ("DejaVu Sans", "DejaVuSans", "normal", "normal"),
    ("DejaVu Sans", "DejaVuSans-Bold", "bold", "normal"),
    ("DejaVu Sans", "DejaVuSans-Oblique", "normal", "italic"),
    ("DejaVu Sans", "DejaVuSans-BoldOblique", "bold", "italic"),
    ("DejaVu Serif", "DejaVuSerif", "normal", "normal"),
    ("DejaVu Serif", "DejaVuSerif-Bold", "bold", "normal"),
    ("DejaVu Serif", "DejaVuSerif-Italic", "normal", "italic"),
    ("DejaVu Serif", "DejaVuSerif-BoldItalic", "bold", "italic"),
    ("DejaVu Sans Mono", "DejaVuSansMono", "normal", "normal"),
    ("DejaVu Sans Mono", "DejaVuSansMono-Bold", "bold", "normal"),
]


def font_folder():
    import matplotlib

    return Path(matplotlib.get_data_path()) / "fonts" / "ttf"


@cache
def font_face_css():
    """``@font-face`` rules for the DejaVu families, from the files matplotlib draws the figures with."""
    folder = font_folder()
    return "\n".join(
        f'@font-face {{ font-family: "{family}"; src: url("{(folder / f"{stem}.ttf").as_uri()}"); '
        f"font-weight: {weight}; font-style: {style}; }}"
        for family, stem, weight, style in FACES)


def render(html):
    """``html`` (a ``weasyprint.HTML``) laid out in pages with the DejaVu faces above: call ``write_pdf()``."""
    from weasyprint import CSS
    from weasyprint.text.fonts import FontConfiguration

    fonts = FontConfiguration()
    return html.render(stylesheets=[CSS(string=font_face_css(), font_config=fonts)], font_config=fonts)
