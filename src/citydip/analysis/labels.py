"""English labels of the questionnaire, for readable tables and captions (names stay as the keys).

Read from the XLSForm that the current wave fielded (``Questionnaire.content``) with openpyxl: the
``survey`` sheet gives each question's wording and says which choice list a select question uses, the
``choices`` sheet gives each choice's label, both in the column ``label::English (en)`` (or ``label``).
Any problem reading the form gives no labels rather than an error: labels are a convenience, the names
are the data. ``item_title`` writes a caption from a question's wording, keeping its variable name.
"""
import hashlib
import io
import re

LABEL_COLUMNS = ("label::English (en)", "label::english (en)", "label::English", "label")
TITLE_CHARACTERS = 100  # longer question texts are shortened at a word, with an ellipsis
_LABELS = {}  # SHA-256 of the form's bytes -> (choice labels, question labels)


def _rows(sheet):
    rows = sheet.iter_rows(values_only=True)
    header = [str(h or "").strip() for h in next(rows, [])]
    return [dict(zip(header, row)) for row in rows]


def _read(wave):
    """Both kinds of labels of the wave's form, read once per process and form (the analysis, the case
    workspace and the comparison all ask; do not change it)."""
    content = bytes(wave.questionnaire.content)
    key = hashlib.sha256(content).hexdigest()
    if key not in _LABELS:
        _LABELS[key] = read_labels(content)
    return _LABELS[key]


def choice_labels(wave):
    """``{question name: {choice name: label}}`` for the select questions of the wave's form."""
    return _read(wave)[0]


def question_labels(wave):
    """``{question name: English wording}`` for the questions of the wave's form that have one."""
    return _read(wave)[1]


def _label(row):
    return next((str(row[c]).strip() for c in LABEL_COLUMNS if row.get(c) and str(row[c]).strip()), None)


def read_labels(content):
    """``(choice labels, question labels)`` of an XLSForm's bytes; ``({}, {})`` when it cannot be read."""
    try:
        from openpyxl import load_workbook

        book = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
        survey, choices = _rows(book["survey"]), _rows(book["choices"])
    except Exception:  # noqa: BLE001 - see the module docstring
        return {}, {}
    by_list = {}
    for row in choices:
        label = _label(row)
        if row.get("list_name") and row.get("name") is not None and label:
            by_list.setdefault(str(row["list_name"]).strip(), {})[str(row["name"]).strip()] = label
    labels, questions = {}, {}
    for row in survey:
        name = str(row.get("name") or "").strip()
        parts = str(row.get("type") or "").split()
        if len(parts) >= 2 and parts[0] in ("select_one", "select_multiple") and name:
            labels[name] = by_list.get(parts[1], {})
        if name and _label(row):
            questions[name] = _label(row)
    return labels, questions


def shorten(text, limit=TITLE_CHARACTERS):
    """``text`` on one line; when longer than ``limit`` characters, cut at a whole word (before a bracket
    left open, at the last comma when that keeps most of the text) and ended with an ellipsis. ``${name}``
    references of the form become an ellipsis too (a caption has no one's answers)."""
    text = " ".join(re.sub(r"\$\{[^}]*\}", "…", text).split())
    if len(text) <= limit:
        return text
    cut = text[:limit + 1].rsplit(" ", 1)[0] if " " in text[:limit + 1] else text[:limit]
    if cut.count("(") > cut.count(")"):
        cut = cut[:cut.rfind("(")]
    if cut.rfind(",") > limit * 0.75:
        cut = cut[:cut.rfind(",")]
    return cut.rstrip(" ,;:.-–—(“‘\"'") + "…"


def item_title(questions, *names, prefix="Answers to"):
    """A caption for a table or figure of one questionnaire item: ``<prefix> “<the question's English
    wording>” (variable <name>)``, the wording shortened (``shorten``) and its own quotation marks made
    single; the wording is the first of ``names`` the form has. Without any, the caption says so and
    names the variable(s): ``<prefix> variable <name> (no English question text in the questionnaire)``."""
    variables = ("variable " if len(names) == 1 else "variables ") + ", ".join(names)
    wording = next((questions[n] for n in names if questions.get(n)), None)
    if wording is None:
        return f"{prefix} {variables} (no English question text in the questionnaire)"
    wording = shorten(wording).replace("“", "‘").replace("”", "’").replace('"', "'")
    return f"{prefix} “{wording}” ({variables})"
