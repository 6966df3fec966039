"""Read reliability data from a CSV matrix (the `citydip stats` contract in DESIGN.md).

Header row: a corner cell, then one unit name per column. Each further row: a coder name, then that
coder's value for each unit; an empty cell is a missing value. Values are numbers (``3``, ``2.5``)
or labels (``yes``); a matrix whose every value is a number is numeric.
"""
import contextlib
import csv
from pathlib import Path

from citydip.core.errors import CitydipError, CitydipErrors
from citydip.qda.agreement import ReliabilityData


def parse_value(text):
    text = text.strip()
    if text == "":
        return None
    try:
        number = float(text.replace(",", ".")) if text.count(",") == 1 and "." not in text else float(text)
    except ValueError:
        return text
    return int(number) if number.is_integer() else number


def read_rows(path):
    path = Path(path)
    try:
        raw = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise CitydipError("QDA-E001", "no such file", file=str(path)) from None
    except UnicodeDecodeError as error:
        raise CitydipError("QDA-E002", f"the file is not UTF-8 (byte {error.start})", file=path.name) from None
    dialect = csv.excel
    with contextlib.suppress(csv.Error):
        dialect = csv.Sniffer().sniff(raw.splitlines()[0] if raw else "", delimiters=",;\t")
    return [row for row in csv.reader(raw.splitlines(), dialect) if any(cell.strip() for cell in row)]


def read_matrix(path):
    """A :class:`ReliabilityData` from ``path``; every bad row is reported at once."""
    name = Path(path).name
    rows = read_rows(path)
    if len(rows) < 3:
        raise CitydipError("QDA-E045", "the matrix needs a header row of unit names and at least two coder rows",
                           file=name, line=len(rows) or 1)
    units = [u.strip() for u in rows[0][1:]]
    if not units:
        raise CitydipError("QDA-E045", "the header row has no unit names after the first column", file=name, line=1)
    errors, coders, values = [], [], []
    for line, row in enumerate(rows[1:], start=2):
        coder = row[0].strip()
        cells = row[1:]
        if len(cells) > len(units) and any(c.strip() for c in cells[len(units):]):
            errors.append(CitydipError("QDA-E046", f"{len(cells)} values but {len(units)} units in the header: "
                                       "remove the extra cells or name the units", file=name, line=line))
        if not coder:
            errors.append(CitydipError("QDA-E047", "the first column must name the coder", file=name, line=line,
                                       column=1))
        if coder in coders:
            errors.append(CitydipError("QDA-E047", f"coder {coder!r} appears twice: one row per coder",
                                       file=name, line=line, column=1))
        coders.append(coder)
        values.append([parse_value(cells[j]) if j < len(cells) else None for j in range(len(units))])
    if errors:
        raise CitydipErrors(errors)
    data = ReliabilityData(coders=coders, units=units, values=values)
    if not any(v is not None for row in values for v in row):
        raise CitydipError("QDA-E045", "the matrix has no values", file=name)
    return data
