"""``citydip gazetteer match INPUT.csv --output OUT.csv``: one output row per input row, same order.

INPUT needs a column ``name``; an optional column ``province`` decides homonyms. OUT has the columns
``name,place_id,matched_name,province,level,score,status`` (DESIGN.md). The output is written to a
temporary file and renamed, so an interrupted run leaves no half-written file.
"""
import csv
from collections import Counter
from pathlib import Path

from citydip.core.errors import CitydipError
from citydip.core.files import atomic_write
from citydip.gazetteer.match import match_name

OUTPUT_COLUMNS = ("name", "place_id", "matched_name", "province", "level", "score", "status")


def read_names(path):
    """The (name, province) pairs of a CSV file with a ``name`` column."""
    path = Path(path)
    if not path.exists():
        raise CitydipError("GAZ-E010", "file not found; give the path of a CSV file with a column `name`", file=str(path))
    try:
        with open(path, encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            if not reader.fieldnames or "name" not in reader.fieldnames:
                raise CitydipError("GAZ-E011", "the file has no column `name`; add a header row with `name` "
                                   "(and optionally `province`)", file=str(path), line=1, field="name")
            return [(row.get("name") or "", row.get("province") or "") for row in reader]
    except UnicodeDecodeError as error:
        raise CitydipError("GAZ-E012", "the file is not UTF-8 text; save it as CSV UTF-8", file=str(path)) from error


def match_file(input_path, output_path):
    """Match every name of ``input_path`` into ``output_path``; return the count per status."""
    names = read_names(input_path)
    counts = Counter()
    output_path = Path(output_path)
    with atomic_write(output_path, newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=OUTPUT_COLUMNS)
        writer.writeheader()
        for name, province in names:
            result = match_name(name, province=province or None)
            counts[result.status] += 1
            writer.writerow({"name": name, **result.as_row()})
    return counts
