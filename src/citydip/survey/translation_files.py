"""Translators' files: XLIFF 1.2 (translate-toolkit) or CSV, written and read back.

XLIFF: one ``<trans-unit>`` per text, ``id`` the unit id, ``<source>`` the English, ``<target>`` the
translation with ``state`` new (untranslated), needs-review-translation (a draft, or changed English)
or final (reviewed; also ``approved="yes"``), a ``<note>`` with the status and what changed. Any
CAT tool reads it (OmegaT, Trados, memoQ, Poedit...). CSV: columns ``id, language, part, context,
source, target, status, note`` (UTF-8 with a BOM so that spreadsheet programs read the accents).
"""
from __future__ import annotations

import csv
import io

from translate.storage import xliff

from citydip.core.errors import CitydipError

CSV_COLUMNS = ("id", "language", "part", "context", "source", "target", "status", "note")
FORMATS = ("xliff", "csv")
STATE = {"untranslated": "new", "changed": "needs-review-translation", "draft": "needs-review-translation",
         "reviewed": "final"}


XLIFF_12 = "urn:oasis:names:tc:xliff:document:1.2"


class Xliff12Unit(xliff.xliffunit):
    namespace = XLIFF_12


class Xliff12(xliff.xlifffile):
    """translate-toolkit's XLIFF store, declared as version 1.2 (its default skeleton says 1.1)."""
    UnitClass = Xliff12Unit
    namespace = XLIFF_12
    XMLskeleton = """<?xml version="1.0" ?>
<xliff version='1.2' xmlns='urn:oasis:names:tc:xliff:document:1.2'>
<file original='NoName' source-language='en' datatype='plaintext'>
<body>
</body>
</file>
</xliff>"""


def format_of(filename, asked=""):
    if asked:
        return asked
    return "csv" if str(filename).lower().endswith(".csv") else "xliff"


def write(units, language, fmt):
    """The file's bytes."""
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(CSV_COLUMNS)
        for u in units:
            writer.writerow([u.id, language, u.part, u.context, u.source, u.target, u.status, u.note])
        return ("\ufeff" + out.getvalue()).encode("utf-8")
    store = Xliff12(sourcelanguage="en", targetlanguage=language)
    for u in units:
        unit = store.addsourceunit(u.source)
        unit.setid(u.id)
        if u.target:
            unit.target = u.target
            unit.set_state_n(unit.statemap[STATE[u.status]])
        unit.markapproved(u.status == "reviewed")
        unit.addnote(f"status: {u.status}" + (f"; {u.note}" if u.note else ""), origin="developer")
        unit.addnote(f"{u.part}: {u.context}", origin="developer")
    return bytes(store)


def read(data, filename="", fmt=""):
    """``(language, {unit id: (source, target, reviewed)})`` of a file; CitydipError naming the
    file and line or unit when it cannot be read."""
    fmt = format_of(filename, fmt)
    return _read_csv(data, filename) if fmt == "csv" else _read_xliff(data, filename)


def _read_csv(data, filename):
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise CitydipError("SURVEY-E301", "the file is not UTF-8 text: save it as CSV UTF-8", file=filename) from error
    reader = csv.DictReader(io.StringIO(text))
    missing = [c for c in ("id", "language", "source", "target") if c not in (reader.fieldnames or [])]
    if missing:
        raise CitydipError("SURVEY-E302", f"the CSV lacks the column(s) {', '.join(missing)}; export a file "
                           "and keep its header row", file=filename, line=1)
    units, languages = {}, set()
    for _number, row in enumerate(reader, start=2):
        if not (row.get("id") or "").strip():
            continue
        languages.add((row.get("language") or "").strip())
        units[row["id"].strip()] = (row.get("source") or "", row.get("target") or "",
                                   (row.get("status") or "").strip().lower() in ("reviewed", "final"))
    return _one_language(languages, filename), units


def _read_xliff(data, filename):
    try:
        store = xliff.xlifffile.parsestring(data)
    except Exception as error:  # lxml's XMLSyntaxError and friends: the file is not XLIFF
        raise CitydipError("SURVEY-E301", f"the file cannot be read as XLIFF: {error}", file=filename) from error
    languages = {store.gettargetlanguage() or ""}
    units = {}
    for unit in store.units:
        unit_id = unit.xmlelement.get("id") or ""
        if unit.isheader() or not unit_id:
            continue
        reviewed = unit.isapproved() or unit.get_state_n() >= unit.statemap["signed-off"]
        units[unit_id] = (str(unit.source or ""), str(unit.target or ""), reviewed)
    return _one_language(languages, filename), units


def _one_language(languages, filename):
    languages.discard("")
    if len(languages) != 1:
        raise CitydipError("SURVEY-E303", "the file must be for exactly one language (found: "
                           f"{', '.join(sorted(languages)) or 'none'})", file=filename)
    return languages.pop()
