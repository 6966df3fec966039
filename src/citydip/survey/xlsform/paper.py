"""The questionnaire on paper: one language, printable as PDF (WeasyPrint) for postal letters.

Questions are numbered; skip logic becomes routing instructions ("Answer only if question 1 is
“No, never”") where the expression is a simple comparison with a choice, and is printed as
written otherwise. A repeat is printed as several numbered copies (its repeat_count when it is a
number, else six, with a note on how to add more). An ``x_place_id`` question next to ``x_name``
(a place picked from the gazetteer's suggestions in the web form) is left out: on paper the name
alone is asked.

The survey app passes ``fill`` (a function applied to every printed text, e.g. the study settings
for ``{study_...}`` placeholders) and ``return_address`` (printed on the first page); the engine
itself knows neither.
"""
from __future__ import annotations

import functools
from pathlib import Path

from django.template.loader import render_to_string
from lark import Token, Tree

from citydip.survey.xlsform.expressions import ExpressionError, parse, ref_name
from citydip.survey.xlsform.model import Group, Question, Repeat

PAPER_CSS = Path(__file__).resolve().parent.parent / "static" / "survey" / "paper.css"
REPEAT_COPIES = 6
WORDS = {
    "en": dict(only_if="Answer only if", q="question", is_="is", answered="is answered", or_="or", and_="and",
               tick_one="Tick one box.", tick_any="Tick all that apply.", entry="Entry", version="version",
               number="Number", date="Date (year-month-day)", confirm="Tick to confirm.", more="More entries than there are here? Copy this page, or add them on a separate sheet with the question numbers.",
               return_to="Please return the completed questionnaire to:"),
    "de": dict(only_if="Nur beantworten, wenn", q="Frage", is_="lautet", answered="beantwortet ist", or_="oder",
               and_="und", tick_one="Bitte ein Kästchen ankreuzen.", tick_any="Mehrere Kreuze möglich.",
               entry="Eintrag", version="Version", number="Zahl", date="Datum (Jahr-Monat-Tag)",
               confirm="Zur Bestätigung ankreuzen.", more="Mehr Einträge als hier Platz haben? Kopieren Sie diese Seite oder ergänzen Sie sie auf einem eigenen Blatt mit den Fragenummern.",
               return_to="Bitte senden Sie den ausgefüllten Fragebogen an:"),
    "fr": dict(only_if="Répondez seulement si", q="la question", is_="est", answered="a une réponse", or_="ou",
               and_="et", tick_one="Cochez une case.", tick_any="Cochez toutes les cases qui conviennent.",
               entry="Entrée", version="version", number="Nombre", date="Date (année-mois-jour)",
               confirm="Cochez pour confirmer.", more="Plus d’entrées qu’il n’y a de place ici ? Photocopiez cette page ou ajoutez-les sur une feuille séparée avec les numéros des questions.",
               return_to="Merci de renvoyer le questionnaire rempli à :"),
    "es": dict(only_if="Responda solo si", q="la pregunta", is_="es", answered="tiene respuesta", or_="o", and_="y",
               tick_one="Marque una casilla.", tick_any="Marque todas las que correspondan.", entry="Entrada",
               version="versión", number="Número", date="Fecha (año-mes-día)", confirm="Marque para confirmar.", more="¿Más entradas de las que caben aquí? Fotocopie esta página o añádalas en una hoja aparte con los números de las preguntas.",
               return_to="Envíe el cuestionario cumplimentado a:"),
    "it": dict(only_if="Risponda solo se", q="la domanda", is_="è", answered="ha una risposta", or_="o", and_="e",
               tick_one="Barri una casella.", tick_any="Barri tutte le caselle pertinenti.", entry="Voce",
               version="versione", number="Numero", date="Data (anno-mese-giorno)", confirm="Barri per confermare.", more="Più voci di quante ne stiano qui? Fotocopi questa pagina o le aggiunga su un foglio a parte con i numeri delle domande.",
               return_to="La preghiamo di rinviare il questionario compilato a:"),
    "pl": dict(only_if="Prosimy odpowiedzieć tylko wtedy, gdy", q="pytanie", is_="ma odpowiedź", answered="ma odpowiedź",
               or_="lub", and_="i", tick_one="Prosimy zaznaczyć jedną odpowiedź.",
               tick_any="Można zaznaczyć kilka odpowiedzi.", entry="Wpis", version="wersja", number="Liczba",
               date="Data (rok-miesiąc-dzień)", confirm="Prosimy zaznaczyć, aby potwierdzić.", more="Więcej wpisów, niż mieści się tutaj? Prosimy skopiować tę stronę lub dopisać je na osobnej kartce z numerami pytań.",
               return_to="Prosimy odesłać wypełniony kwestionariusz na adres:"),
}


def words(lang):
    return WORDS.get((lang or "en").split("-")[0], WORDS["en"])


def _same(text):
    return text


def paper_context(form, lang, fill=None, return_address=""):
    """Everything the paper template shows, already in one language (``fill``: see the module doc)."""
    numbers = {}
    for question in form.questions():
        parent_nodes = question.parent.children if question.parent else form.children
        if question.is_input and not _is_place_id(question, parent_nodes):
            numbers[question.name] = len(numbers) + 1
    describe = Describer(form, lang, numbers)
    fill = fill or _same
    sections = [
        {
            "title": fill(form.text(page.title, lang)),
            "condition": describe.relevance(page.containers),
            "items": [_filled(item, fill) for item in _items(form, page.nodes, lang, numbers, describe)],
        }
        for page in form.pages()
    ]
    return {"form": form, "lang": lang, "words": words(lang), "sections": sections, "return_address": return_address}


def _filled(item, fill):
    return {**item, **{key: fill(item[key]) for key in ("label", "hint") if item.get(key)}}


def _items(form, nodes, lang, numbers, describe):
    items = []
    for node in nodes:
        if isinstance(node, Repeat):
            copies = int(node.repeat_count) if node.repeat_count.isdigit() else REPEAT_COPIES
            for copy in range(1, copies + 1):
                items.append({"kind": "heading", "label": f"{form.label(node, lang)} — {words(lang)['entry']} {copy}"})
                items.extend(_items(form, node.children, lang, numbers, describe))
            if not node.repeat_count.isdigit():
                items.append({"kind": "more", "label": words(lang)["more"]})
        elif isinstance(node, Group):
            items.append({"kind": "heading", "label": form.text(node.label, lang), "condition": describe.relevance([node])})
            items.extend(_items(form, node.children, lang, numbers, describe))
        elif isinstance(node, Question) and node.type != "calculate" and not node.is_meta and not _is_place_id(node, nodes):
            items.append(_question(form, node, lang, numbers, describe))
    return items


def _is_place_id(question, siblings):
    """The ``x_place_id`` beside an ``x_name`` is chosen from gazetteer suggestions online: not on paper."""
    if not question.name.endswith("_place_id"):
        return False
    name = question.name[: -len("_place_id")] + "_name"
    return any(sibling.name == name for sibling in siblings)


def _question(form, question, lang, numbers, describe):
    item = {
        "kind": question.type if question.supported else "note",
        "number": numbers.get(question.name),
        "label": form.label(question, lang) if question.label else "",
        "hint": form.text(question.hint, lang),
        "condition": describe.relevance([question]),
        "lines": 4 if "multiline" in question.appearance else 1,
    }
    if question.is_select:
        item["choices"] = [form.text(c.label, lang) or c.name for c in form.choice_list(question)]
    return item


class Describer:
    """Skip logic in words: simple ``${q} = 'choice'`` conditions joined by and/or."""

    def __init__(self, form, lang, numbers):
        self.form, self.lang, self.numbers, self.words = form, lang, numbers, words(lang)

    def relevance(self, nodes):
        parts = [self.expression(node.relevant) for node in nodes if node.relevant]
        joined = f" {self.words['and_']} ".join(parts)
        return f"{self.words['only_if']} {joined}." if parts else ""

    def expression(self, text):
        try:
            return self.tree(parse(text)) or text
        except ExpressionError:
            return text

    def tree(self, node):
        if not isinstance(node, Tree):
            return None
        if node.data in ("or_", "and_"):
            left, right = (self.tree(child) for child in node.children)
            word = self.words["or_"] if node.data == "or_" else self.words["and_"]
            return f"{left} {word} {right}" if left and right else None
        if node.data == "compare" and node.children[1] in ("=", "!="):
            return self.comparison(node.children[0], node.children[1], node.children[2])
        if node.data == "call" and node.children[0] == "selected" and len(node.children) == 3:
            return self.comparison(node.children[1], "=", node.children[2])
        return None

    def comparison(self, ref, op, value):
        if not (_is(ref, "ref") and _is(value, "string")):
            return None
        name, choice = ref_name(ref.children[0]), value.children[0].value[1:-1]
        number = self.numbers.get(name)
        if number is None:
            return None
        if op == "!=" and choice == "":
            return f"{self.words['q']} {number} {self.words['answered']}"
        if op != "=":
            return None
        label = self.form.choice_label(self.form.node(name), choice, self.lang)
        return f"{self.words['q']} {number} {self.words['is_']} “{label}”"


def _is(node, data):
    return isinstance(node, Tree) and node.data == data and isinstance(node.children[0], Token)


def paper_html(form, lang=None, fill=None, return_address=""):
    context = paper_context(form, lang or form.default_language, fill, return_address)
    from django.apps import apps

    if apps.ready:
        return render_to_string("survey/paper_questionnaire.html", context)
    return _standalone_engine().render_to_string("survey/paper_questionnaire.html", context)


@functools.lru_cache(maxsize=1)
def _standalone_engine():
    """Django's template engine without the project (check-form's fast path starts no Django apps)."""
    from django.template import Engine

    return Engine(dirs=[str(Path(__file__).resolve().parents[1] / "templates")])


def paper_pdf(form, lang=None, fill=None, return_address=""):
    """The printable questionnaire in one language, as PDF bytes."""
    from weasyprint import CSS, HTML

    html = paper_html(form, lang, fill, return_address)
    return HTML(string=html, base_url=str(PAPER_CSS.parent)).write_pdf(stylesheets=[CSS(filename=str(PAPER_CSS))])
