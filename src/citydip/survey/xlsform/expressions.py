"""One evaluator for the XLSForm expressions of a form (relevant, constraint, calculation,
choice_filter, required, repeat_count): the server side and the truth.

The grammar (expressions.lark) is parsed with lark; there is no ``eval``. The browser evaluates the
same grammar in static/survey/expressions.js, and tests/fixtures/survey/expression_vectors.json
holds the cases both must agree on.

Values follow XPath 1.0 as ODK uses it: an unanswered question is the empty string; a
select_multiple answer (a JSON list) is its choices joined by spaces when read as a string; a date
("YYYY-MM-DD") read as a number is its day count since 1970-01-01, so ``${d} < today()`` works;
``=`` compares numbers when either side is a number, strings otherwise.

``${name}`` is looked up from the context path outwards: inside a repeat instance first (also
when the question is unanswered there, as soon as any instance of that repeat has answered it),
then in each enclosing scope, and last across all repeat instances of the answers (a node set,
for ``count()`` and ``sum()``). A path is ``name`` or ``repeat[i].name`` (0-based index).

``instance('list')/root/item[predicate]/column`` reads the rows of a secondary instance (the
form's own choice lists, or a CSV/XML/GeoJSON file of a ``select_one_from_file``), passed as
``instances={name: [row dict]}``; inside the predicate bare names are the row's columns, as in a
choice_filter. ``jr:itext(id)`` gives the label of the row with that ``itextId``.

Every call is checked when the expression is parsed (:func:`check_calls`): the number of
arguments and the kinds the function declares in expression_functions.SIGNATURES. A failure inside
a function at run time becomes an ExpressionError naming the function, never another exception.
"""
from __future__ import annotations

import datetime
import functools
import math
import re
from pathlib import Path

from lark import Lark, Token
from lark.exceptions import LarkError, UnexpectedInput

GRAMMAR = Path(__file__).with_name("expressions.lark").read_text(encoding="utf-8")
# cache=True keeps the built LALR tables in the temporary directory (keyed by the grammar's hash): a
# command such as check-form then starts without rebuilding them.
_parser = Lark(GRAMMAR, parser="lalr", maybe_placeholders=False, propagate_positions=True, cache=True)
_DATE = re.compile(r"^([0-9]{4})-([0-9]{2})-([0-9]{2})")
_NUMBER = re.compile(r"-?([0-9]+(\.[0-9]*)?|\.[0-9]+)")
XML_SPACE = " \t\r\n"  # XPath's whitespace (number(), normalize-space()); not Unicode's
_MAX_INT = 2**53
_PATH_STEP = re.compile(r"^([A-Za-z_][\w\-]*)(?:\[(\d+)\])?$")


class ExpressionError(ValueError):
    """An expression that does not parse, calls a function wrongly, or fails at run time.

    ``column`` is the 1-based character of the expression; ``function`` the function at fault.
    """

    def __init__(self, message, expression="", column=None, function=None):
        self.expression = expression
        self.column = column
        self.function = function
        super().__init__(message)


class NodeSet(list):
    """Values of one question across repeat instances (XPath node-set), or a repeat's instances."""


@functools.lru_cache(maxsize=2048)
def parse(expression):
    """The syntax tree of an expression; ExpressionError when it does not parse."""
    try:
        tree = _parser.parse(expression)
    except UnexpectedInput as error:
        column = getattr(error, "column", None)
        near = expression[max(0, (column or 1) - 1):][:15]
        raise ExpressionError(f"cannot read the expression near “{near}” (column {column})", expression, column) from None
    except LarkError as error:  # pragma: no cover - lark's other errors
        raise ExpressionError(str(error), expression) from None
    unknown = sorted({name for name in called_functions(tree) if name not in FUNCTIONS})
    if unknown:
        raise ExpressionError(f"function not supported: {', '.join(unknown)}()", expression)
    check_calls(tree, expression)
    return tree


_NODESET_NODES = ("ref", "instance", "current", "parent")


def check_calls(tree, expression):
    """ExpressionError when a call has the wrong number of arguments or an argument of a kind the
    function can never use; and when an instance() path is not ``/root/item[...]/column``."""
    for node in tree.iter_subtrees_topdown():
        if node.data == "instance":
            check_instance(node, expression)
        if node.data != "call":
            continue
        name, args = node.children[0].value, node.children[1:]
        low, high, kinds = SIGNATURES[name]
        column = getattr(node.meta, "column", None)
        if len(args) < low or (high is not None and len(args) > high):
            raise ExpressionError(f"{describe(name)}, not {len(args)} (character {column})", expression, column, name)
        for position, arg in enumerate(args, start=1):
            kind = kinds[min(position, len(kinds)) - 1] if kinds else "any"
            wrong = (
                (kind == "number" and arg.data == "string" and math.isnan(to_number(arg.children[0].value[1:-1])))
                or (kind == "nodeset" and arg.data not in _NODESET_NODES)
                or (kind == "ref" and arg.data != "ref")
            )
            if wrong:
                raise ExpressionError(f"{name}() expects {KIND_WORDS[kind]} as argument {position}, not "
                                      f"{_source(expression, arg)} (character {column})", expression, column, name)


def check_instance(node, expression):
    steps = node.children[2:]
    names = [step.children[0].value for step in steps]
    shape_ok = (
        len(steps) in (2, 3) and names[:2] == ["root", "item"] and len(steps[0].children) == 1
        and (len(steps) == 2 or len(steps[2].children) == 1)
    )
    if not shape_ok:
        raise ExpressionError("an instance() path reads instance('list')/root/item[condition]/column, not "
                              f"{_source(expression, node)}", expression, getattr(node.meta, "column", None), "instance")


def instance_names(tree):
    """The secondary instances an expression reads (their names, unquoted)."""
    return [t.children[1].value[1:-1] for t in tree.iter_subtrees() if t.data == "instance"]


def _source(expression, node):
    meta = node.meta
    if getattr(meta, "empty", True):
        return "that"
    return f"“{expression[meta.start_pos:meta.end_pos]}”"


def called_functions(tree):
    return [t.children[0].value for t in tree.iter_subtrees() if t.data == "call"]


def references(expression):
    """Names referenced as ${name} by an expression (parse errors raise ExpressionError)."""
    tree = parse(expression)
    return [ref_name(t) for t in tree.scan_values(lambda v: isinstance(v, Token) and v.type == "REF")]


def ref_name(token):
    return token.value[2:-1].strip()


def parse_path(path):
    """``"partners[1].partner_year"`` → ``[("partners", 1), ("partner_year", None)]``."""
    if not path:
        return []
    steps = []
    for part in path.split("."):
        match = _PATH_STEP.match(part)
        if not match:
            raise ValueError(f"not a field path: {path!r}")
        steps.append((match.group(1), int(match.group(2)) if match.group(2) is not None else None))
    return steps


def evaluate(expression, answers, path=None, today=None, choice=None, instances=None):
    """The value of an XLSForm expression for these answers, at this field path.

    ``choice`` (a dict of a choice row's columns) gives bare names their values in a choice_filter;
    ``instances`` ({name: [row dict]}) are the secondary instances ``instance('name')`` reads.
    """
    if expression is None or str(expression).strip() == "":
        return ""
    return Context(answers or {}, path, today, choice, instances).eval(parse(str(expression)))


def evaluate_bool(expression, answers, path=None, default=True, today=None, choice=None, instances=None):
    """An expression read as a condition; an empty expression is ``default``."""
    if expression is None or str(expression).strip() == "":
        return default
    return to_bool(evaluate(expression, answers, path, today, choice, instances))


# -- conversions (XPath 1.0) ------------------------------------------------------------------
def to_string(value):
    if isinstance(value, NodeSet):
        return to_string(value[0]) if value else ""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return format_number(value)
    if isinstance(value, dict):  # a repeat instance: its text content, as XPath's string-value
        return "".join(to_string(v) for v in value.values())
    if isinstance(value, list):
        if value and all(isinstance(v, dict) for v in value):
            return "".join(to_string(v) for v in value)
        return " ".join(to_string(v) for v in value)
    return str(value)


def format_number(number):
    """XPath 1.0's string of a number: plain decimal digits, never an exponent (1e-07 is 0.0000001).

    The digits are the shortest that read back as the same number (Python's repr, JavaScript's
    toExponential()), so both evaluators write every number alike.
    """
    if isinstance(number, int):
        return str(number)
    if math.isnan(number):
        return "NaN"
    if math.isinf(number):
        return "Infinity" if number > 0 else "-Infinity"
    if number == 0:
        return "0"
    mantissa, _, exponent = repr(abs(number)).partition("e")
    whole, _, fraction = mantissa.partition(".")
    return ("-" if number < 0 else "") + plain_decimal(whole + fraction, len(whole) + int(exponent or 0))


def plain_decimal(digits, point):
    """Digits with the decimal point after ``point`` of them, without leading or trailing zeros."""
    stripped = digits.lstrip("0")
    point -= len(digits) - len(stripped)
    digits = stripped.rstrip("0") or "0"
    if point <= 0:
        return "0." + "0" * -point + digits
    if point >= len(digits):
        return digits + "0" * (point - len(digits))
    return digits[:point] + "." + digits[point:]


def to_number(value):
    if isinstance(value, bool):
        return 1.0 if value else 0.0
    if isinstance(value, (int, float)):
        return float(value)
    if isinstance(value, NodeSet):
        return to_number(value[0]) if value else math.nan
    text = to_string(value).strip(XML_SPACE)
    date = _DATE.match(text)
    if date and (len(text) == 10 or text[10:11] == "T"):
        try:
            day = datetime.date(int(date.group(1)), int(date.group(2)), int(date.group(3)))
        except ValueError:
            return math.nan
        return float((day - datetime.date(1970, 1, 1)).days)
    if _NUMBER.fullmatch(text):  # ASCII digits only: "١٢" is not a number (XPath 1.0)
        return float(text)
    return math.nan


def to_int(number):
    """A number as an index: truncated; NaN is 0 and the infinities are ±2**53 (as Java's (int) cast)."""
    if math.isnan(number):
        return 0
    if math.isinf(number):
        return _MAX_INT if number > 0 else -_MAX_INT
    return max(-_MAX_INT, min(_MAX_INT, math.trunc(number)))


def to_bool(value):
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)):
        return not (value == 0 or math.isnan(value))
    if isinstance(value, NodeSet):
        return len(value) > 0
    return to_string(value) != ""


def as_list(value):
    """A select_multiple answer as a list of choice names."""
    if isinstance(value, NodeSet):
        value = value[0] if value else ""
    if isinstance(value, list):
        return [to_string(v) for v in value]
    return [word for word in re.split(f"[{XML_SPACE}]+", to_string(value)) if word]


def compare(op, left, right):
    if isinstance(left, NodeSet):
        return any(compare(op, item, right) for item in left)
    if isinstance(right, NodeSet):
        return any(compare(op, left, item) for item in right)
    if op in ("=", "!="):
        if isinstance(left, bool) or isinstance(right, bool):
            equal = to_bool(left) == to_bool(right)
        elif _is_number(left) or _is_number(right):
            equal = to_number(left) == to_number(right)
        else:
            equal = to_string(left) == to_string(right)
        return equal if op == "=" else not equal
    a, b = to_number(left), to_number(right)
    return {"<": a < b, "<=": a <= b, ">": a > b, ">=": a >= b}[op]


def _is_number(value):
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def arith(op, a, b):
    if op == "+":
        return a + b
    if op == "-":
        return a - b
    if op == "*":
        return a * b
    if op == "div":
        if b == 0:
            if a == 0 or math.isnan(a):
                return math.nan
            return math.copysign(math.inf, math.copysign(1, a) * math.copysign(1, b))  # 1 div -0 is -Infinity
        return a / b
    if b == 0 or math.isinf(a) or math.isnan(a) or math.isnan(b):
        return math.nan
    return math.fmod(a, b)


class Context:
    """The answers and the place an expression is evaluated at."""

    def __init__(self, answers, path=None, today=None, choice=None, instances=None):
        self.answers = answers
        self.choice = choice or {}
        self.instances = instances or {}
        self.steps = parse_path(path) if isinstance(path, str) or path is None else list(path)
        self.today = today or datetime.date.today()

    # -- resolving ${name}, . and .. --------------------------------------------------------
    def scopes(self):
        """(repeat list, instance dict) from the outermost scope to the innermost."""
        scopes, current = [(None, self.answers)], self.answers
        for name, index in self.steps:
            if index is None or not isinstance(current, dict):
                break
            instances = current.get(name)
            if not isinstance(instances, list) or index >= len(instances) or not isinstance(instances[index], dict):
                scopes.append(([], {}))
                break
            current = instances[index]
            scopes.append((instances, current))
        return scopes

    def lookup(self, name):
        for instances, scope in reversed(self.scopes()):
            if name in scope:
                return _as_value(scope[name])
            if instances and any(isinstance(i, dict) and name in i for i in instances):
                return ""
        found = NodeSet()
        _collect(self.answers, name, found)
        return found if found else ""

    def current(self):
        value = self.answers
        for name, index in self.steps:
            value = value.get(name, "") if isinstance(value, dict) else ""
            if index is not None:
                value = value[index] if isinstance(value, list) and index < len(value) else {}
        return _as_value(value)

    def position(self):
        indices = [index for _, index in self.steps if index is not None]
        return float(indices[-1] + 1) if indices else 1.0

    # -- evaluation ---------------------------------------------------------------------------
    def eval(self, node):
        return getattr(self, "node_" + node.data)(*node.children)

    def node_number(self, token):
        return float(token.value)

    def node_string(self, token):
        return token.value[1:-1]

    def node_ref(self, token):
        return self.lookup(ref_name(token))

    def node_name(self, token):
        value = self.choice.get(token.value, "")
        return "" if value is None else value

    def node_current(self):
        return self.current()

    def node_parent(self):
        return self.current()

    def node_or_(self, left, right):
        return to_bool(self.eval(left)) or to_bool(self.eval(right))

    def node_and_(self, left, right):
        return to_bool(self.eval(left)) and to_bool(self.eval(right))

    def node_compare(self, left, op, right):
        return compare(op.value, self.eval(left), self.eval(right))

    def node_arith(self, left, op, right):
        return arith(op.value, to_number(self.eval(left)), to_number(self.eval(right)))

    def node_neg(self, operand):
        return -to_number(self.eval(operand))

    def node_call(self, name, *args):
        function = FUNCTIONS[name.value]
        if getattr(function, "lazy", False):
            return self.call(name.value, function, args)
        return self.call(name.value, function, [self.eval(arg) for arg in args])

    def call(self, name, function, args):
        try:
            return function(self, *args)
        except ExpressionError as error:
            error.function = error.function or name
            raise
        except (ArithmeticError, ValueError, TypeError, IndexError, KeyError, AttributeError, RecursionError) as error:
            raise ExpressionError(f"{name}() failed: {error}", function=name) from None

    def node_instance(self, _keyword, name, *steps):
        rows = self.instances.get(name.value[1:-1], [])
        predicate = steps[1].children[1] if len(steps[1].children) > 1 else None
        column = steps[2].children[0].value if len(steps) > 2 else None
        found = NodeSet()
        for index, row in enumerate(rows):
            if predicate is not None:
                verdict = Context(self.answers, self.steps, self.today, row, self.instances).eval(predicate)
                if (index + 1 != verdict) if _is_number(verdict) else not to_bool(verdict):
                    continue
            found.append(row if column is None else _as_value(row.get(column, "")))
        return found

    def itext(self, key):
        """The label of the instance row whose ``itextId`` is ``key`` (jr:itext), else ""."""
        for rows in self.instances.values():
            for row in rows:
                if row.get("itextId") == key:
                    return row.get("label", "")
        return ""


def _as_value(value):
    if isinstance(value, list) and all(isinstance(v, dict) for v in value):
        return NodeSet(value)  # a repeat's instances (an empty list: none yet)
    return "" if value is None else value


def _collect(data, name, found):
    """Values of ``name`` in every repeat instance under ``data`` (a repeat's own instances flattened)."""
    for key, value in data.items():
        if key == name:
            found.extend(value) if isinstance(value, list) and all(isinstance(v, dict) for v in value) else found.append(value)
        elif isinstance(value, list):
            for item in value:
                if isinstance(item, dict):
                    _collect(item, name, found)


# The functions are in expression_functions.py; imported last because they use the helpers above.
from citydip.survey.xlsform.expression_functions import FUNCTIONS, KIND_WORDS, SIGNATURES, describe  # noqa: E402
