"""CSV: one UTF-8 file per table (``cities.csv``, ``partners.csv``), choices by name, missing as codes."""
from __future__ import annotations

from pathlib import Path

from citydip.survey.exports.frames import frame

EXTENSION = "csv"


def write(dataset, directory, language=None):
    """Write every table of ``dataset`` to ``directory``; returns the paths written."""
    directory = Path(directory)
    paths = []
    for table in dataset.tables:
        path = directory / f"{table.name}.csv"
        frame(table, "names").to_csv(path, index=False, lineterminator="\n", encoding="utf-8")
        paths.append(path)
    return paths
