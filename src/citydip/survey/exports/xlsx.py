"""Excel: one workbook, a sheet per table, plus ``variables`` and ``values`` sheets with the labels."""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from citydip.survey.exports.frames import frame
from citydip.survey.exports.labels import choice_labels, pick
from citydip.survey.exports.missing import Missing

EXTENSION = "xlsx"


def variables_sheet(dataset, language):
    default = dataset.form.default_language
    return pd.DataFrame([
        {"table": table.name, "variable": v.name, "type": v.kind, "label": pick(v.label, language, default)}
        for table in dataset.tables for v in table.variables])


def values_sheet(dataset, language):
    default = dataset.form.default_language
    rows = [{"table": table.name, "variable": v.name, "value": name, "label": label}
            for table in dataset.tables for v in table.variables if v.values
            for name, label in choice_labels(v, language, default).items()]
    rows += [{"table": "*", "variable": "*", "value": m.code, "label": m.label} for m in Missing]
    return pd.DataFrame(rows, columns=["table", "variable", "value", "label"])


def write(dataset, directory, language=None):
    path = Path(directory) / "survey.xlsx"
    language = language or dataset.form.default_language
    with pd.ExcelWriter(path, engine="openpyxl") as writer:
        for table in dataset.tables:
            frame(table, "names").to_excel(writer, sheet_name=table.name[:31], index=False)
        variables_sheet(dataset, language).to_excel(writer, sheet_name="variables", index=False)
        values_sheet(dataset, language).to_excel(writer, sheet_name="values", index=False)
        for sheet in writer.sheets.values():
            sheet.freeze_panes = "B2"
    return [path]
