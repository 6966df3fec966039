"""A Frictionless data package: the CSV tables plus ``datapackage.json`` with their Table Schemas.

Each field has its type, title (the question in the chosen language), description and, for choice
questions, its categories; ``missingValues`` declares the three missing codes; the long tables have a
foreign key to ``cities.city_id``. ``frictionless validate datapackage.json`` accepts the package.
"""
from __future__ import annotations

import json
from pathlib import Path

from citydip.survey.exports import csv as csv_format
from citydip.survey.exports.labels import choice_labels, pick
from citydip.survey.exports.missing import Missing

EXTENSION = "json"
TYPES = {"integer": "integer", "decimal": "number", "dummy": "integer", "flag": "integer"}
MISSING_VALUES = [""] + [str(m.code) for m in sorted(Missing, key=lambda m: m.code)]


def field_schema(variable, language, default):
    field = {"name": variable.name, "type": TYPES.get(variable.kind, "string"),
             "title": pick(variable.label, language, default) or variable.name}
    if variable.kind in ("select_one", "select_multiple"):
        labels = choice_labels(variable, language, default)
        field["description"] = "; ".join(f"{name} = {label}" for name, label in labels.items())
    if variable.kind == "select_one":
        field["constraints"] = {"enum": [name for _, name, _ in variable.values]}
    if variable.kind in ("dummy", "flag"):
        field["constraints"] = {"enum": [0, 1]}
    if variable.kind == "date":
        field["format"] = "default"
    return field


def resource(table, language, default):
    schema = {"fields": [field_schema(v, language, default) for v in table.variables],
              "missingValues": MISSING_VALUES, "primaryKey": table.key}
    if table.name != "cities":
        schema["foreignKeys"] = [{"fields": "city_id", "reference": {"resource": "cities", "fields": "city_id"}}]
    return {"name": table.name, "path": f"{table.name}.csv", "profile": "tabular-data-resource",
            "title": table.title, "format": "csv", "mediatype": "text/csv", "encoding": "utf-8", "schema": schema}


def descriptor(dataset, language, provenance=None):
    default = dataset.form.default_language
    form = dataset.form
    package = {
        "profile": "tabular-data-package",
        "name": f"citydip-{form.form_id}".lower().replace("_", "-"),
        "title": f"{form.title or form.form_id}: survey responses ({dataset.wave.name})",
        "description": ("One row per responding city (cities.csv) and one row per repeated entry in the long "
                        "tables, linked by city_id. Missing codes: -98 not asked, -99 not answered, "
                        "-97 don't know."),
        "version": form.version or "",
        "resources": [resource(t, language, default) for t in dataset.tables],
    }
    if provenance:
        package["citydip"] = provenance
    return package


def write(dataset, directory, language=None, provenance=None):
    directory = Path(directory)
    language = language or dataset.form.default_language
    paths = csv_format.write(dataset, directory, language)
    path = directory / "datapackage.json"
    path.write_text(json.dumps(descriptor(dataset, language, provenance), indent=2, ensure_ascii=False) + "\n",
                    encoding="utf-8")
    return paths + [path]
