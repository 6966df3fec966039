"""What the web form and the API do to answers before they are stored: prune, calculate, validate.

The form engine (``citydip.survey.xlsform``) decides what is valid; this module applies it the same
way for a page of the web form, a partial save through the API and a submission. As in ODK, the
answer of a question that is not relevant (skipped) is not kept at submission.
"""
import copy

from django.utils import timezone

from citydip.core.errors import CitydipError, CitydipErrors
from citydip.survey import xlsform as engine
from citydip.survey.page_fields import join, safe_relevant
from citydip.survey.xlsform.model import Group, Repeat


class ValidationFailed(CitydipErrors):
    """Answers the engine rejected; ``errors`` maps field paths to messages (in the respondent's language)."""

    def __init__(self, errors):
        self.by_path = dict(errors)
        super().__init__([CitydipError("SURVEY-E202", message, field=path) for path, message in self.by_path.items()])


def as_messages(result):
    """The engine's validation result as ``{path: message}`` (it may give lists of messages per path)."""
    messages = {}
    for path, value in (result or {}).items():
        if isinstance(value, (list, tuple)):
            value = " ".join(str(v) for v in value)
        messages[path] = str(value)
    return messages


def prune(form, root, scope=None, nodes=None, prefix="", keep_empty=False):
    """One scope of ``root`` (the whole answers) without irrelevant answers and empty repeat entries.

    Relevance is evaluated on ``root`` at each field path, so expressions inside repeats see both
    their own entry and the top level. ``keep_empty`` keeps empty repeat entries (a page being filled)."""
    kept = dict(root if scope is None else scope)
    for node in form.children if nodes is None else nodes:
        path = join(prefix, node.name)
        relevant = safe_relevant(node, root, path)
        if isinstance(node, Repeat):
            entries = [(i, e) for i, e in enumerate(kept.pop(node.name, None) or []) if isinstance(e, dict) and (keep_empty or _answered(e))]
            if relevant and entries:
                kept[node.name] = [prune(form, root, e, node.children, f"{path}[{i}]", keep_empty) for i, e in entries]
        elif isinstance(node, Group):
            if relevant:
                kept = prune(form, root, kept, node.children, prefix, keep_empty)
            else:
                for question in _questions(node):
                    kept.pop(question.name, None)
        elif not relevant:
            kept.pop(node.name, None)
    return kept


def _answered(entry):
    return any(v not in (None, "", []) for v in entry.values())


def prune_all(form, answers, keep_empty=False):
    """The answers without irrelevant ones; relevance sees the form's calculations of these answers
    (a ``relevant`` may read a calculate question, which is not stored until submission)."""
    calculated = engine.calculate_all(form, copy.deepcopy(answers))
    return prune(form, calculated, scope=answers, keep_empty=keep_empty)


def _questions(group):
    for child in group.children:
        if isinstance(child, Group) and not isinstance(child, Repeat):
            yield from _questions(child)
        else:
            yield child


def prune_page_values(form, page, names, answers):
    """The answers of one page's keys that survive pruning (as ``prune_all`` would keep them).

    Only the page's own nodes and the groups that hold it (``page.containers``) are evaluated: the
    page's keys belong to no other node (names are unique in a form), so the rest of the form cannot
    change what is kept of them."""
    calculated = engine.calculated(form, answers)
    if any(not safe_relevant(group, calculated, group.name) for group in page.containers):
        return {}
    pruned = prune(form, calculated, scope=answers, nodes=page.nodes, keep_empty=True)
    return {name: pruned[name] for name in names if name in pruned}


def with_calculations(form, answers):
    calculated = engine.calculate_all(form, answers) or {}
    return {**answers, **{k: v for k, v in calculated.items() if v not in (None, "")}}


def page_errors(form, page, answers, lang):
    return as_messages(engine.validate_page(form, page, answers, lang))


def finalise_answers(form, answers, lang):
    """The answers to store at submission, or ValidationFailed with every problem of the response."""
    answers = with_calculations(form, prune_all(form, answers))
    engine.stamp_metadata(form, answers, timezone.localtime())  # start, end, today, deviceid: stored, not shown
    errors = as_messages(engine.validate_all(form, answers, lang))
    if errors:
        raise ValidationFailed(errors)
    return answers
