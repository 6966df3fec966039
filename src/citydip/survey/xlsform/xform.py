"""pyxform at the edges of the form engine: reading spreadsheets and writing XForms.

pyxform (the reference XLSForm library) reads .xlsx, .xls, .csv and markdown forms into rows, and
checks the form the way ODK and KoboToolbox will; citydip builds its own model from the same rows
(load.py), so every node keeps its sheet and row. Errors pyxform raises become CitydipErrors with
the sheet, row and column its message names.
"""
from __future__ import annotations

import re
import zipfile
from io import BytesIO
from pathlib import Path

from pyxform.builder import create_survey_element_from_dict
from pyxform.errors import PyXFormError
from pyxform.xls2json import workbook_to_json
from pyxform.xls2json_backends import get_xlsform

from citydip.core.errors import CitydipError, CitydipErrors

FILE_TYPES = (".xlsx", ".xlsm", ".xls", ".csv", ".md")
_ROW = re.compile(r"\[row\s*:\s*(\d+)\]", re.I)
_SHEET = re.compile(r"'(survey|choices|settings|external_choices|entities)' sheet", re.I)
_UNKNOWN_TYPE = re.compile(r"Unknown question type '([^']+)'")
_NAMED = re.compile(r"(?:element|question|group|repeat) named '([^']+)'", re.I)
_MISSING_LIST = re.compile(r"List name not in choices sheet: (\S+)", re.I)
_DUPLICATE = re.compile(r"Duplicate column header: (.+)", re.I)
_COLUMN = re.compile(r"'([\w:\- ()]+)' column|the '(\w+)' value", re.I)


def read_source(source, filename=None):
    """(bytes, filename) from a path, bytes or a binary file object."""
    if isinstance(source, (str, Path)):
        path = Path(source)
        try:
            return path.read_bytes(), filename or path.name
        except OSError as error:
            raise CitydipErrors([CitydipError("SURVEY-E001", f"cannot read the form: {error.strerror}", file=str(path))]) from None
    if isinstance(source, bytes):
        return source, filename or "form.xlsx"
    data = source.read()
    return data, filename or getattr(source, "name", None) or "form.xlsx"


def make_bundle(data, filename, files):
    """One zip of a form and the files it reads (stored as a wave's questionnaire), readable by load_form."""
    buffer = BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(Path(filename).name, data)
        for name, content in sorted(files.items()):
            archive.writestr("media/" + Path(name).name, content)
    return buffer.getvalue()


def unbundle(data, filename):
    """(form bytes, form file name, {file name: bytes}) of a bundle from make_bundle; other data as is.

    A workbook (.xlsx) is a zip too: it has ``[Content_Types].xml`` at its root, a bundle has not."""
    if data[:4] != b"PK\x03\x04":
        return data, filename, {}
    try:
        archive = zipfile.ZipFile(BytesIO(data))
        names = archive.namelist()
    except zipfile.BadZipFile:
        return data, filename, {}
    if "[Content_Types].xml" in names:
        return data, filename, {}
    forms = [n for n in names if not n.startswith("media/") and not n.endswith("/")]
    if len(forms) != 1:
        return data, filename, {}
    files = {Path(n).name: archive.read(n) for n in names if n.startswith("media/") and not n.endswith("/")}
    return archive.read(forms[0]), forms[0], files


def sniff(data, filename):
    """The file type of a form by its content (".xlsx", ".xls", ".md" or ".csv"), whatever its name says:
    an old binary .xls saved with an .xlsx name is still read. None when it is none of these."""
    if data[:4] == b"PK\x03\x04":
        return ".xlsx"
    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":  # OLE2 compound file: Excel 97-2003
        return ".xls"
    try:
        text = data[:65536].decode("utf-8-sig")
    except UnicodeDecodeError:
        return None
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if lines and any(line.startswith("|") for line in lines[:5]):
        return ".md"
    if lines and ("," in lines[0] or ";" in lines[0] or "\t" in lines[0]):
        return ".csv"
    suffix = Path(filename).suffix.lower()
    return suffix if suffix in (".csv", ".md") else None


def read_definition(data, filename):
    """pyxform's rows of every sheet (a DefinitionData); SURVEY-E001 when the file is unreadable."""
    file_type = sniff(data, filename)
    if file_type is None:
        raise CitydipErrors([CitydipError(
            "SURVEY-E001", "not an XLSForm: the file is not an Excel workbook (.xlsx, .xls), a CSV or a markdown "
            "form", file=filename)])
    try:
        return get_xlsform(BytesIO(data), file_type=file_type)
    except PyXFormError as error:
        duplicate = _DUPLICATE.search(str(error))
        if duplicate:
            raise CitydipErrors(duplicate_headers(data, file_type, filename) or [CitydipError(
                "SURVEY-E001", f"a column header is used twice: {duplicate.group(1)}", file=filename)]) from None
        raise CitydipErrors([CitydipError(
            "SURVEY-E001",
            f"not an XLSForm that can be read ({error}); save it as .xlsx, .xls, .csv or .md",
            file=filename,
        )]) from None


def duplicate_headers(data, file_type, filename):
    """One error per header written twice in a sheet: the sheet, its header row and both columns."""
    errors = []
    for sheet, row, cells in _header_rows(data, file_type):
        seen = {}
        for index, header in enumerate(cells):
            key = str(header or "").strip()
            if not key:
                continue
            if key in seen:
                errors.append(CitydipError(
                    "SURVEY-E001", f"the column header '{key}' is written twice, in columns {_letter(seen[key])} and "
                    f"{_letter(index)}: keep one (pyxform cannot tell which to read)",
                    file=filename, sheet=sheet, row=row, column=f"{_letter(seen[key])}, {_letter(index)}"))
            seen.setdefault(key, index)
    return errors


def _header_rows(data, file_type):
    """(sheet, row number, header cells) of every sheet of a workbook: the first non-empty row."""
    if file_type == ".xlsx":
        from openpyxl import load_workbook

        book = load_workbook(BytesIO(data), read_only=True, data_only=True)
        for sheet in book.worksheets:
            for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
                if any(v not in (None, "") for v in values):
                    yield sheet.title, number, list(values)
                    break
    elif file_type == ".xls":
        import xlrd

        book = xlrd.open_workbook(file_contents=data)
        for sheet in book.sheets():
            for number in range(sheet.nrows):
                values = sheet.row_values(number)
                if any(v not in (None, "") for v in values):
                    yield sheet.name, number + 1, values
                    break


def _letter(index):
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


def convert(definition, filename, pretty=True):
    """(XForm XML, warnings) for a form definition; SURVEY-E002 naming sheet/row/column on errors."""
    warnings = []
    try:
        data = workbook_to_json(
            workbook_dict=definition,
            form_name="data",
            fallback_form_name=Path(filename).stem,
            warnings=warnings,
        )
        survey = create_survey_element_from_dict(data)
        xml = survey.to_xml(validate=False, pretty_print=pretty, warnings=warnings)
    except PyXFormError as error:
        raise pyxform_error(error, filename, definition) from None
    return xml, warnings


def pyxform_error(error, filename, definition=None):
    message = " ".join(str(error).split())
    location = location_in(message)
    if "row" not in location and definition is not None:
        location = {**location, **row_of(message, definition)}
    return CitydipErrors([CitydipError("SURVEY-E002", f"pyxform: {message}", file=filename, **location)])


def row_of(message, definition):
    """Sheet, row and column of a pyxform message that names a question, a type or a list but no row."""
    rows = list(enumerate(definition.survey or [], start=2))

    def find(column, test):
        for number, row in rows:
            cells = {str(k).strip().lower(): str(v).strip() for k, v in (row or {}).items()}
            if test(cells):
                return {"sheet": "survey", "row": number, "column": column}
        return {}

    if match := _UNKNOWN_TYPE.search(message):
        return find("type", lambda cells: cells.get("type") == match.group(1))
    if match := _NAMED.search(message):
        column = "label" if "no label" in message else "name"
        return find(column, lambda cells: cells.get("name") == match.group(1))
    if match := _MISSING_LIST.search(message):
        return find("type", lambda cells: match.group(1) in cells.get("type", "").split())
    if "choices sheet" in message:  # a select names a list, and there is no choices sheet at all
        return find("type", lambda cells: cells.get("type", "").lower().startswith(("select", "rank")))
    if "sheet named 'survey'" in message:
        return {"sheet": "survey", "row": 1}
    return {}


def location_in(message):
    """Sheet, row and column named in one of pyxform's messages."""
    location = {}
    if match := _SHEET.search(message):
        location["sheet"] = match.group(1).lower()
    if match := _ROW.search(message):
        location["row"] = int(match.group(1))
        location.setdefault("sheet", "survey")
    if match := _COLUMN.search(message):
        location["column"] = match.group(1) or match.group(2)
    return location


def to_xform(source, filename=None, pretty=True):
    """The XForm XML of an XLSForm (path, bytes or file), as KoboToolbox and ODK read it."""
    data, filename = read_source(source, filename)
    xml, _ = convert(read_definition(data, filename), filename, pretty=pretty)
    return xml
