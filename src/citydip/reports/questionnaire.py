"""The questionnaire as an appendix: the form model walked in order, in one language (English)."""
from __future__ import annotations

from citydip.survey.xlsform import Group, Question, Repeat

HIDDEN = ("calculate",)


def items(form, nodes=None, lang="en", depth=0, counter=None):
    """[{kind: section|question|note, …}] in form order; questions numbered from 1."""
    counter = counter if counter is not None else [0]
    found = []
    for node in form.children if nodes is None else nodes:
        if isinstance(node, Group):
            title = form.label(node, lang)
            if isinstance(node, Repeat):
                title = f"{title} (repeated for each entry)"
            found.append({"kind": "section", "title": title, "depth": depth, "relevant": node.relevant})
            found += items(form, node.children, lang, depth + 1, counter)
        elif isinstance(node, Question) and node.type not in HIDDEN and not node.is_meta:
            found.append(question_item(form, node, lang, counter))
    return found


def question_item(form, question, lang, counter):
    if question.type == "note":
        return {"kind": "note", "text": form.label(question, lang)}
    counter[0] += 1
    choices = [form.text(c.label, lang) or c.name for c in form.choice_list(question)] if question.is_select else []
    return {"kind": "question", "number": counter[0], "name": question.name, "text": form.label(question, lang),
            "hint": form.text(question.hint, lang), "type": question.type.replace("_", " "),
            "choices": choices, "relevant": question.relevant, "required": question.required}


def questionnaire(wave, lang="en"):
    from citydip.survey.exports.dataset import wave_form

    form = wave_form(wave)
    lang = lang if lang in form.languages else form.default_language
    return {"title": form.title, "version": form.version, "languages": form.languages, "items": items(form, lang=lang)}
