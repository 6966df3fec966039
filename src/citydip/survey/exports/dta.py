"""Stata .dta (version 15) through pyreadstat: labels in one language, extended missing values.

Numeric variables carry .a (not asked), .b (not answered) and .c (don't know), labelled in their
value label; string variables hold the literal texts ".a", ".b", ".c".
"""
from __future__ import annotations

from pathlib import Path

import pyreadstat

from citydip.survey.exports.frames import frame
from citydip.survey.exports.labels import STATA_LABEL, value_labels, variable_labels
from citydip.survey.exports.missing import Missing

EXTENSION = "dta"


def write_table(table, path, language, default):
    data = frame(table, "stata")
    letters = [m.stata for m in Missing]
    missing, labels = {}, {}
    for variable in table.variables:
        if variable.numeric:
            if variable.question is not None:
                missing[variable.name] = letters
            labels[variable.name] = value_labels(variable, language, default, stata=True)
    pyreadstat.write_dta(data, str(path), file_label=table.title[:80],
                         column_labels=variable_labels(table, language, default, STATA_LABEL),
                         variable_value_labels=labels, missing_user_values=missing, version=15)
    return path


def write(dataset, directory, language=None):
    language = language or dataset.form.default_language
    default = dataset.form.default_language
    return [write_table(t, Path(directory) / f"{t.name}.dta", language, default) for t in dataset.tables]
