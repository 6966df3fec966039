"""SPSS .sav through pyreadstat: variable and value labels in one language, user-missing codes.

Numeric variables declare -97, -98 and -99 as discrete user-missing values (labelled don't know,
not asked, not answered). String variables hold the same codes as text, undeclared: readstat's
record for missing values of long strings makes PSPP warn ("subtype 22 ends unexpectedly").
"""
from __future__ import annotations

from pathlib import Path

import pyreadstat

from citydip.survey.exports.frames import frame
from citydip.survey.exports.labels import SPSS_LABEL, value_labels, variable_labels
from citydip.survey.exports.missing import Missing

EXTENSION = "sav"
MEASURE = {"select_one": "nominal", "dummy": "nominal", "flag": "nominal", "integer": "scale", "decimal": "scale"}


def note_lines(note, width=80):
    """SPSS keeps notes as lines of at most 80 bytes."""
    import textwrap

    return textwrap.wrap(note, width - 4) if note else None


def write_table(table, path, language, default, note):
    data = frame(table, "spss")
    codes = sorted(m.code for m in Missing)
    missing, labels, measure, formats = {}, {}, {}, {}
    for variable in table.variables:
        asked = variable.question is not None  # identity columns have no missing codes
        if variable.numeric:
            if asked:
                missing[variable.name] = codes
            labels[variable.name] = value_labels(variable, language, default)
            measure[variable.name] = MEASURE.get(variable.kind, "unknown")
            if variable.kind != "decimal":
                formats[variable.name] = "F8.0"
    pyreadstat.write_sav(data, str(path), file_label=table.title[:64],
                         column_labels=variable_labels(table, language, default, SPSS_LABEL),
                         variable_value_labels=labels, missing_ranges=missing, variable_measure=measure,
                         variable_format=formats,
                         note=note_lines(note))
    return path


def write(dataset, directory, language=None, note=""):
    language = language or dataset.form.default_language
    default = dataset.form.default_language
    return [write_table(t, Path(directory) / f"{t.name}.sav", language, default, note) for t in dataset.tables]
