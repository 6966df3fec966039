"""Read the plain text of a transcript or case document: .txt, .md, .docx (python-docx), text .pdf (pypdf).

The text is normalised once here (newlines to ``\\n``, Unicode NFC, no trailing blanks at the end)
because every segment offset afterwards counts characters of exactly this string.
"""
import unicodedata
from pathlib import Path

from citydip.core.errors import CitydipError

SUFFIXES = (".txt", ".md", ".docx", ".pdf")


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


def read_document(path):
    """The normalised plain text of ``path``; a :class:`CitydipError` for an unknown type or empty file."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise CitydipError("QDA-E001", f"cannot import {suffix or 'a file without extension'}: "
                           f"use one of {', '.join(SUFFIXES)}", file=path.name)
    if not path.is_file():
        raise CitydipError("QDA-E001", "no such file", file=str(path))
    reader = {".docx": read_docx, ".pdf": read_pdf}.get(suffix, read_text_file)
    text = normalise_text(reader(path))
    if not text.strip():
        raise CitydipError("QDA-E004", "the document is empty", file=path.name)
    return text
