"""Read the plain text of a transcript or case document: .txt, .md, .html (lxml), .docx (python-docx),
text .pdf (pypdf).

The text is normalised once here (newlines to ``\\n``, Unicode NFC, no trailing blanks at the end)
because every segment offset afterwards counts characters of exactly this string.
"""
import re
import unicodedata
from pathlib import Path

from citydip.core.errors import CitydipError

SUFFIXES = (".txt", ".md", ".html", ".htm", ".docx", ".pdf")
# HTML elements whose text is not part of the document
HTML_SKIP = ("script", "style", "noscript", "template", "head")
# HTML elements that end a paragraph
HTML_BLOCKS = ("p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "section", "article",
               "br", "table", "ul", "ol", "pre", "header", "footer", "dd", "dt")


def normalise_text(text):
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
    return unicodedata.normalize("NFC", text).strip("\n ") + "\n"


def read_text_file(path):
    try:
        return Path(path).read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as error:
        raise CitydipError("QDA-E002", f"the file is not UTF-8 text (byte {error.start}): save it as UTF-8",
                           file=str(path)) from error


def read_docx(path):
    import docx

    try:
        document = docx.Document(str(path))
    except Exception as error:  # python-docx raises several types for a broken package
        raise CitydipError("QDA-E003", f"cannot open the .docx file: {error}", file=str(path)) from error
    return "\n\n".join(p.text for p in document.paragraphs if p.text.strip())


def read_pdf(path):
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        pages = [page.extract_text() or "" for page in PdfReader(str(path)).pages]
    except (PdfReadError, OSError, ValueError) as error:
        raise CitydipError("QDA-E003", f"cannot read the PDF: {error}", file=str(path)) from error
    text = "\n\n".join(p.strip() for p in pages if p.strip())
    if not text:
        raise CitydipError("QDA-E004", "the PDF has no text layer (a scan?): run OCR first or import a .txt",
                           file=str(path))
    return text


def read_html(path):
    """The visible text of a saved web page: one paragraph per block element, scripts and styles left out."""
    import lxml.etree
    import lxml.html

    raw = Path(path).read_bytes()
    declared = re.search(rb"""charset=["']?([A-Za-z0-9_-]+)""", raw[:4096])
    encoding = declared.group(1).decode("ascii") if declared else "utf-8"  # undeclared: UTF-8, not Latin-1
    try:
        root = lxml.html.fromstring(raw, parser=lxml.html.HTMLParser(encoding=encoding))
    except (lxml.etree.ParserError, ValueError) as error:
        raise CitydipError("QDA-E003", f"cannot read the HTML file: {error}", file=str(path)) from error
    for element in root.xpath("|".join(f"//{tag}" for tag in HTML_SKIP)):
        element.drop_tree()
    body = root.find("body") if root.find("body") is not None else root
    paragraphs, current = [], []

    def walk(element):
        if not isinstance(element.tag, str):  # comments, processing instructions
            if element.tail:
                current.append(element.tail)
            return
        block = element.tag in HTML_BLOCKS
        if block:
            flush()
        if element.text:
            current.append(element.text)
        for child in element:
            walk(child)
        if block:
            flush()
        if element.tail:
            current.append(element.tail)

    def flush():
        text = " ".join("".join(current).split())
        if text:
            paragraphs.append(text)
        current.clear()

    walk(body)
    flush()
    return "\n\n".join(paragraphs)


def read_document(path):
    """The normalised plain text of ``path``; a :class:`CitydipError` for an unknown type or empty file."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise CitydipError("QDA-E001", f"cannot import {suffix or 'a file without extension'}: "
                           f"use one of {', '.join(SUFFIXES)}", file=path.name)
    if not path.is_file():
        raise CitydipError("QDA-E001", "no such file", file=str(path))
    reader = {".docx": read_docx, ".pdf": read_pdf, ".html": read_html, ".htm": read_html}.get(suffix, read_text_file)
    text = normalise_text(reader(path))
    if not text.strip():
        raise CitydipError("QDA-E004", "the document is empty", file=path.name)
    return text
