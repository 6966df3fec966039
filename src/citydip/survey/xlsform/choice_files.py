"""The files a ``select_one_from_file`` / ``select_multiple_from_file`` question reads (CSV, XML or
GeoJSON next to the form), as choice rows, following the ODK XForms and XLSForm specifications:

- CSV: a header row; the choice's name is the ``name`` column and its label the ``label`` column
  (``parameters`` ``value=`` and ``label=`` choose others); every column is usable in a
  choice_filter and in ``instance('file')/root/item[...]/column``.
- XML: ``<root><item><name>…</name><label>…</label>…</item></root>``, each child a column.
- GeoJSON: a FeatureCollection; a feature's ``id`` (or its ``id`` property) is the name, its
  ``title`` property the label, and its properties the columns.

The instance name is the file name without its extension (``instance('villages')`` for
``villages.csv``), as in ODK.
"""
from __future__ import annotations

import csv
import io
import json
from pathlib import PurePosixPath
from xml.etree import ElementTree

FILE_SUFFIXES = (".csv", ".xml", ".geojson")


class ChoiceFileError(ValueError):
    """A choice file that cannot be read; the message says why."""


def instance_name(filename):
    return PurePosixPath(filename).stem


def read_rows(filename, data):
    """The rows (dicts of text) of one choice file."""
    suffix = PurePosixPath(filename).suffix.lower()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ChoiceFileError("it is not UTF-8 text") from None
    if suffix == ".csv":
        return _csv_rows(text)
    if suffix == ".xml":
        return _xml_rows(text)
    if suffix == ".geojson":
        return _geojson_rows(text)
    raise ChoiceFileError(f"choices are read from {', '.join(FILE_SUFFIXES)} files")


def _csv_rows(text):
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.DictReader(io.StringIO(text), dialect=dialect)
    if not reader.fieldnames:
        raise ChoiceFileError("it has no header row")
    return [{(k or "").strip(): (v or "").strip() for k, v in row.items() if k} for row in reader]


def _xml_rows(text):
    try:
        root = ElementTree.fromstring(text)
    except ElementTree.ParseError as error:
        raise ChoiceFileError(f"it is not well-formed XML ({error})") from None
    return [{child.tag: (child.text or "").strip() for child in item} for item in root.iter("item")]


def _geojson_rows(text):
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise ChoiceFileError(f"it is not JSON ({error.msg}, line {error.lineno})") from None
    if not isinstance(data, dict) or data.get("type") != "FeatureCollection":
        raise ChoiceFileError("it is not a GeoJSON FeatureCollection")
    rows = []
    for feature in data.get("features") or []:
        properties = {k: "" if v is None else str(v) for k, v in (feature.get("properties") or {}).items()}
        name = feature.get("id", properties.get("id", ""))
        geometry = feature.get("geometry") or {}
        row = {**properties, "name": str(name), "label": properties.get("title", properties.get("label", str(name)))}
        if geometry.get("type") == "Point":
            lon, lat = (geometry.get("coordinates") or [0, 0])[:2]
            row["geometry"] = f"{lat} {lon} 0 0"  # ODK's geopoint text
        rows.append(row)
    return rows


def parse_parameters(text):
    """``"value=code label=title"`` → ``{"value": "code", "label": "title"}``."""
    found = {}
    for part in str(text or "").replace(",", " ").split():
        key, sep, value = part.partition("=")
        if sep:
            found[key.strip().lower()] = value.strip()
    return found
