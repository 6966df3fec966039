"""English labels of the choices of the questionnaire, for readable tables (names stay as the keys).

Read from the XLSForm that the current wave fielded (``Questionnaire.content``) with openpyxl: the
``survey`` sheet says which choice list a select question uses, the ``choices`` sheet gives each
choice's label in the column ``label::English (en)`` (or ``label``). Any problem reading the form
gives no labels rather than an error: labels are a convenience, the names are the data.
"""
import hashlib
import io

LABEL_COLUMNS = ("label::English (en)", "label::english (en)", "label::English", "label")
_LABELS = {}  # SHA-256 of the form's bytes -> its labels


def _rows(sheet):
    rows = sheet.iter_rows(values_only=True)
    header = [str(h or "").strip() for h in next(rows, [])]
    return [dict(zip(header, row)) for row in rows]


def choice_labels(wave):
    """``{question name: {choice name: label}}`` for the select questions of the wave's form (read once per
    process and form: the analysis, the case workspace and the comparison all ask; do not change it)."""
    content = bytes(wave.questionnaire.content)
    key = hashlib.sha256(content).hexdigest()
    if key not in _LABELS:
        _LABELS[key] = read_labels(content)
    return _LABELS[key]


def read_labels(content):
    try:
        from openpyxl import load_workbook

        book = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
        survey, choices = _rows(book["survey"]), _rows(book["choices"])
    except Exception:  # noqa: BLE001 - see the module docstring
        return {}
    by_list = {}
    for row in choices:
        label = next((row[c] for c in LABEL_COLUMNS if row.get(c)), None)
        if row.get("list_name") and row.get("name") is not None and label:
            by_list.setdefault(str(row["list_name"]).strip(), {})[str(row["name"]).strip()] = str(label).strip()
    labels = {}
    for row in survey:
        parts = str(row.get("type") or "").split()
        if len(parts) >= 2 and parts[0] in ("select_one", "select_multiple") and row.get("name"):
            labels[str(row["name"]).strip()] = by_list.get(parts[1], {})
    return labels
