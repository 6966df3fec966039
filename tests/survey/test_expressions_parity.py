"""Python and the browser evaluate every expression alike: the shared vectors under Node, the
signature tables, and a differential test over expressions generated from the grammar.

expressions.js runs in one long-lived Node process (tests/survey/node_evaluator.py); Node is a
requirement of the test suite (``make test`` installs it), so these tests never skip.
"""
import datetime
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from citydip.survey.xlsform.expression_functions import SIGNATURES
from citydip.survey.xlsform.expressions import ExpressionError, evaluate, to_string
from tests.survey.node_evaluator import NodeEvaluator, same, tag

VECTORS = json.loads((Path(__file__).parent.parent / "fixtures/survey/expression_vectors.json").read_text())["vectors"]


@pytest.fixture(scope="module")
def node():
    evaluator = NodeEvaluator()
    yield evaluator
    evaluator.close()


def python_reply(expression, answers, path=None, today=None, choice=None, instances=None):
    """Python's evaluation in the runner's shape; any exception but ExpressionError propagates (a crash)."""
    day = datetime.date.fromisoformat(today) if today else None
    try:
        value = evaluate(expression, answers, path, today=day, choice=choice, instances=instances)
    except ExpressionError as error:
        return {"ok": False, "error": str(error)}
    return {"ok": True, "value": tag(value), "string": to_string(value)}


def assert_same(expression, answers, node, **options):
    mine = python_reply(expression, answers, **options)
    theirs = node.evaluate(expression, answers, **options)
    if not theirs["ok"]:
        assert theirs["expressionError"], f"{expression}: the browser threw {theirs['error']} (not an ExpressionError)"
    assert mine["ok"] == theirs["ok"], f"{expression}: Python {mine} but the browser {theirs}"
    if mine["ok"]:
        assert mine["string"] == theirs["string"], f"{expression}: Python {mine['string']!r}, browser {theirs['string']!r}"
        assert same(mine["value"], theirs["value"]), f"{expression}: Python {mine['value']}, browser {theirs['value']}"


def test_every_vector_gives_the_expected_value_under_node(node):
    failures = []
    for vector in VECTORS:
        reply = node.evaluate(vector["expression"], vector["answers"], vector["path"], today=vector.get("today"),
                              choice=vector.get("choice"))
        if vector.get("error"):
            ok = not reply["ok"] and reply["expressionError"]
        elif not reply["ok"]:
            ok = False
        elif vector.get("as_string"):
            ok = reply["string"] == vector["expected"]
        else:
            ok = same(tag(vector["expected"]), reply["value"]) or (
                isinstance(vector["expected"], (int, float)) and not isinstance(vector["expected"], bool)
                and reply["value"]["t"] == "number" and abs(float(reply["value"]["v"]) - vector["expected"]) < 1e-9)
        if not ok:
            failures.append((vector["expression"], reply))
    assert len(VECTORS) > 80
    assert failures == []


@pytest.mark.parametrize("vector", VECTORS, ids=lambda v: v["expression"])
def test_every_vector_gives_the_same_value_in_python_and_node(vector, node):
    assert_same(vector["expression"], vector["answers"], node, path=vector["path"], today=vector.get("today"),
                choice=vector.get("choice"))


def test_both_declare_the_same_signatures(node):
    theirs = {name: [low, high, list(kinds)] for name, (low, high, kinds) in node.signatures().items()}
    assert theirs == {name: [low, high, list(kinds)] for name, (low, high, kinds) in SIGNATURES.items()}


# The cases the issue found, and the edge inputs of the table in docs/survey.md.
EDGE_CASES = [
    "substr('abcdef','x')", "round(2.5,'x')", "string(0.0000001)", "regex('١٢','^\\d+$')", "if(1,'a')",
    "substr(${t}, ${t})", "round(2.5, ${t})", "number('١٢')", "number(' 12 ')", "number('Infinity')",
    "string(1 div 0)", "string(-1 div 0)", "string(0 div 0)", "1 div -0", "string(123456789012345678901234)",
    "string(2 * 1152921504606846976)", "string(0.1 + 0.2)", "string(-0.0000005)", "count(${r})", "sum(${r})",
    "min(${r})", "max(${missing})", "sum(${missing})", "string-length('😀a')", "substr('😀abc', 1, 3)",
    "date(-719163)", "date(2932896)", "date(2932897)", "date(0 div 0)", "number('0050-02-28')", "number('2021-02-29')",
    "int(-0.5)", "1 div int(-0.5)", "1 div round(-0.4)", "1 div floor(-0)", "1 div ceiling(-0.5)", "1 div min(0, -0)",
    "normalize-space(' a\u00a0 b\tc ')", "selected('a\u00a0b', 'a')", "count-selected('a  b\tc')",
    "round(1.005, 2)", "round(-2.5)", "round(1e300, 10)", "round(12345.678, -2)", "round(1, 1 div 0)",
    "selected-at('a b c', 1 div 0)", "selected-at('a b c', -1)", "boolean-from-string(' true ')",
    "join('-', ${r}, 'x')", "concat()", "string(${n} * 1.1)", "abs(-0)",
]


@pytest.mark.parametrize("expression", EDGE_CASES)
def test_edge_inputs_give_the_same_value(expression, node):
    answers = {"t": "hello", "n": 7, "r": [{"v": 1}, {"v": "x"}, {"v": 2.5}]}
    assert_same(expression.replace("${r}", "${v}"), answers, node, today="2024-02-29")


# -- the differential test ------------------------------------------------------------------------
NAMES = ["t", "n", "x", "m", "d", "e", "v", "w", "r"]
INSTANCES = {"l": [{"name": "a", "label": "Ay", "itextId": "static_instance-l-0", "region": "n"},
                   {"name": "b", "label": "Bee", "itextId": "static_instance-l-1", "region": "s"},
                   {"name": "c", "label": "", "itextId": "static_instance-l-2", "region": "n"}]}
PATTERNS = ["^[0-9]+$", "^\\d{3}$", "^[A-Za-z ]*$", "\\w+", "a|b", "^$", "[٠-٩]", "^.{2,5}$", "\\s", "^-?\\d+(\\.\\d+)?$",
            "x*"]
TEXT = st.one_of(st.text(alphabet="ab c-.e0123456789٠١٢\u00a0\tAZ_😀:", max_size=6),
                 st.sampled_from(["2020-02-29", "0050-01-01", "2021-02-29", "Infinity", "NaN", "1e5", " 12 ", "-.5"]))
NUMBER_LITERALS = st.sampled_from(["0", "1", "2.5", "10", "0.0000001", "123456789012345678901234", "1.5", "007", "3.14159"])


def quoted(text):
    return "'" + text.replace("'", "") + "'"


def call(name, arguments):
    return st.lists(arguments, min_size=0, max_size=4).map(lambda args: f"{name}({', '.join(args)})")


def expressions():
    refs = st.sampled_from(NAMES + ["missing"]).map(lambda n: "${" + n + "}")
    atoms = st.one_of(NUMBER_LITERALS, TEXT.map(quoted), refs, st.just("."), st.just(".."), st.sampled_from(["region", "name"]))

    def extend(inner):
        functions = [n for n in SIGNATURES if n not in ("now", "regex")]
        return st.one_of(
            st.sampled_from(functions).flatmap(lambda name: call(name, inner)),
            st.tuples(inner, st.sampled_from(PATTERNS)).map(lambda p: f"regex({p[0]}, {quoted(p[1])})"),
            st.tuples(inner, st.sampled_from(["+", "-", "*", "div", "mod", "=", "!=", "<", "<=", ">", ">=", "and", "or"]),
                      inner).map(lambda p: f"({p[0]} {p[1]} {p[2]})"),
            inner.map(lambda e: f"-{e}"),
            st.tuples(st.sampled_from(["", "[name = ${t}]", "[region = 'n']", "[2]"]), st.sampled_from(["", "/label", "/name", "/itextId"]))
            .map(lambda p: f"instance('l')/root/item{p[0]}{p[1]}"),
        )

    return st.recursive(atoms, extend, max_leaves=8)


def answer_values():
    numbers = st.one_of(st.integers(-10**6, 10**6), st.floats(allow_nan=False, allow_infinity=False))
    scalar = st.one_of(TEXT, numbers, st.lists(st.sampled_from(["a", "b", "c"]), max_size=3))
    return st.fixed_dictionaries({name: scalar for name in NAMES[:-1]}).flatmap(
        lambda base: st.lists(st.fixed_dictionaries({"v": scalar, "w": scalar}), max_size=3).map(lambda r: {**base, "r": r}))


@settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(expression=expressions(), answers=answer_values(), at=st.sampled_from([None, "t", "r[0].v", "r[2].w"]))
def test_python_and_the_browser_agree_on_generated_expressions(expression, answers, at, node):
    assert_same(expression, answers, node, path=at, today="2024-02-29", choice={"region": "n", "name": "a"},
                instances=INSTANCES)
