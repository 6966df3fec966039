"""Variable and value labels in one language, from the XLSForm, within each format's limits.

A label falls back to the form's default language, then to the name. Value labels of coded
variables add the labels of the three missing codes (see missing.py). Stata allows 80 characters
in a variable label and SPSS 256 bytes; longer question texts are cut at a word with an ellipsis
(the codebook keeps the full text).
"""
from __future__ import annotations

from citydip.survey.exports.missing import Missing

STATA_LABEL = 80
SPSS_LABEL = 250


def pick(texts, lang, default=""):
    """One language of a ``{lang: text}`` dict: ``lang``, else ``default``, else English, else any."""
    for code in (lang, default, "en"):
        if code and texts.get(code):
            return texts[code]
    return next((t for t in texts.values() if t), "")


def cut(text, limit):
    text = " ".join(str(text).split())
    if len(text) <= limit:
        return text
    return text[:limit - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def variable_label(variable, lang, default="", limit=SPSS_LABEL):
    return cut(pick(variable.label, lang, default) or variable.name, limit)


def variable_labels(table, lang, default="", limit=SPSS_LABEL):
    return {v.name: variable_label(v, lang, default, limit) for v in table.variables}


def missing_labels():
    return {m.code: m.label for m in Missing}


def value_labels(variable, lang, default="", stata=False):
    """{code: label} of a numeric coded variable (select_one, dummy, flag); None for others."""
    if not variable.numeric:
        return None
    labels = {} if variable.kind in ("integer", "decimal") else {
        code: pick(texts, lang, default) or name for code, name, texts in variable.values}
    if variable.question is not None:  # identity columns have no missing codes
        labels.update({m.stata: m.label for m in Missing} if stata else missing_labels())
    number = int if stata else float  # Stata labels integers only; pyreadstat wants floats for SPSS
    return {(number(k) if not isinstance(k, str) else k): v for k, v in labels.items()}


def choice_labels(variable, lang, default=""):
    """{choice name: label} of a select variable (for the text formats and the codebook)."""
    return {name: pick(texts, lang, default) or name for _, name, texts in variable.values}
