"""pyxform at the edges of the form engine: reading spreadsheets and writing XForms.

pyxform (the reference XLSForm library) reads .xlsx, .xls, .csv and markdown forms into rows, and
checks the form the way ODK and KoboToolbox will; citydip builds its own model from the same rows
(load.py), so every node keeps its sheet and row. Errors pyxform raises become CitydipErrors with
the sheet, row and column its message names.
"""
from __future__ import annotations

import re
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


def read_definition(data, filename):
    """pyxform's rows of every sheet (a DefinitionData); SURVEY-E001 when the file is unreadable."""
    suffix = Path(filename).suffix.lower()
    file_type = suffix if suffix in FILE_TYPES else None
    try:
        return get_xlsform(BytesIO(data), file_type=file_type)
    except PyXFormError as error:
        raise CitydipErrors([CitydipError(
            "SURVEY-E001",
            f"not an XLSForm that can be read ({error}); save it as .xlsx, .xls, .csv or .md",
            file=filename,
        )]) from None


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
        raise pyxform_error(error, filename) from None
    return xml, warnings


def pyxform_error(error, filename):
    message = " ".join(str(error).split())
    return CitydipErrors([CitydipError("SURVEY-E002", f"pyxform: {message}", file=filename, **location_in(message))])


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
