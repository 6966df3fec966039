"""Reading a response back: the form a wave fielded, and its answers as labelled rows per page.

Used by the respondent's "check your answers" page, the read-only view after submission and the
researchers' response page, so all three show the same thing.
"""
from django.utils.translation import pgettext

from citydip.core.memory import settle
from citydip.survey.page_fields import get_path, join, place_id_name, safe_relevant, widget_for
from citydip.survey.xlsform.model import Group, Question, Repeat

_FORMS = {}


def load_wave_form(wave):
    """The form model of a wave's questionnaire (parsed once per questionnaire checksum and process)."""
    from citydip.survey.xlsform import load_form

    questionnaire = wave.questionnaire
    key = questionnaire.checksum or questionnaire.pk
    if key not in _FORMS:
        _FORMS[key] = load_form(bytes(questionnaire.content), filename=questionnaire.filename)
        settle()  # the form lives as long as the process: keep the garbage collector off it (core/memory.py)
    return _FORMS[key]


def display_value(form, question, value, lang):
    if value is None or value == "" or value == []:
        return ""
    if question.type == "select_one":
        return form.choice_label(question, value, lang)
    if question.type == "select_multiple":
        return ", ".join(form.choice_label(question, v, lang) for v in value)
    if question.type == "acknowledge":
        return pgettext("respondent", "Yes")
    return str(value)


def answer_rows(form, answers, lang, nodes=None, prefix="", depth=0):
    """``[{"label", "value", "path", "depth"}]`` for the relevant questions of ``nodes`` (default: all)."""
    rows = []
    nodes = form.children if nodes is None else nodes
    siblings = {n.name for n in nodes}
    # A place picked from the gazetteer is shown by its name (the <x>_name answer), never its id.
    place_ids = {place_id_name(n) for n in nodes if isinstance(n, Question) and widget_for(n, siblings) == "place"}
    for node in nodes:
        path = join(prefix, node.name)
        if node.name in place_ids or not safe_relevant(node, answers, path):
            continue
        if isinstance(node, Repeat):
            entries = get_path(answers, path) or []
            for i, _entry in enumerate(entries):
                title = f"{form.label(node, lang)} {i + 1}"
                rows.append({"label": title, "value": "", "path": f"{path}[{i}]", "depth": depth, "heading": True})
                rows += answer_rows(form, answers, lang, node.children, f"{path}[{i}]", depth + 1)
        elif isinstance(node, Group):
            rows += answer_rows(form, answers, lang, node.children, prefix, depth)
        elif isinstance(node, Question) and node.type not in ("note", "calculate"):
            value = display_value(form, node, get_path(answers, path), lang)
            rows.append({"label": form.label(node, lang), "value": value, "path": path, "depth": depth,
                         "heading": False})
    return rows
