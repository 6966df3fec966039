"""Server-side validation, the truth: ``{field path: message}`` for a page or the whole form.

A question is checked only when it is relevant. The rules, in order: required (or a ``required``
expression that is true), the value's type (integer, decimal, date, a choice of the list that the
choice_filter lets through), then the constraint. Messages come from the form's
``required_message``/``constraint_message`` in the respondent's language, else from messages.py.

:func:`parse_value` turns what a browser posts (strings) into typed answers.
"""
from __future__ import annotations

import datetime
import re

from citydip.survey.xlsform.expressions import format_number
from citydip.survey.xlsform.messages import message
from citydip.survey.xlsform.model import Repeat
from citydip.survey.xlsform.runtime import node_bool
from citydip.survey.xlsform.skip_logic import (
    choices_for,
    fields,
    is_relevant,
    page_is_relevant,
    repeat_count,
    value_at,
)

_INTEGER = re.compile(r"^[+-]?\d+$")
_DECIMAL = re.compile(r"^[+-]?(\d+([.,]\d*)?|[.,]\d+)$")


def validate_page(form, page, answers, lang=None):
    """Errors of one page (a ``forms.pages.Page``) for these answers; {} when the page is fine."""
    if not page_is_relevant(form, page, answers):
        return {}
    errors = {}
    for question, path in fields(page.nodes, answers):
        problem = validate_question(form, question, answers, path, lang)
        if problem:
            errors[path] = problem
    errors.update(_repeat_count_errors(form, page.nodes, answers, lang))
    return errors


def validate_all(form, answers, lang=None):
    """Errors of every relevant page, keyed by field path."""
    errors = {}
    for page in form.pages():
        errors.update(validate_page(form, page, answers, lang))
    return errors


def validate_question(form, question, answers, path, lang=None):
    """The message for one question at one field path, or None."""
    if not question.is_input or not is_relevant(form, question, answers, path):
        return None
    value = value_at(answers, path)
    if value is None or value == "" or value == []:
        if _is_required(question, answers, path):
            return form.text(question.required_message, lang) or message("required", lang)
        return None
    problem = _type_problem(form, question, value, answers, path)
    if problem == "range":
        start, end, step = (format_number(n) for n in question.range)
        return message("range", lang, start=start, end=end, step=step)
    if problem:
        return message(problem, lang)
    if question.constraint and not _constraint_holds(question, answers, path):
        return form.text(question.constraint_message, lang) or message("constraint", lang)
    return None


def _is_required(question, answers, path):
    if question.required:
        return True
    if question.required_expr:
        return node_bool(question, "required", question.required_expr, answers, path, fallback=False)
    return False


def _constraint_holds(question, answers, path):
    return node_bool(question, "constraint", question.constraint, answers, path, fallback=True)


def _type_problem(form, question, value, answers, path):
    kind = question.type
    if kind == "integer" and (isinstance(value, bool) or not isinstance(value, int)):
        return "integer"
    if kind == "decimal" and (isinstance(value, bool) or not isinstance(value, (int, float))):
        return "decimal"
    if kind == "date" and not _is_date(value):
        return "date"
    if kind == "range" and question.range:
        return _range_problem(question.range, value)
    if question.is_select:
        allowed = {choice.name for choice in choices_for(form, question, answers, path)}
        chosen = value if question.is_list_answer else [value]
        if not isinstance(chosen, list) or any(not isinstance(v, str) or v not in allowed for v in chosen):
            return "choice"
        if kind == "rank" and len(set(chosen)) != len(chosen):
            return "rank"
    return None


def _range_problem(parameters, value):
    start, end, step = parameters
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return "range"
    low, high = min(start, end), max(start, end)
    steps = (value - start) / step
    if not low <= value <= high or abs(steps - round(steps)) > 1e-9:
        return "range"
    return None


def _is_date(value):
    try:
        return isinstance(value, str) and datetime.date.fromisoformat(value).isoformat() == value
    except ValueError:
        return False


def _repeat_count_errors(form, nodes, answers, lang):
    errors = {}
    for node in nodes:
        if isinstance(node, Repeat) and node.repeat_count and is_relevant(form, node, answers, node.name):
            wanted = repeat_count(form, node, answers)
            have = value_at(answers, node.name)
            if wanted is not None and len(have or []) != wanted:
                errors[node.name] = message("repeat_count", lang, count=wanted)
    return errors


def parse_value(question, raw):
    """(typed value, error key) for what a browser posted: a string, or a list for select_multiple.

    An empty input gives (None, None); a bad one gives (raw, "integer"|"decimal"|"date").
    """
    if question.is_list_answer:
        items = [str(v).strip() for v in (raw if isinstance(raw, list) else str(raw or "").split()) if str(v).strip()]
        return (items or None), None
    text = "" if raw is None else str(raw).strip()
    if text == "":
        return None, None
    if question.type == "integer":
        return (int(text), None) if _INTEGER.match(text) else (text, "integer")
    if question.type == "decimal":
        return (float(text.replace(",", ".")), None) if _DECIMAL.match(text) else (text, "decimal")
    if question.type == "range":
        if not _DECIMAL.match(text):
            return text, "decimal"
        number = float(text.replace(",", "."))
        whole = question.range and all(float(p).is_integer() for p in question.range)
        return (int(number) if whole and number.is_integer() else number), None
    if question.type == "date":
        return (text, None) if _is_date(text) else (text, "date")
    return text, None
