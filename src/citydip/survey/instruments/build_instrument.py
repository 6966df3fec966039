"""Write eu_china_cities.xlsx from eu_china_cities_source.py, byte for byte the same every time.

Run ``PYTHONPATH=src python -m citydip.survey.instruments.build_instrument`` after editing the
source, and commit both files; tests/survey/test_instrument.py fails when they disagree.
Reproducible because the workbook's dates and the zip entries' timestamps are fixed.
"""
from __future__ import annotations

import datetime
import io
import re
import sys
import zipfile
from pathlib import Path

from openpyxl import Workbook

from citydip.survey.instruments import eu_china_cities_source as source

HERE = Path(__file__).parent
OUTPUT = HERE / "eu_china_cities.xlsx"
FIXED_TIME = datetime.datetime(2026, 1, 1)
TRANSLATED = ("label", "hint", "constraint_message")
PLAIN = ("required", "relevant", "constraint", "appearance")


def texts(cell):
    """``"Yes | Ja | …"`` → one text per language, in LANGUAGES order."""
    parts = [part.strip() for part in cell.split(" | ")] if cell else []
    if parts and len(parts) != len(source.LANGUAGES):
        raise ValueError(f"{len(parts)} translations instead of {len(source.LANGUAGES)}: {cell[:60]}")
    return parts or [""] * len(source.LANGUAGES)


def language_headers(column):
    return [f"{column}::{name} ({code})" for code, name in source.LANGUAGES]


def survey_sheet(book):
    sheet = book.active
    sheet.title = "survey"
    headers = ["type", "name"] + language_headers("label") + language_headers("hint") + list(PLAIN)
    headers += language_headers("constraint_message")
    sheet.append(headers)
    for kind, name, label, extra in source.SURVEY:
        row = [kind, name] + texts(label) + texts(extra.get("hint", ""))
        row += [extra.get(column, "") for column in PLAIN] + texts(extra.get("constraint_message", ""))
        sheet.append([value or None for value in row])


def choices_sheet(book):
    sheet = book.create_sheet("choices")
    sheet.append(["list_name", "name"] + language_headers("label"))
    for list_name, options in source.CHOICES.items():
        for name, label in options:
            sheet.append([list_name, name] + texts(label))


def settings_sheet(book):
    sheet = book.create_sheet("settings")
    sheet.append(list(source.SETTINGS))
    sheet.append(list(source.SETTINGS.values()))


def build():
    """The instrument as xlsx bytes."""
    book = Workbook()
    book.properties.created = book.properties.modified = FIXED_TIME
    book.properties.creator = "citydip build_instrument.py"
    survey_sheet(book)
    choices_sheet(book)
    settings_sheet(book)
    raw = io.BytesIO()
    book.save(raw)
    return _normalise_zip(raw.getvalue())


def _normalise_zip(data):
    """The same zip with fixed entry timestamps and order, so equal content gives equal bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=FIXED_TIME.timetuple()[:6])
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            content = zin.read(info.filename)
            if info.filename == "docProps/core.xml":  # openpyxl stamps "modified" with the clock
                content = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>2026-01-01T00:00:00Z", content)
            zout.writestr(entry, content)
    return out.getvalue()


def main(argv=None):
    target = Path((argv or sys.argv[1:] or [OUTPUT])[0])
    target.write_bytes(build())
    print(f"wrote {target}")


if __name__ == "__main__":
    main()
