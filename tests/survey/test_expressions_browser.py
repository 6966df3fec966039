"""static/survey/expressions.js in headless Chromium gives every shared vector's value."""
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
SCRIPT = ROOT / "src/citydip/survey/static/survey/expressions.js"
VECTORS = json.loads((ROOT / "tests/fixtures/survey/expression_vectors.json").read_text())["vectors"]

RUN_VECTORS = """(vectors) => {
  const E = window.CitydipExpressions;
  const failures = [];
  for (const v of vectors) {
    let result, error = null;
    try { result = E.evaluate(v.expression, v.answers, v.path, {today: v.today, choice: v.choice}); }
    catch (e) { error = e; }
    let ok;
    if (v.error) ok = error instanceof E.ExpressionError;
    else if (error) ok = false;
    else if (v.as_string) ok = E.toString(result) === v.expected;
    else if (typeof v.expected === "boolean") ok = result === v.expected;
    else if (typeof v.expected === "number")
      ok = typeof result === "number" && Math.abs(result - v.expected) <= 1e-9 * Math.max(1, Math.abs(v.expected));
    else ok = JSON.stringify(result) === JSON.stringify(v.expected);
    if (!ok) failures.push([v.expression, v.path, error ? String(error) : JSON.stringify(result)]);
  }
  return {ran: vectors.length, failures};
}"""


def test_it_gives_every_vector_the_servers_value(page):
    page.set_content("<!DOCTYPE html><html><head><title>vectors</title></head><body></body></html>")
    page.add_script_tag(path=str(SCRIPT))
    outcome = page.evaluate(RUN_VECTORS, VECTORS)
    assert outcome["ran"] == len(VECTORS) > 80
    assert outcome["failures"] == []


def test_it_lists_references_for_live_updates(page):
    page.set_content("<!DOCTYPE html><html><head><title>refs</title></head><body></body></html>")
    page.add_script_tag(path=str(SCRIPT))
    names = page.evaluate("() => CitydipExpressions.references(\"${a} = 'x' or selected(${b}, 'y')\")")
    assert names == ["a", "b"]


def test_it_does_not_use_eval(page):
    source = SCRIPT.read_text()
    assert "eval(" not in source
    assert "new Function" not in source


def test_it_fills_answers_into_labels_like_the_server(page):
    from citydip.survey.xlsform import interpolate

    page.set_content("<!DOCTYPE html><html><head><title>labels</title></head><body></body></html>")
    page.add_script_tag(path=str(SCRIPT))
    answers = {"r": [{"n": "Ana"}, {"n": "Bo"}], "k": 3}
    text = "Does ${n} work? (${k} people)"
    browser_text = page.evaluate("([t, a]) => CitydipExpressions.interpolate(t, a, 'r[1].w')", [text, answers])
    assert browser_text == interpolate(text, answers, "r[1].w") == "Does Bo work? (3 people)"
