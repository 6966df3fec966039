"""The expression evaluator against the shared vectors (the browser runs the same file)."""
import datetime
import json
import math
from pathlib import Path

import pytest

from citydip.survey.xlsform.expressions import ExpressionError, evaluate, references, to_string

VECTORS = json.loads((Path(__file__).parent.parent / "fixtures/survey/expression_vectors.json").read_text())["vectors"]


def run_vector(vector):
    today = datetime.date.fromisoformat(vector["today"]) if vector.get("today") else None
    return evaluate(vector["expression"], vector["answers"], vector["path"], today=today, choice=vector.get("choice"))


def matches(vector, value):
    expected = vector["expected"]
    if vector.get("as_string"):
        return to_string(value) == expected
    if isinstance(expected, bool):
        return value is expected
    if isinstance(expected, (int, float)):
        return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isclose(value, expected)
    return value == expected


@pytest.mark.parametrize("vector", [v for v in VECTORS if not v.get("error")], ids=lambda v: v["expression"])
def test_it_gives_the_expected_value(vector):
    value = run_vector(vector)
    assert matches(vector, value), f"{vector['expression']} at {vector['path']} gave {value!r}"


@pytest.mark.parametrize("vector", [v for v in VECTORS if v.get("error")], ids=lambda v: v["expression"])
def test_it_rejects_what_it_cannot_read(vector):
    with pytest.raises(ExpressionError):
        run_vector(vector)


def test_it_names_the_unsupported_function():
    with pytest.raises(ExpressionError, match=r"format-date\(\)"):
        evaluate("format-date(today(), '%Y')", {})


def test_it_lists_the_names_an_expression_refers_to():
    assert references("${a} > 1 and selected(${b}, 'x')") == ["a", "b"]


def test_it_does_not_evaluate_python():
    with pytest.raises(ExpressionError):
        evaluate("__import__('os').system('true')", {})


def test_an_empty_expression_is_empty():
    assert evaluate("", {"a": 1}) == ""
