"""Evaluating a node's expression while a respondent answers: the one place that catches failures.

Every expression the engine evaluates for a form (relevant, constraint, required, calculation,
choice_filter, default, repeat_count, a ``${name}`` in a label) goes through :func:`node_value` or
:func:`node_bool`. The loader has already refused expressions that cannot parse or that call a
function wrongly; what can still fail at run time (a regex() pattern taken from an answer, an
engine bug) is an ExpressionError, caught here and only here. The question is then shown (relevant
and constraint fall back to true, required to false, a calculation stays empty), so a respondent
never meets a 500, and the failure is recorded with its sheet, row and column:

    with collect_failures() as failures:
        validate_all(form, answers)
    for failure in failures: print(failure)      # [survey · row 12 · constraint] regex(): ...

The wave page replays its responses this way to list run-time failures with the form's problems.
"""
from __future__ import annotations

import contextlib
import contextvars
from dataclasses import dataclass

from citydip.survey.xlsform.expressions import ExpressionError, evaluate, to_bool

_failures = contextvars.ContextVar("citydip_expression_failures", default=None)


@dataclass(frozen=True)
class Failure:
    """An expression that failed at run time, where it is written and why."""

    sheet: str
    row: int | None
    column: str
    expression: str
    message: str

    def __str__(self):
        where = " · ".join(str(p) for p in (self.sheet, self.row and f"row {self.row}", self.column) if p)
        return f"[{where}] {self.message} in “{self.expression}” (SURVEY-E007)"


@contextlib.contextmanager
def collect_failures():
    """Collect the run-time failures of the expressions evaluated inside the block (once each)."""
    found = []
    token = _failures.set(found)
    try:
        yield found
    finally:
        _failures.reset(token)


def node_value(node, column, expression, answers, path=None, fallback="", choice=None):
    """The value of ``expression`` (the node's ``column``) for these answers; ``fallback`` on failure."""
    if expression is None or str(expression).strip() == "":
        return fallback
    form = getattr(node, "form", None)
    try:
        return evaluate(expression, answers, path or node.name, choice=choice,
                        instances=form.instances() if form is not None else None)
    except ExpressionError as error:
        _record(node, column, expression, error)
        return fallback


def node_bool(node, column, expression, answers, path=None, fallback=True, choice=None):
    """A node's condition read as true or false; an empty expression or a failure is ``fallback``."""
    sentinel = object()
    value = node_value(node, column, expression, answers, path, sentinel, choice)
    return fallback if value is sentinel else to_bool(value)


def _record(node, column, expression, error):
    found = _failures.get()
    if found is None:
        return
    source = node.source
    failure = Failure(source.sheet, source.row, column, str(expression), str(error))
    if failure not in found:
        found.append(failure)
