"""A table of the dataset as a pandas DataFrame, in the cell conventions of each family of formats.

- ``names``: CSV, Excel and the data package. Choices as their XLSForm names; a missing cell as its
  numeric code (-97 don't know, -98 not asked, -99 not answered), written as text in text columns.
- ``spss``: select_one as its numeric code; missing as the numeric code in numeric columns (declared
  user-missing) and as the code's text in string columns (also declared).
- ``stata``: like ``spss`` but a missing numeric cell is the letter of an extended missing value
  (``a`` → ``.a``), which pyreadstat writes as such.
"""
from __future__ import annotations

import pandas as pd

from citydip.survey.exports.missing import Missing


def is_numeric(variable, style):
    """Select_one columns hold choice names in the ``names`` style, codes in the others."""
    return variable.numeric and not (style == "names" and variable.kind == "select_one")


def convert(variable, value, style):
    if isinstance(value, Missing):
        if is_numeric(variable, style):
            return value.stata if style == "stata" else value.code
        return f".{value.stata}" if style == "stata" else str(value.code)
    if value is None:
        return None if is_numeric(variable, style) else ""
    if variable.kind == "select_one" and style != "names":
        return variable.code_of(value)
    return value


def frame(table, style="names"):
    columns = {}
    for variable in table.variables:
        values = [convert(variable, row.get(variable.name), style) for row in table.rows]
        if is_numeric(variable, style) and style != "stata":
            series = pd.Series(values, dtype="float64" if variable.kind == "decimal" else "object")
            columns[variable.name] = _numeric(series, variable)
        else:
            columns[variable.name] = pd.Series(values, dtype="object")
    return pd.DataFrame(columns, columns=[v.name for v in table.variables])


def _numeric(series, variable):
    """Integers stay integers where every cell is one (so CSV shows 3, not 3.0)."""
    if variable.kind == "decimal":
        return series.astype("float64")
    if series.isna().any():
        return series.astype("Int64")
    return series.astype("int64")
