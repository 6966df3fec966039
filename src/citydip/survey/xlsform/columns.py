"""The columns and types of an XLSForm survey sheet, with the aliases XLSForm allows.

A small table rather than pyxform's internal alias maps, because citydip needs the cell of each
column by its own name (and its sheet row), which pyxform's JSON no longer has.
"""
from __future__ import annotations

from citydip.survey.xlsform.languages import split_header

COLUMN_ALIASES = {
    "relevance": "relevant",
    "readonly": "read_only",
    "calculate": "calculation",
    "count": "repeat_count",
    "jr:count": "repeat_count",
    "constraining_message": "constraint_message",
    "jr:constraintmsg": "constraint_message",
    "requiredmsg": "required_message",
    "jr:requiredmsg": "required_message",
    "caption": "label",
}
TEXT_COLUMNS = ("label", "hint", "required_message", "constraint_message")
PLAIN_COLUMNS = ("type", "name", "required", "relevant", "constraint", "choice_filter", "default",
                 "read_only", "appearance", "calculation", "repeat_count", "parameters")
# (Node attribute, column) of every column that holds an expression.
EXPRESSION_COLUMNS = (("relevant", "relevant"), ("constraint", "constraint"), ("calculation", "calculation"),
                      ("choice_filter", "choice_filter"), ("required_expr", "required"),
                      ("repeat_count", "repeat_count"))
TYPE_ALIASES = {
    "begin group": "begin_group", "end group": "end_group", "begin repeat": "begin_repeat",
    "end repeat": "end_repeat", "begin_group": "begin_group", "end_group": "end_group",
    "begin_repeat": "begin_repeat", "end_repeat": "end_repeat", "int": "integer", "trigger": "acknowledge",
    "string": "text",
}
SELECT_PREFIXES = (
    ("select one from ", "select_one"), ("select all that apply from ", "select_multiple"),
    ("select multiple from ", "select_multiple"), ("select_one_from_file ", "select_one_from_file"), ("select_multiple_from_file ", "select_multiple_from_file"),
    ("select_one_external ", "select_one_external"), ("select_one ", "select_one"), ("select one ", "select_one"),
    ("select1 ", "select_one"), ("select_multiple ", "select_multiple"),
    ("select all that apply ", "select_multiple"), ("select multiple ", "select_multiple"), ("rank ", "rank"),
)
_YES = {"yes", "true", "true()"}
_NO = {"no", "false", "false()", ""}


def parse_type(text):
    """``"select_one yes_no or_other"`` → ``("select_one", "yes_no", True)``."""
    words = " ".join(str(text).split())
    or_other = False
    for suffix in (" or_other", " or specify other"):
        if words.lower().endswith(suffix):
            words, or_other = words[: -len(suffix)], True
    lowered = words.lower()
    if lowered in TYPE_ALIASES:
        return TYPE_ALIASES[lowered], "", False
    if lowered.startswith(("begin loop", "begin_loop")):
        return "begin_loop", "", False
    if lowered in ("end loop", "end_loop"):
        return "end_loop", "", False
    for prefix, kind in SELECT_PREFIXES:
        if lowered.startswith(prefix):
            rest = words[len(prefix):].split()
            return kind, rest[0] if rest else "", or_other
    return lowered, "", False


def yes_no(text):
    """True, False, or None when the cell is an expression."""
    lowered = str(text or "").strip().lower()
    if lowered in _YES:
        return True
    if lowered in _NO:
        return False
    return None


def survey_columns(raw, builder, row):
    """One survey row as ``{column: value, "texts": {column: {lang: text}}}``; unknown columns reported."""
    cells = {"texts": {}}
    for header, value in raw.items():
        column, suffix = split_header(header)
        column = COLUMN_ALIASES.get(column, column)
        value = str(value).strip()
        if column in TEXT_COLUMNS:
            language = builder.language_of(suffix, "survey", row, header)
            cells["texts"].setdefault(column, {})[language] = value
        elif column in PLAIN_COLUMNS and suffix is None:
            cells[column] = value
        else:
            builder.problem_once("SURVEY-W002", f"column '{header}' is not supported by citydip; its values are ignored",
                                 f"column {header}", "survey", row, header)
    cells.setdefault("type", "")
    return cells
