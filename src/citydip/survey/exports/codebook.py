"""The codebook: every variable, its question in every language, its values and labels, frequencies.

Written as ``codebook.json`` and ``codebook.csv`` (machine-readable, one row per variable × value) and
as ``codebook.html`` / ``codebook.pdf`` (WeasyPrint, for the deposit and the appendix).
"""
from __future__ import annotations

import csv
import json
from collections import Counter
from pathlib import Path

from django.template import Context, Engine

from citydip.survey.exports.labels import pick
from citydip.survey.exports.missing import Missing

TEMPLATES = Path(__file__).resolve().parent / "templates"
ENGINE = Engine(dirs=[str(TEMPLATES)], autoescape=True)


def frequencies(variable, cells):
    """[{value, label, count, percent}] for coded variables; a summary for numbers and texts."""
    total = len(cells)
    counts = Counter(c.key if isinstance(c, Missing) else c for c in cells)
    rows = []
    if variable.values and variable.kind != "select_multiple":
        for code, name, labels in variable.values:
            key = code if variable.kind in ("dummy", "flag") else name
            rows.append({"value": code, "name": name, "label": labels, "count": counts.pop(key, 0)})
    elif variable.kind in ("integer", "decimal"):
        numbers = [c for c in cells if isinstance(c, (int, float)) and not isinstance(c, Missing)]
        rows.append({"value": "valid", "name": "valid", "label": {}, "count": len(numbers),
                     "summary": _summary(numbers)})
    else:
        valid = [c for c in cells if not isinstance(c, Missing) and c not in (None, "")]
        rows.append({"value": "valid", "name": "valid", "label": {}, "count": len(valid),
                     "distinct": len(set(map(str, valid)))})
    for missing in (Missing if variable.question is not None else ()):  # identity columns have no codes
        rows.append({"value": missing.code, "name": missing.key, "label": {"en": missing.label},
                     "count": counts.get(missing.key, 0), "missing": True})
    for row in rows:
        row["percent"] = round(100 * row["count"] / total, 1) if total else None
    return rows


def _summary(numbers):
    if not numbers:
        return {}
    ordered = sorted(numbers)
    return {"min": ordered[0], "max": ordered[-1], "mean": round(sum(numbers) / len(numbers), 3),
            "median": ordered[len(ordered) // 2]}


def entries(dataset):
    form = dataset.form
    items = []
    for table in dataset.tables:
        for variable in table.variables:
            question = variable.question
            items.append({
                "table": table.name, "variable": variable.name, "type": variable.kind,
                "question": question.name if question is not None else None, "choice": variable.choice or None,
                "label": dict(variable.label), "relevant": question.relevant if question is not None else "",
                "values": [{"value": code, "name": name, "label": dict(labels)} for code, name, labels in variable.values],
                "frequencies": frequencies(variable, table.column(variable.name)),
            })
    return {"form_id": form.form_id, "version": form.version, "title": form.title, "languages": form.languages,
            "default_language": form.default_language, "wave": dataset.wave.name,
            "missing_codes": [{"code": m.code, "stata": f".{m.stata}", "name": m.key, "label": m.label}
                              for m in Missing],
            "tables": [{"name": t.name, "title": t.title, "rows": len(t.rows), "key": t.key} for t in dataset.tables],
            "variables": items}


def write_json(book, path):
    path.write_text(json.dumps(book, indent=2, ensure_ascii=False, default=str) + "\n", encoding="utf-8")
    return path


def write_csv(book, path):
    languages = book["languages"] or ["en"]
    header = ["table", "variable", "type", *[f"label_{lang}" for lang in languages], "value", "value_name",
              *[f"value_label_{lang}" for lang in languages], "count", "percent"]
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(header)
        for item in book["variables"]:
            labels = [item["label"].get(lang, "") for lang in languages]
            for row in item["frequencies"]:
                writer.writerow([item["table"], item["variable"], item["type"], *labels, row["value"], row["name"],
                                 *[pick(row["label"], lang, "en") if row["label"] else "" for lang in languages],
                                 row["count"], row["percent"]])
    return path


def html(book, language=None, provenance_line=""):
    language = language or book["default_language"]
    return ENGINE.get_template("codebook.html").render(Context({
        "book": book, "language": language, "provenance": provenance_line,
        "variables": [_display(item, book, language) for item in book["variables"]]}))


def _display(item, book, language):
    default = book["default_language"]
    return {**item, "labels": [(lang, item["label"][lang]) for lang in book["languages"] if item["label"].get(lang)]
            or [("en", item["label"].get("en", ""))],
            "rows": [{**row, "text": pick(row["label"], language, default) if row["label"] else row["name"]}
                     for row in item["frequencies"]]}


def write(dataset, directory, language=None, provenance_line="", pdf=True):
    """codebook.json, codebook.csv, codebook.html and (unless ``pdf`` is False) codebook.pdf."""
    from weasyprint import HTML

    directory = Path(directory)
    book = entries(dataset)
    paths = [write_json(book, directory / "codebook.json"), write_csv(book, directory / "codebook.csv")]
    page = html(book, language, provenance_line)
    (directory / "codebook.html").write_text(page, encoding="utf-8")
    paths.append(directory / "codebook.html")
    if pdf:
        HTML(string=page, base_url=str(directory)).write_pdf(directory / "codebook.pdf")
        paths.append(directory / "codebook.pdf")
    return paths
