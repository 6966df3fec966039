"""Responses as tables: one row per city (wide) and one long table per repeat, linked by ``city_id``.

Every export format writes the same :class:`Dataset`, so the formats agree cell for cell.

- Wide table ``cities``: the city's identity and response facts, then every question outside a
  repeat in form order (notes, groups and client metadata left out).
- One long table per top-level repeat (``partners``): ``city_id``, ``<repeat>_index`` (1-based),
  then the repeat's questions. Repeats nested in a repeat are not exported (the study has none).
- A select_multiple question gives its original column (choice names separated by spaces, as
  XLSForm stores them) plus one 0/1 column per choice, ``<question>_<choice>``.
- A cell is a value or a :class:`~citydip.survey.exports.missing.Missing`: not asked (the question
  was not relevant for these answers), not answered, or don't know (a "don't know" choice).
- Variable names have at most 28 characters, so that they and their Stata value-label names fit
  Stata's 32 (a longer name keeps its start and gets a stable hash suffix).
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from citydip.core.errors import CitydipError
from citydip.survey.exports.missing import DONT_KNOW_NAMES, Missing
from citydip.survey.xlsform import Group, Question, Repeat, is_relevant

MAX_NAME = 28  # Stata allows 32; pyreadstat names value labels <variable><n>, which must fit 32 too
SKIPPED_TYPES = ("note",)
WIDE = "cities"


@dataclass
class Variable:
    """One column: its name, kind, labels per language and, for coded kinds, its values."""

    name: str
    kind: str  # id | text | integer | decimal | date | select_one | select_multiple | dummy | flag
    label: dict[str, str] = field(default_factory=dict)
    values: list[tuple[object, str, dict[str, str]]] = field(default_factory=list)  # (code, name, labels)
    question: Question | None = None
    choice: str = ""  # the choice of a dummy column

    @property
    def numeric(self):
        return self.kind in ("integer", "decimal", "select_one", "dummy", "flag")

    def code_of(self, choice_name):
        return next((code for code, name, _ in self.values if name == choice_name), None)


@dataclass
class Table:
    name: str
    title: str
    variables: list[Variable]
    rows: list[dict] = field(default_factory=list)
    key: list[str] = field(default_factory=list)

    def column(self, name):
        return [row.get(name) for row in self.rows]


@dataclass
class Dataset:
    form: object
    wave: object
    tables: list[Table]

    @property
    def wide(self):
        return self.tables[0]

    def table(self, name):
        return next(t for t in self.tables if t.name == name)


def identity_variables():
    def v(name, kind, label):
        return Variable(name, kind, {"en": label})

    flags = [(0, "no", {"en": "no"}), (1, "yes", {"en": "yes"})]
    return [
        v("city_id", "id", "City identifier (Urban Audit code, else GN<GeoNames id>)"),
        v("city_name", "id", "City name"), v("country_iso2", "id", "Country (ISO 3166-1 alpha-2)"),
        v("size_class", "id", "Size class of the city (population)"), v("population", "integer", "Population"),
        v("response_language", "id", "Language the questionnaire was answered in"),
        v("response_state", "id", "State of the response (partial, complete)"),
        v("submitted", "date", "Date the response was submitted"),
        Variable("synthetic", "flag", {"en": "Synthetic answer made by the demo (not a real response)"},
                 values=list(flags)),
        Variable("confidential", "flag", {"en": "The city asked not to be named in publications"},
                 values=list(flags)),
    ]


class Namer:
    """Unique variable names of at most MAX_NAME characters; a long name keeps its start and gets a hash."""

    def __init__(self):
        self.taken = set()

    def __call__(self, name):
        name = name if len(name) <= MAX_NAME else f"{name[:MAX_NAME - 7]}_{_short_hash(name)}"
        while name in self.taken:
            name = f"{name[:MAX_NAME - 7]}_{_short_hash(name + '+')}"
        self.taken.add(name)
        return name


def _short_hash(text):
    return hashlib.sha1(text.encode()).hexdigest()[:6]


def question_variables(form, question, namer):
    """The variables of one question: one, or for select_multiple the original plus dummies."""
    choices = form.choice_list(question) if question.is_select else []
    coded = [c for c in choices if c.name not in DONT_KNOW_NAMES]
    kind = question.type if question.type in ("text", "integer", "decimal", "date", "select_one",
                                              "select_multiple") else "text"
    main = Variable(namer(question.name), kind, dict(question.label), question=question)
    if kind == "select_one":
        main.values = [(i, c.name, dict(c.label)) for i, c in enumerate(coded, start=1)]
    if kind != "select_multiple":
        return [main]
    main.values = [(c.name, c.name, dict(c.label)) for c in choices]
    dummies = []
    for choice in choices:
        label = {lang: f"{text}: {choice.label.get(lang) or choice.name}" for lang, text in question.label.items()}
        dummies.append(Variable(namer(f"{question.name}_{choice.name}"), "dummy", label,
                                values=[(0, "not selected", {"en": "not selected"}), (1, "selected", {"en": "selected"})],
                                question=question, choice=choice.name))
    return [main] + dummies


def exported_questions(nodes):
    """Questions directly under ``nodes`` (through groups, not into repeats), and the repeats met."""
    questions, repeats = [], []
    for node in nodes:
        if isinstance(node, Repeat):
            repeats.append(node)
        elif isinstance(node, Group):
            inner_q, inner_r = exported_questions(node.children)
            questions += inner_q
            repeats += inner_r
        elif isinstance(node, Question) and node.type not in SKIPPED_TYPES and not node.is_meta and node.supported:
            questions.append(node)
    return questions, repeats


def cell(form, variable, answers, path):
    """The value of one variable for one response (answers at the right level), or a Missing."""
    question = variable.question
    value = answers.get(question.name)
    if value in (None, "", []):
        return Missing.NOT_ASKED if not is_relevant(form, question, root_answers(answers), path) else \
            Missing.NOT_ANSWERED
    if variable.kind == "select_one":
        return Missing.DONT_KNOW if value in DONT_KNOW_NAMES else value
    if variable.kind in ("select_multiple", "dummy"):
        chosen = value if isinstance(value, list) else str(value).split()
        return int(variable.choice in chosen) if variable.kind == "dummy" else " ".join(chosen)
    if variable.kind == "integer":
        return _number(value, int)
    if variable.kind == "decimal":
        return _number(value, float)
    return str(value)


def _number(value, kind):
    try:
        return kind(value)
    except (TypeError, ValueError):
        return Missing.NOT_ANSWERED


class _Scoped(dict):
    """Answers of one repeat instance that still know the whole response (for relevance)."""

    def __init__(self, instance, root):
        super().__init__(instance)
        self.root = root


def root_answers(answers):
    return answers.root if isinstance(answers, _Scoped) else answers


def identity_row(response):
    city = response.city
    return {
        "city_id": city.city_id, "city_name": city.name, "country_iso2": city.country_id,
        "size_class": city.size_class or "", "population": city.population,
        "response_language": response.language, "response_state": response.state,
        "submitted": response.submitted.date().isoformat() if response.submitted else "",
        "synthetic": int(response.synthetic), "confidential": int(response.confidential),
    }


def build_tables(form, responses):
    """The wide table and one long table per repeat, from ``responses`` (Response-like objects)."""
    namer = Namer()
    identity = identity_variables()
    namer.taken.update(v.name for v in identity)
    questions, repeats = exported_questions(form.children)
    wide_vars = identity + [v for q in questions for v in question_variables(form, q, namer)]
    wide = Table(WIDE, "Cities: one row per responding city", wide_vars, key=["city_id"])
    longs = []
    for repeat in repeats:
        inner, _ = exported_questions(repeat.children)
        variables = [Variable("city_id", "id", {"en": "City identifier (links to the cities table)"}),
                     Variable(f"{repeat.name}_index", "integer", {"en": f"Number of the {repeat.name} entry"})]
        variables += [v for q in inner for v in question_variables(form, q, namer)]
        longs.append((repeat, Table(repeat.name, form.label(repeat, "en"), variables,
                                    key=["city_id", f"{repeat.name}_index"])))
    for response in responses:
        fill_rows(form, response, wide, longs)
    return [wide] + [table for _, table in longs]


def fill_rows(form, response, wide, longs):
    answers = response.answers or {}
    row = identity_row(response)
    for variable in wide.variables[len(row):]:
        row[variable.name] = cell(form, variable, answers, variable.question.name)
    wide.rows.append(row)
    for repeat, table in longs:
        for index, instance in enumerate(answers.get(repeat.name) or [], start=1):
            scoped = _Scoped(instance if isinstance(instance, dict) else {}, answers)
            long_row = {"city_id": row["city_id"], f"{repeat.name}_index": index}
            for variable in table.variables[2:]:
                path = f"{repeat.name}[{index - 1}].{variable.question.name}"
                long_row[variable.name] = cell(form, variable, scoped, path)
            table.rows.append(long_row)


def wave_form(wave):
    """The form model of the wave's questionnaire, parsed once per process (survey/review.py)."""
    from citydip.survey.review import load_wave_form

    return load_wave_form(wave)


def build_dataset(wave=None):
    """The Dataset of a wave (the current one by default): responses that are partial or complete."""
    from citydip.survey.models import Response, Wave

    wave = wave or Wave.current()
    if wave is None:
        raise CitydipError("EXPORT-E001", "there is no survey wave to export: create one with "
                                          "`citydip survey wave create --form FORM.xlsx`")
    form = wave_form(wave)
    responses = (Response.objects.filter(wave=wave, state__in=("partial", "complete"))
                 .select_related("city", "city__country").order_by("city__country_id", "city__name", "pk"))
    return Dataset(form, wave, build_tables(form, responses))
