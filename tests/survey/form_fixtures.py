"""Helpers for the form-engine tests: fixture paths and markdown forms written to .xlsx."""
from pathlib import Path

from pyxform.xls2json_backends import md_table_to_workbook

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "survey"
INSTRUMENT = Path(__file__).resolve().parents[2] / "src/citydip/survey/instruments/eu_china_cities.xlsx"


def fixture(name):
    return FIXTURES / name


def md_to_xlsx(markdown, path):
    """Write a markdown-table XLSForm as a real .xlsx (the pyxform test pattern); returns the path."""
    md_table_to_workbook(markdown).save(path)
    return path
