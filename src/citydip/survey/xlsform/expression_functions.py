"""The functions XLSForm expressions may call, each ``f(context, *values)``.

Names and behaviour follow the ODK XForms specification for the subset citydip supports; a
function not in :data:`FUNCTIONS` makes the expression an error at load time (named in the
message), never a silent false. expressions.js implements the same table.
"""
from __future__ import annotations

import datetime
import math
import re

from citydip.survey.xlsform.expressions import (
    ExpressionError,
    NodeSet,
    as_list,
    ref_name,
    to_bool,
    to_number,
    to_string,
)


def _selected(ctx, value, choice):
    return to_string(choice).strip() in as_list(value)


def _count_selected(ctx, value):
    return float(len(as_list(value)))


def _selected_at(ctx, value, index):
    items, i = as_list(value), to_number(index)
    return items[int(i)] if not math.isnan(i) and 0 <= int(i) < len(items) else ""


def _string_length(ctx, value=None):
    return float(len(to_string(ctx.current() if value is None else value)))


def _if(ctx, condition, then, otherwise):
    return ctx.eval(then) if to_bool(ctx.eval(condition)) else ctx.eval(otherwise)


def _coalesce(ctx, *values):
    for value in values:
        if to_string(value) != "":
            return value
    return ""


def _concat(ctx, *values):
    parts = []
    for value in values:
        parts.extend(to_string(v) for v in value) if isinstance(value, NodeSet) else parts.append(to_string(value))
    return "".join(parts)


def _regex(ctx, value, pattern):
    try:
        return re.search(to_string(pattern), to_string(value)) is not None
    except re.error as error:
        raise ExpressionError(f"regex(): bad pattern {to_string(pattern)!r}: {error}") from None


def _count(ctx, value):
    if isinstance(value, NodeSet):
        return float(len(value))
    return 0.0 if value in ("", None) else 1.0


def _sum(ctx, value):
    items = value if isinstance(value, NodeSet) else [value]
    return float(sum(to_number(v) for v in items)) if items else 0.0


def _extreme(pick):
    def function(ctx, *values):
        numbers = [to_number(v) for value in values for v in (value if isinstance(value, NodeSet) else [value])]
        if not numbers or any(math.isnan(n) for n in numbers):
            return math.nan
        return pick(numbers)

    return function


def _round(ctx, value, digits=0.0):
    number, places = to_number(value), int(to_number(digits) or 0)
    if math.isnan(number) or math.isinf(number):
        return number
    factor = 10.0**places
    return math.floor(number * factor + 0.5) / factor  # XPath rounds halves up


def _int(ctx, value):
    number = to_number(value)
    return number if math.isnan(number) or math.isinf(number) else float(math.trunc(number))


def _substr(ctx, value, start, end=None):
    text = to_string(value)
    begin = int(to_number(start))
    return text[begin:] if end is None else text[begin:int(to_number(end))]


def _date(ctx, value):
    number = to_number(value)
    if math.isnan(number):
        return ""
    return (datetime.date(1970, 1, 1) + datetime.timedelta(days=int(math.floor(number)))).isoformat()


def _indexed_repeat(ctx, field, repeat, index):
    if field.data != "ref" or repeat.data != "ref":
        raise ExpressionError("indexed-repeat() takes ${field}, ${repeat}, index")
    instances = ctx.lookup(ref_name(repeat.children[0]))
    i = int(to_number(ctx.eval(index))) - 1
    if not isinstance(instances, NodeSet) or not 0 <= i < len(instances):
        return ""
    value = instances[i].get(ref_name(field.children[0]), "")
    return "" if value is None else value


_if.lazy = True
_indexed_repeat.lazy = True

FUNCTIONS = {
    "selected": _selected,
    "count-selected": _count_selected,
    "selected-at": _selected_at,
    "string-length": _string_length,
    "if": _if,
    "coalesce": _coalesce,
    "concat": _concat,
    "regex": _regex,
    "today": lambda ctx: ctx.today.isoformat(),
    "now": lambda ctx: datetime.datetime.now().replace(microsecond=0).isoformat(),
    "count": _count,
    "sum": _sum,
    "min": _extreme(min),
    "max": _extreme(max),
    "position": lambda ctx, *_: ctx.position(),
    "not": lambda ctx, value: not to_bool(value),
    "true": lambda ctx: True,
    "false": lambda ctx: False,
    "boolean": lambda ctx, value: to_bool(value),
    "number": lambda ctx, value: to_number(value),
    "string": lambda ctx, value: to_string(value),
    "int": _int,
    "round": _round,
    "contains": lambda ctx, text, part: to_string(part) in to_string(text),
    "starts-with": lambda ctx, text, part: to_string(text).startswith(to_string(part)),
    "ends-with": lambda ctx, text, part: to_string(text).endswith(to_string(part)),
    "substr": _substr,
    "normalize-space": lambda ctx, value: " ".join(to_string(value).split()),
    "date": _date,
    "once": lambda ctx, value: value,
    "indexed-repeat": _indexed_repeat,
}
