"""Synthetic answers generated from a questionnaire itself, for the demo.

The generator answers page after page as a respondent would: only relevant pages and questions,
choices from each question's (filtered) list, values that pass the question's constraint (checked
by the engine's own validator, re-drawn otherwise), optional questions sometimes left empty, and
repeats filled from ``presets`` (e.g. a city's partnerships of the open-data register). Every value
comes from ``rng``, so a seeded generator gives the same answers every time.
"""
from citydip.survey import xlsform as engine
from citydip.survey.xlsform.model import Repeat
from citydip.survey.xlsform.validate import validate_question

TEXTS = ("International relations office", "Office of the mayor", "Department for economic development",
         "European and international affairs", "Protocol office")
COMMENTS = ("", "", "Cooperation depends on national policy.", "We would welcome an exchange with other cities.")
OPTIONAL_ANSWERED = 0.7
TRIES = 12


class AnswerGenerator:
    """``generate(preset, stop_after=None)`` → answers; ``preset`` maps names (or repeats) to fixed values."""

    def __init__(self, form, rng, lang=None):
        self.form, self.rng, self.lang = form, rng, lang or form.default_language
        self.entry_presets = {}  # "partners[0].partner_name" -> value, for the repeat being filled
        self.has_calculations = any(q.calculation for q in form.questions())

    def generate(self, preset=None, stop_after=None):
        """Answers page by page; ``stop_after`` pages answered makes a partial response."""
        preset, answers, answered = dict(preset or {}), {}, 0
        for page in self.form.pages():
            if stop_after is not None and answered >= stop_after:
                break
            if not engine.page_is_relevant(self.form, page, answers):
                continue
            for node in page.nodes:
                if isinstance(node, Repeat):
                    self.fill_repeat(node, answers, preset.get(node.name))
            for question, path in engine.fields(page.nodes, answers):
                self.answer(question, path, answers, preset)
            answered += 1
        return engine.calculate_all(self.form, answers)

    def fill_repeat(self, repeat, answers, entries):
        wanted = engine.repeat_count(self.form, repeat, answers)
        entries = list(entries) if entries else [{} for _ in range(wanted or self.rng.randint(1, 3))]
        answers[repeat.name] = [{} for _ in entries]
        self.entry_presets = {f"{repeat.name}[{i}].{k}": v for i, e in enumerate(entries) for k, v in e.items()}

    def answer(self, question, path, answers, preset):
        if self.has_calculations:
            engine.calculate_all(self.form, answers)  # relevance may read a calculation of earlier answers
        if not question.is_input or not engine.is_relevant(self.form, question, answers, path):
            return
        fixed = self.entry_presets.get(path, preset.get(path))
        if fixed is not None and self.accepts(question, path, answers, fixed):
            return
        if not question.required and self.rng.random() > OPTIONAL_ANSWERED:
            return
        for value in self.candidates(question, path, answers):
            if self.accepts(question, path, answers, value):
                return
        engine.set_value(answers, path, None)

    def candidates(self, question, path, answers):
        """Values to try in turn: every choice of a select_one in random order (so a constraint such
        as "the main goal is one of the goals ticked" is always met), else TRIES random draws."""
        if question.type == "select_one":
            names = [c.name for c in engine.choices_for(self.form, question, answers, path)]
            return self.rng.sample(names, len(names))
        return (self.draw(question, path, answers) for _ in range(TRIES))

    def accepts(self, question, path, answers, value):
        engine.set_value(answers, path, value)
        if validate_question(self.form, question, answers, path, self.lang) is None:
            return True
        engine.set_value(answers, path, None)
        return False

    def draw(self, question, path, answers):
        names = [c.name for c in engine.choices_for(self.form, question, answers, path)]
        kind = question.type
        if kind == "select_one":
            return self.rng.choice(names) if names else None
        if kind == "select_multiple":
            return sorted(self.rng.sample(names, min(len(names), self.rng.randint(1, 3)))) if names else None
        if kind == "rank":
            return self.rng.sample(names, len(names)) if names else None
        if kind == "range" and question.range:
            start, end, step = question.range
            value = start + step * self.rng.randint(0, int(round((end - start) / step)))
            return int(value) if all(float(p).is_integer() for p in question.range) else value
        if kind == "acknowledge":
            return "OK"
        if kind == "integer":
            return self.rng.randint(1975, 2024) if "year" in question.name else self.rng.randint(1, 20)
        if kind == "decimal":
            return round(self.rng.uniform(0, 100), 1)
        if kind == "date":
            return f"{self.rng.randint(2015, 2024)}-{self.rng.randint(1, 12):02d}-{self.rng.randint(1, 28):02d}"
        if question.appearance and "multiline" in question.appearance:
            return self.rng.choice(COMMENTS) or None
        return self.rng.choice(TEXTS)
