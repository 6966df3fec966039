"""Write eu_china_cities.xlsx from eu_china_cities_source.py (English) and the translations
(eu_china_cities/<code>.po), byte for byte the same every time.

Run ``PYTHONPATH=src python -m citydip.survey.instruments.build_instrument`` after editing the
source or a translation, and commit the files; tests/survey/test_instrument.py fails when they
disagree. ``--sync`` first brings every PO file up to date with the English source (new texts
added, changed ones marked fuzzy: translations.sync). Each language is a ``label::Name (code)``
column (English first, then the others by code); a text without a current translation is left
empty, so the form shows English there. Reproducible because the workbook's dates and the zip
entries' timestamps are fixed.
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
from citydip.survey.instruments import partner_country, translations
from citydip.survey.xlsform.languages import local_name

HERE = Path(__file__).parent
OUTPUT = HERE / "eu_china_cities.xlsx"
FIXED_TIME = datetime.datetime(2026, 1, 1)
TRANSLATED = ("label", "hint", "constraint_message")
PLAIN = ("required", "relevant", "constraint", "appearance")
DEFAULT_COUNTRY = "CN"  # the committed xlsx; build(country=...) for a study of another partner country


def language_headers(column, codes):
    return [f"{column}::{local_name(code)} ({code})" for code in codes]


def texts(context, english, catalogues, country=DEFAULT_COUNTRY):
    """The text of ``context`` in every language (English given; others from their catalogue),
    with the partner country and the branch times filled in."""
    if not english:
        return [""] * len(catalogues)
    return [fill(catalogue.get(context, "") if code != translations.SOURCE_LANGUAGE else english,
                 code, country, context) for code, catalogue in catalogues.items()]


def fill(text, code, country, context=""):
    text = partner_country.fill(text, country, code, where=f"{code}.po {context}")
    for key, minutes in source.TIMES.items():
        text = text.replace("{" + key + "}", str(minutes))
    return text


def survey_sheet(book, catalogues, country):
    sheet = book.active
    sheet.title = "survey"
    codes = list(catalogues)
    headers = ["type", "name"] + language_headers("label", codes) + language_headers("hint", codes) + list(PLAIN)
    headers += language_headers("constraint_message", codes)
    sheet.append(headers)
    for kind, name, label, extra in source.SURVEY:
        def cell(column, text, name=name):
            return texts(translations.survey_context(name, column), text, catalogues, country)
        row = [kind, name] + cell("label", label) + cell("hint", extra.get("hint", ""))
        row += [extra.get(column, "") for column in PLAIN]
        row += cell("constraint_message", extra.get("constraint_message", ""))
        sheet.append([value or None for value in row])


def choices_sheet(book, catalogues, country):
    sheet = book.create_sheet("choices")
    sheet.append(["list_name", "name"] + language_headers("label", list(catalogues)))
    for list_name, options in source.CHOICES.items():
        for name, label in options:
            sheet.append([list_name, name] + texts(translations.choice_context(list_name, name), label, catalogues, country))


def settings_sheet(book, country):
    sheet = book.create_sheet("settings")
    sheet.append(list(source.SETTINGS))
    sheet.append([fill(value, "en", country) for value in source.SETTINGS.values()])


def build(country=DEFAULT_COUNTRY, overlay=None):
    """The instrument as xlsx bytes, naming ``country`` (ISO 3166-1 alpha-2) as the partner country;
    ``overlay``: the folder of the team's translation edits merged over the packaged ones."""
    book = Workbook()
    book.properties.created = book.properties.modified = FIXED_TIME
    book.properties.creator = "citydip build_instrument.py"
    catalogues = {code: translations.translations(code, overlay) for code in translations.languages(overlay)}
    survey_sheet(book, catalogues, country)
    choices_sheet(book, catalogues, country)
    settings_sheet(book, country)
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
    args = list(sys.argv[1:] if argv is None else argv)
    if "--sync" in args:
        args.remove("--sync")
        for code in translations.languages()[1:]:
            translations.sync(code)
    country = DEFAULT_COUNTRY
    if "--partner-country" in args:
        index = args.index("--partner-country")
        country = args[index + 1].upper()
        del args[index:index + 2]
    target = Path((args or [OUTPUT])[0])
    target.write_bytes(build(country))
    print(f"wrote {target}")


if __name__ == "__main__":
    main()
