"""Property-based tests of the XLSForm expression evaluator (citydip.survey.xlsform.evaluate).

Whatever a form author (or a spreadsheet gone wrong) writes, the evaluator either returns a value or
raises its documented ExpressionError, never anything else; and its arithmetic agrees with Python's.
"""
import contextlib
import math

from hypothesis import given, settings
from hypothesis import strategies as st

from citydip.survey.xlsform import ExpressionError, evaluate, evaluate_bool

BOUNDED = settings(max_examples=150, deadline=None, database=None, derandomize=True)
ANSWERS = {"year": 2005, "name": "Wuhan", "areas": ["economy", "culture"], "partners": [{"partner_year": 1999}]}
TOKENS = st.sampled_from(["${year}", "${name}", "${areas}", "${partners}", "${nope}", ".", "..", "1", "2.5", "-3",
                          "'a'", '"b"', "+", "-", "*", "div", "mod", "=", "!=", "<", ">=", "and", "or", "(", ")",
                          ",", "not(", "selected(", "count(", "concat(", "if(", "string-length(", "today()",
                          "number(", "sum(", "/", "[", "]", "@", "::", "$", "{", "}", "position(..)"])


@BOUNDED
@given(st.text(max_size=60))
def test_any_text_is_a_value_or_an_expression_error(text):
    with contextlib.suppress(ExpressionError):
        evaluate(text, ANSWERS, path="year")


@BOUNDED
@given(st.lists(TOKENS, max_size=12).map(" ".join))
def test_any_sequence_of_expression_tokens_is_a_value_or_an_expression_error(text):
    try:
        evaluate(text, ANSWERS, path="partners[0].partner_year")
        evaluate_bool(text, ANSWERS, path="year")
    except ExpressionError:
        pass


NUMBERS = st.integers(min_value=-10**6, max_value=10**6) | st.floats(min_value=-1e6, max_value=1e6,
                                                                       allow_nan=False).map(lambda x: round(x, 3))


def literal(x):
    return repr(float(x)) if isinstance(x, float) else str(x)


@BOUNDED
@given(NUMBERS, NUMBERS, st.sampled_from([("+", lambda a, b: a + b), ("-", lambda a, b: a - b),
                                          ("*", lambda a, b: a * b)]))
def test_arithmetic_agrees_with_python(a, b, op):
    symbol, python = op
    value = evaluate(f"{literal(a)} {symbol} ({literal(b)})", {})
    assert math.isclose(value, python(a, b), rel_tol=1e-9, abs_tol=1e-9)


@BOUNDED
@given(NUMBERS, NUMBERS.filter(lambda b: b != 0))
def test_division_agrees_with_python(a, b):
    assert math.isclose(evaluate(f"{literal(a)} div ({literal(b)})", {}), a / b, rel_tol=1e-9, abs_tol=1e-9)


@BOUNDED
@given(NUMBERS, NUMBERS)
def test_comparisons_agree_with_python(a, b):
    assert evaluate(f"${{x}} < {literal(b)}", {"x": a}) is (a < b)
    assert evaluate(f"${{x}} = {literal(b)}", {"x": a}) is (a == b)
