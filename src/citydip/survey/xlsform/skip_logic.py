"""What the answers so far switch on: relevance, calculations, filtered choices, field paths.

Everything here evaluates the form's expressions through runtime.py (expressions.py, the one
evaluator, with the one place that catches a failure). An expression the loader could not support
was already removed (and named in form.problems), so a node without ``relevant`` is always relevant.
"""
from __future__ import annotations

import copy
import math
import re

from citydip.survey.xlsform.expressions import Context, NodeSet, parse_path, to_number, to_string
from citydip.survey.xlsform.model import Group, Question, Repeat
from citydip.survey.xlsform.runtime import node_bool, node_value


def is_relevant(form, node, answers, path=None):
    """Whether ``node`` is shown for these answers: its own relevant and every enclosing group's.

    ``path`` is the field path of the node (``partners[0].partner_year``); for nodes outside
    repeats it may be omitted.
    """
    chain = [node] + node.ancestors
    return all(not item.relevant or node_bool(item, "relevant", item.relevant, answers, path or item.name)
               for item in chain)


def page_is_relevant(form, page, answers):
    """A page is shown when its groups are relevant and at least one of its questions is."""
    for group in page.containers:
        if group.relevant and not node_bool(group, "relevant", group.relevant, answers, group.name):
            return False
    return any(
        question.type != "calculate" and not question.is_meta and is_relevant(form, question, answers, path)
        for question, path in fields(page.nodes, answers, include_empty_repeats=True)
    )


def fields(nodes, answers, prefix="", include_empty_repeats=False):
    """(question, field path) of every question under ``nodes``, one per repeat instance."""
    for node in nodes:
        if isinstance(node, Repeat):
            instances = value_at(answers, prefix + node.name)
            count = len(instances) if isinstance(instances, list) else 0
            if count == 0 and include_empty_repeats:
                yield from fields(node.children, answers, f"{prefix}{node.name}[0].", False)
            for index in range(count):
                yield from fields(node.children, answers, f"{prefix}{node.name}[{index}].", include_empty_repeats)
        elif isinstance(node, Group):
            yield from fields(node.children, answers, prefix, include_empty_repeats)
        elif isinstance(node, Question):
            yield node, prefix + node.name


def value_at(answers, path):
    """The answer at a field path, or None when there is none."""
    value = answers
    for name, index in parse_path(path):
        if not isinstance(value, dict) or name not in value:
            return None
        value = value[name]
        if index is not None:
            if not isinstance(value, list) or index >= len(value):
                return None
            value = value[index]
    return value


def set_value(answers, path, value):
    """Store (or, for None, remove) the answer at a field path; repeat instances must exist."""
    steps = parse_path(path)
    target = answers
    for name, index in steps[:-1]:
        target = target[name][index]
    name = steps[-1][0]
    if value is None or value == "" or value == []:
        target.pop(name, None)
    else:
        target[name] = value


def calculate_all(form, answers):
    """Fill every calculate question (in form order, inside repeats per instance); returns answers.

    Results are stored as the answer format wants them: whole numbers as int, other numbers as
    float, true/false as "true"/"false", empty or NaN results leave the key absent.
    """
    calculated = [q for q in form.questions() if q.calculation]
    for question in calculated:
        for found, path in fields([question_scope(form, question)], answers):
            if found is not question:
                continue
            sentinel = object()
            value = node_value(question, "calculation", question.calculation, answers, path, sentinel)
            if value is not sentinel:
                set_value(answers, path, answer_value(value))
    return answers


def calculated(form, answers):
    """A copy of the answers with the form's calculations filled in: what relevance, labels and the
    page flow read while a respondent answers (calculations are stored only at submission)."""
    if not any(q.calculation for q in form.questions()):
        return answers
    return calculate_all(form, copy.deepcopy(answers or {}))


def stamp_metadata(form, answers, now, device_id="citydip-web"):
    """Record the metadata questions a form asks for (start, end, today, deviceid) in the answers, as
    ODK clients do: ``start`` and ``deviceid`` once, ``end`` and ``today`` at every call (submission).
    They are stored, never shown. ``now`` is an aware or naive datetime; returns answers."""
    stamps = {"start": now.isoformat(timespec="seconds"), "end": now.isoformat(timespec="seconds"),
              "today": now.date().isoformat(), "deviceid": device_id}
    for question in form.questions():
        if question.type in stamps and not question.repeats:
            if question.type in ("start", "deviceid"):
                answers.setdefault(question.name, stamps[question.type])
            else:
                answers[question.name] = stamps[question.type]
    return answers


def question_scope(form, question):
    """The outermost repeat holding the question, or the question itself (for ``fields``)."""
    repeats = question.repeats
    return repeats[0] if repeats else question


def answer_value(value):
    if isinstance(value, NodeSet):  # a node-set is stored as its string-value (XPath's first node)
        value = to_string(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        if math.isnan(value) or math.isinf(value):
            return None
        return int(value) if value.is_integer() else value
    if isinstance(value, (int, list)):
        return value
    return to_string(value) or None


_REFERENCE = re.compile(r"\$\{\s*([A-Za-z_][\w.\-]*)\s*\}")


def interpolate(text, answers, path=None):
    """A label or hint with each ``${name}`` replaced by that answer (as text), as ODK shows it."""
    if not text or "${" not in text:
        return text
    return _REFERENCE.sub(lambda m: to_string(Context(answers or {}, path).lookup(m.group(1))), text)


def default_value(question, answers, path=None):
    """A question's ``default``: the text itself, or the value of a dynamic default (an expression
    with ``${name}`` or a function call, as pyxform reads it); None when there is none."""
    text = (question.default or "").strip()
    if not text:
        return None
    if "${" not in text and "(" not in text:
        return text
    value = answer_value(node_value(question, "default", text, answers, path, ""))
    return None if value in (None, "") else value


def choices_for(form, question, answers, path=None):
    """The choices of a select question that its choice_filter lets through, in sheet order."""
    options = form.choice_list(question)
    if not question.choice_filter:
        return list(options)
    kept = []
    for choice in options:
        columns = {**choice.extra, "name": choice.name}
        if node_bool(question, "choice_filter", question.choice_filter, answers, path or question.name, True, columns):
            kept.append(choice)
    return kept


def repeat_count(form, repeat, answers, path=None):
    """The number of instances ``repeat_count`` asks for, or None for an open-ended repeat."""
    if not repeat.repeat_count:
        return None
    number = to_number(node_value(repeat, "repeat_count", repeat.repeat_count, answers, path or repeat.name, ""))
    return None if math.isnan(number) or math.isinf(number) else max(0, int(number))
