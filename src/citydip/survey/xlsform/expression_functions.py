"""The functions XLSForm expressions may call, each ``f(context, *values)`` with a declared signature.

Names and behaviour follow the ODK XForms specification (and XPath 1.0 where ODK defers to it) for
the subset citydip supports. Every function declares its arity and the kind of each argument in
:data:`SIGNATURES`; ``expressions.check_calls`` checks them when the form loads, so a wrong count or
an argument that can never be right (a non-numeric text where a number is wanted, a literal where a
node-set is wanted) is a located error, not a crash. A function not in :data:`FUNCTIONS` makes the
expression an error at load time (named in the message), never a silent false.

Every function is total on values of the right kind: non-numeric text reads as NaN and each
function says what NaN, Infinity and empty node-sets give (the table in docs/survey.md). The only
run-time failure left is a regex() pattern that comes from an answer and does not compile; it is an
ExpressionError. expressions.js implements the same table and the same signatures (a test compares
them).
"""
from __future__ import annotations

import datetime
import math
import re

from citydip.survey.xlsform.expressions import (
    XML_SPACE,
    ExpressionError,
    NodeSet,
    as_list,
    ref_name,
    to_bool,
    to_int,
    to_number,
    to_string,
)

# Argument kinds: "any" (converted by the function), "number" (a text literal must be numeric),
# "nodeset" (a ${reference}, instance(...) path or . / ..), "ref" (a ${reference} only).
# (minimum count, maximum count or None for any number, kinds; the last kind repeats).
SIGNATURES = {
    "selected": (2, 2, ("any", "any")),
    "count-selected": (1, 1, ("any",)),
    "selected-at": (2, 2, ("any", "number")),
    "string-length": (0, 1, ("any",)),
    "if": (3, 3, ("any", "any", "any")),
    "coalesce": (2, None, ("any",)),
    "concat": (0, None, ("any",)),
    "join": (2, None, ("any",)),
    "regex": (2, 2, ("any", "any")),
    "today": (0, 0, ()),
    "now": (0, 0, ()),
    "count": (1, 1, ("nodeset",)),
    "sum": (1, 1, ("nodeset",)),
    "min": (1, None, ("any",)),
    "max": (1, None, ("any",)),
    "position": (0, 1, ("nodeset",)),
    "not": (1, 1, ("any",)),
    "true": (0, 0, ()),
    "false": (0, 0, ()),
    "boolean": (1, 1, ("any",)),
    "boolean-from-string": (1, 1, ("any",)),
    "number": (1, 1, ("any",)),
    "string": (0, 1, ("any",)),
    "int": (1, 1, ("number",)),
    "round": (1, 2, ("number", "number")),
    "floor": (1, 1, ("number",)),
    "ceiling": (1, 1, ("number",)),
    "abs": (1, 1, ("number",)),
    "contains": (2, 2, ("any", "any")),
    "starts-with": (2, 2, ("any", "any")),
    "ends-with": (2, 2, ("any", "any")),
    "substr": (2, 3, ("any", "number", "number")),
    "normalize-space": (0, 1, ("any",)),
    "date": (1, 1, ("any",)),
    "once": (1, 1, ("any",)),
    "indexed-repeat": (3, 3, ("ref", "ref", "number")),
    "jr:itext": (1, 1, ("any",)),
    "jr:choice-name": (2, 2, ("any", "any")),
}

KIND_WORDS = {"number": "a number", "nodeset": "a node-set (a ${reference} or instance(...) path)",
              "ref": "a ${reference}", "any": "a value"}

# Days from 0001-01-01 to 1970-01-01 is 719162; date() gives "" outside years 1..9999.
_FIRST_DAY, _LAST_DAY = -719162, 2932896


def describe(name):
    """``"substr(text, number[, number])"``-style words for what a function expects."""
    low, high, kinds = SIGNATURES[name]
    count = f"exactly {low}" if low == high else f"at least {low}" if high is None else f"{low} to {high}"
    plural = "" if low == high == 1 else "s"
    return f"{name}() takes {count} argument{plural}"


def _selected(ctx, value, choice):
    return to_string(choice).strip(XML_SPACE) in as_list(value)


def _count_selected(ctx, value):
    return float(len(as_list(value)))


def _selected_at(ctx, value, index):
    items, i = as_list(value), to_int(to_number(index))
    return items[i] if 0 <= i < len(items) else ""


def _string_length(ctx, value=None):
    return float(len(to_string(ctx.current() if value is None else value)))


def _if(ctx, condition, then, otherwise):
    return ctx.eval(then) if to_bool(ctx.eval(condition)) else ctx.eval(otherwise)


def _coalesce(ctx, *values):
    for value in values:
        if to_string(value) != "":
            return value
    return ""


def _strings(values):
    parts = []
    for value in values:
        parts.extend(to_string(v) for v in value) if isinstance(value, NodeSet) else parts.append(to_string(value))
    return parts


def _concat(ctx, *values):
    return "".join(_strings(values))


def _join(ctx, separator, *values):
    return to_string(separator).join(_strings(values))


def _regex(ctx, value, pattern):
    try:
        compiled = compile_pattern(to_string(pattern))
    except re.error as error:
        raise ExpressionError(f"regex(): the pattern {to_string(pattern)!r} is not a regular expression ({error})") from None
    return compiled.search(to_string(value)) is not None


# JavaScript's \s (ECMAScript WhiteSpace and LineTerminator): Python's own \s differs both ways
# (Unicode mode adds \x1c-\x1f and \x85, ASCII mode lacks the non-breaking and wide spaces).
JS_SPACE = "\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"


def compile_pattern(pattern):
    """A regex() pattern as JavaScript's ``u`` flag reads it: ``\\d``, ``\\w``, ``\\b`` are ASCII only and
    ``\\s`` / ``\\S`` are JavaScript's white space (rewritten to an explicit class, in or out of ``[...]``)."""
    return re.compile(js_space_classes(pattern), re.ASCII)


def js_space_classes(pattern):
    """``pattern`` with each unescaped ``\\s``/``\\S`` spelled as JavaScript's class (hand-written: a scan
    of escapes and brackets; no library translates between the two dialects)."""
    out, i, in_class = [], 0, False
    while i < len(pattern):
        char = pattern[i]
        if char == "\\" and i + 1 < len(pattern):
            pair, nxt = pattern[i:i + 2], pattern[i + 1]
            if nxt == "s":
                out.append(JS_SPACE if in_class else f"[{JS_SPACE}]")
            elif nxt == "S" and not in_class:
                out.append(f"[^{JS_SPACE}]")
            else:  # \S inside a class has no plain spelling: left to Python (same for ASCII text)
                out.append(pair)
            i += 2
            continue
        if char == "[" and not in_class:
            in_class = True
        elif char == "]" and in_class:
            in_class = False
        out.append(char)
        i += 1
    return "".join(out)


def _count(ctx, value):
    if isinstance(value, NodeSet):
        return float(len(value))
    return 0.0 if value in ("", None) else 1.0


def _sum(ctx, value):
    total = 0.0
    for item in value if isinstance(value, NodeSet) else [value]:
        total += to_number(item)  # left to right, as JavaScript adds (no compensated summation)
    return total


def _extreme(smaller):
    def function(ctx, *values):
        numbers = [to_number(v) for value in values for v in (value if isinstance(value, NodeSet) else [value])]
        if not numbers or any(math.isnan(n) for n in numbers):
            return math.nan
        best = numbers[0]
        for number in numbers[1:]:
            if smaller(number, best):
                best = number
        return best

    return function


def _less(a, b):  # -0 is less than +0, as in JavaScript's Math.min
    return a < b or (a == b == 0 and math.copysign(1, a) < math.copysign(1, b))


def _floor(number):
    if not math.isfinite(number):
        return number
    return float(math.floor(number)) or math.copysign(0.0, number)  # Math.floor keeps -0


def _ceiling(number):
    if not math.isfinite(number):
        return number
    return float(math.ceil(number)) or math.copysign(0.0, number)  # Math.ceil(-0.5) is -0


def _round(ctx, value, digits=None):
    number = to_number(value)
    places = 0.0 if digits is None else to_number(digits)
    if math.isnan(number) or math.isinf(number) or math.isnan(places):
        return number if not math.isnan(places) else math.nan
    places = max(-400, min(400, to_int(places)))
    factor = float(f"1e{places}")  # correctly rounded in both languages (Math.pow is not)
    if factor == 0 or math.isinf(factor):
        return number if math.isinf(factor) else 0.0
    return _floor(number * factor + 0.5) / factor  # XPath rounds halves up


def _int(ctx, value):
    number = to_number(value)
    return number if math.isnan(number) or math.isinf(number) else math.copysign(float(math.trunc(number)), number)


def _substr(ctx, value, start, end=None):
    text = to_string(value)  # code points, as JavaScript's Array.from
    begin = to_int(to_number(start))
    return text[begin:] if end is None else text[begin:to_int(to_number(end))]


def _date(ctx, value):
    number = to_number(value)
    if math.isnan(number) or math.isinf(number):
        return ""
    days = int(math.floor(number))
    if not _FIRST_DAY <= days <= _LAST_DAY:
        return ""
    return (datetime.date(1970, 1, 1) + datetime.timedelta(days=days)).isoformat()


def _boolean_from_string(ctx, value):
    return to_string(value).strip(XML_SPACE) in ("true", "1")


def _indexed_repeat(ctx, field, repeat, index):
    instances = ctx.lookup(ref_name(repeat.children[0]))
    i = to_int(to_number(ctx.eval(index))) - 1
    if not isinstance(instances, NodeSet) or not 0 <= i < len(instances):
        return ""
    item = instances[i]
    value = item.get(ref_name(field.children[0]), "") if isinstance(item, dict) else ""
    return "" if value is None else value


def _itext(ctx, value):
    return ctx.itext(to_string(value))


def _choice_name(ctx, value, list_name):
    """The label of choice ``value`` in a list; the loader turns ODK's ``'${question}'`` into the
    question's list name (load.py), as pyxform turns it into the question's path."""
    name = to_string(value)
    for row in ctx.instances.get(to_string(list_name), []):
        if row.get("name") == name:
            return row.get("label", "")
    return ""


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
    "join": _join,
    "regex": _regex,
    "today": lambda ctx: ctx.today.isoformat(),
    "now": lambda ctx: datetime.datetime.now().replace(microsecond=0).isoformat(),
    "count": _count,
    "sum": _sum,
    "min": _extreme(_less),
    "max": _extreme(lambda a, b: _less(b, a)),
    "position": lambda ctx, *_: ctx.position(),
    "not": lambda ctx, value: not to_bool(value),
    "true": lambda ctx: True,
    "false": lambda ctx: False,
    "boolean": lambda ctx, value: to_bool(value),
    "boolean-from-string": _boolean_from_string,
    "number": lambda ctx, value: to_number(value),
    "string": lambda ctx, value=None: to_string(ctx.current() if value is None else value),
    "int": _int,
    "round": _round,
    "floor": lambda ctx, value: _floor(to_number(value)),
    "ceiling": lambda ctx, value: _ceiling(to_number(value)),
    "abs": lambda ctx, value: abs(to_number(value)),
    "contains": lambda ctx, text, part: to_string(part) in to_string(text),
    "starts-with": lambda ctx, text, part: to_string(text).startswith(to_string(part)),
    "ends-with": lambda ctx, text, part: to_string(text).endswith(to_string(part)),
    "substr": _substr,
    "normalize-space": lambda ctx, value=None: " ".join(
        w for w in re.split(f"[{XML_SPACE}]+", to_string(ctx.current() if value is None else value)) if w),
    "date": _date,
    "once": lambda ctx, value: value,
    "indexed-repeat": _indexed_repeat,
    "jr:itext": _itext,
    "jr:choice-name": _choice_name,
}
assert set(FUNCTIONS) == set(SIGNATURES)
