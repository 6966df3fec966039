"""The form engine: XLSForm questionnaires as a model, their expressions, pages and validation.

Contract (the web form, the API, exports and the demo use only these names):

- ``load_form(source, filename=None, files=None) -> Form``: source is a path, bytes or a binary file
  of an .xlsx/.xls/.csv/.md XLSForm (the type is sniffed from the content); ``files`` are the
  CSV/XML/GeoJSON files of ``select_one_from_file`` rows (for a path also read next to the form). Raises ``CitydipErrors`` (codes SURVEY-E001…E006, each with file,
  sheet, row, column) when the form cannot be used. Unsupported features do not raise: they are
  listed in ``form.problems`` (``Problem(code, message, feature, source)``, codes SURVEY-W…).
- ``Form``: ``form_id, version, title, languages`` (codes, default first), ``language_names``,
  ``default_language, settings, children, choices`` ({list_name: [Choice]}), ``problems``;
  ``walk()``, ``questions()``, ``groups()``, ``repeats()``, ``node(name)``, ``pages()``,
  ``text({lang: text}, lang)``, ``label(node, lang)``, ``choice_label(question, name, lang)``.
  Nodes: ``Question`` (name, type, label, hint, required, required_expr, required_message,
  relevant, constraint, constraint_message, choice_filter, default, read_only, appearance,
  list_name, or_other, calculation, supported, source, parent), ``Group`` (children; ``is_page``
  for field-list) and ``Repeat`` (children, repeat_count). Texts are ``{language code: text}``.
- ``Form.pages() -> [Page]``: ``Page(page_id, title, nodes, group, sections)``; ``page.questions()``,
  ``page.repeat`` (the Repeat shown on a repeat page, else None).
- Field paths: ``name``, or ``repeat[i].name`` inside the i-th (0-based) instance of a repeat.
- ``evaluate(expr, answers, path=None)`` → value (str, float, bool, list, NodeSet);
  ``evaluate_bool(expr, answers, path=None, default=True)``.
- ``is_relevant(form, node, answers, path=None) -> bool``;
  ``page_is_relevant(form, page, answers) -> bool``.
- ``validate_page(form, page, answers, lang=None) -> {path: message}``;
  ``validate_all(form, answers, lang=None) -> {path: message}``;
  ``parse_value(question, raw) -> (value, error_key)`` for posted strings.
- ``calculate_all(form, answers) -> answers`` (fills calculate questions in place);
  ``calculated(form, answers)`` (a copy with them filled, for relevance while answering);
  ``stamp_metadata(form, answers, now) -> answers`` (start, end, today, deviceid at submission);
  ``default_value(question, answers, path=None)`` (a static or dynamic default).
- ``collect_failures()``: a context manager listing the run-time expression failures (runtime.py,
  the one place that catches them) of what is evaluated inside it.
- ``choices_for(form, question, answers, path=None) -> [Choice]`` (applies choice_filter).
- ``repeat_count(form, repeat, answers, path=None) -> int | None``.
- ``interpolate(text, answers, path=None) -> str``: ``${name}`` in a label or hint filled in.
- ``fields(nodes, answers) -> iter[(question, path)]``, ``value_at(answers, path)``,
  ``set_value(answers, path, value)``.
- ``to_xform(form_source, filename=None) -> str`` (pyxform's XForm XML).

Answers follow the shared contract: keyed by XLSForm names, groups flattened, repeats as lists of
dicts, select_multiple as lists, integer int, decimal float, date "YYYY-MM-DD", unanswered absent.
"""
from citydip.survey.xlsform.expressions import ExpressionError, evaluate, evaluate_bool
from citydip.survey.xlsform.load import load_form
from citydip.survey.xlsform.model import Choice, Form, Group, Problem, Question, Repeat
from citydip.survey.xlsform.pages import Page
from citydip.survey.xlsform.runtime import collect_failures
from citydip.survey.xlsform.skip_logic import (
    calculate_all,
    calculated,
    choices_for,
    default_value,
    fields,
    interpolate,
    is_relevant,
    page_is_relevant,
    repeat_count,
    set_value,
    stamp_metadata,
    value_at,
)
from citydip.survey.xlsform.validate import parse_value, validate_all, validate_page
from citydip.survey.xlsform.xform import to_xform

__all__ = [
    "Choice", "ExpressionError", "Form", "Group", "Page", "Problem", "Question", "Repeat",
    "calculate_all", "calculated", "choices_for", "collect_failures", "default_value", "evaluate", "evaluate_bool", "fields", "interpolate", "is_relevant", "load_form",
    "page_is_relevant", "parse_value", "repeat_count", "set_value", "to_xform", "validate_all",
    "stamp_metadata", "validate_page", "value_at",
]
