"""Load an XLSForm (.xlsx, .xls, .csv, .md) into the form model.

pyxform reads the sheets and checks the form as ODK would (xform.py); this module builds the
model from the same rows, so each node keeps its sheet and row. Errors (the form cannot be used)
are raised together as CitydipErrors; features the engine does not support are listed in
``form.problems`` by name, sheet, row and column, and never silently ignored.
"""
from __future__ import annotations

from citydip.core.errors import CitydipError, CitydipErrors
from citydip.survey.xlsform import xform
from citydip.survey.xlsform.columns import (
    EXPRESSION_COLUMNS,
    parse_type,
    survey_columns,
    yes_no,
)
from citydip.survey.xlsform.expressions import ExpressionError, parse, references
from citydip.survey.xlsform.languages import UNDETERMINED, local_name, parse_language, split_header
from citydip.survey.xlsform.model import (
    SUPPORTED_APPEARANCES,
    Choice,
    Form,
    Group,
    Problem,
    Question,
    Repeat,
    Source,
)

SUPPORTED_SETTINGS = {"form_title", "form_id", "version", "default_language", "set_form_title", "set_form_id"}
UNSUPPORTED_SHEETS = ("external_choices", "entities", "osm")


def load_form(source, filename=None):
    """The Form of an XLSForm file (path, bytes or binary file); CitydipErrors when it is unusable."""
    data, filename = xform.read_source(source, filename)
    definition = xform.read_definition(data, filename)
    _, warnings = xform.convert(definition, filename)
    builder = FormBuilder(definition, filename)
    form = builder.build()
    if builder.errors:
        raise CitydipErrors(builder.errors)
    form.problems.extend(
        Problem("SURVEY-W008", f"pyxform warns: {' '.join(w.split())}", "pyxform warning", Source(**_location(w)))
        for w in warnings
    )
    return form


def _location(message):
    location = xform.location_in(message)
    return {"sheet": location.get("sheet", "survey"), "row": location.get("row"), "column": location.get("column")}


class FormBuilder:
    """Builds one Form from pyxform's rows; collects errors and problems as it goes."""

    def __init__(self, definition, filename):
        self.definition = definition
        self.filename = filename
        self.errors = []
        self.problems = []

    def error(self, code, message, sheet, row=None, column=None):
        self.errors.append(CitydipError(code, message, file=self.filename, sheet=sheet, row=row, column=column))

    def problem(self, code, message, feature, sheet="survey", row=None, column=None):
        self.problems.append(Problem(code, message, feature, Source(sheet, row, column)))

    def build(self):
        settings = self.read_settings()
        self.default_language, default_name = self.read_default_language(settings)
        self.languages = {}
        if self.default_language != UNDETERMINED:
            self.languages[self.default_language] = default_name
        self.report_unsupported_sheets()
        choices = self.read_choices()
        children = self.read_survey(choices)
        form = Form(
            form_id=settings.get("form_id") or settings.get("set_form_id") or _stem(self.filename),
            version=settings.get("version", ""),
            title=settings.get("form_title") or settings.get("set_form_title") or _stem(self.filename),
            default_language=self.default_language,
            settings=settings,
            children=children,
            choices=choices,
            filename=self.filename,
        )
        self.finish_languages(form)
        self.check_names(form)
        self.check_expressions(form)
        form.problems = self.problems
        return form

    # -- settings and languages ---------------------------------------------------------------
    def read_settings(self):
        rows = self.definition.settings or []
        settings = {k.strip().lower(): str(v).strip() for k, v in (rows[0] if rows else {}).items() if v is not None}
        for key in settings:
            if key not in SUPPORTED_SETTINGS:
                self.problem("SURVEY-W006", f"setting '{key}' is not supported by citydip and is ignored",
                             f"setting {key}", "settings", 2, key)
        return settings

    def read_default_language(self, settings):
        text = settings.get("default_language", "")
        if text:
            code, name, explicit = parse_language(text)
            if not explicit:
                self.problem("SURVEY-W003", f"default_language '{text}' has no language code; write it as "
                             f"'{name} ({code})'", "language without code", "settings", 2, "default_language")
            return code, name
        return UNDETERMINED, "undetermined"

    def language_of(self, suffix, sheet, row, column):
        """The code of a column's language suffix (None → the default language)."""
        if suffix is None:
            return self.default_language
        code, name, explicit = parse_language(suffix)
        if code not in self.languages:
            self.languages[code] = name
            if not explicit:
                self.problem("SURVEY-W003", f"language '{suffix}' has no language code; write it as "
                             f"'{name} ({code})'", "language without code", sheet, row, column)
        return code

    def finish_languages(self, form):
        used = set()
        for node in form.walk():
            used.update(node.label)
        for options in form.choices.values():
            for choice in options:
                used.update(choice.label)
        codes = [code for code in self.languages if code in used] or [self.default_language]
        if self.default_language == UNDETERMINED and codes[0] != UNDETERMINED:
            form.default_language = codes[0]
        form.languages = codes
        form.language_names = {code: local_name(code) if code != UNDETERMINED else "—" for code in codes}

    def report_unsupported_sheets(self):
        names = list(self.definition.sheet_names or [])
        for name in names if len(names) > 1 else []:
            if name.strip().lower() not in ("survey", "choices", "settings") + UNSUPPORTED_SHEETS:
                self.problem("SURVEY-W007", f"the sheet '{name}' is not part of XLSForm and is ignored",
                             f"sheet {name}", name)
        for sheet in UNSUPPORTED_SHEETS:
            if getattr(self.definition, sheet, None):
                self.problem("SURVEY-W007", f"the '{sheet}' sheet is not supported by citydip and is ignored",
                             f"sheet {sheet}", sheet)

    # -- choices -----------------------------------------------------------------------------
    def read_choices(self):
        choices = {}
        for index, row in enumerate(self.definition.choices or []):
            number = index + 2
            if not row:
                continue
            plain = {header.strip().lower(): str(value).strip() for header, value in row.items()}
            list_name = plain.get("list_name", plain.get("list name", ""))
            name = plain.get("name", plain.get("value", ""))
            choice = Choice(name=name, source=Source("choices", number))
            for header, value in row.items():
                self.read_choice_cell(choice, header, value, number)
            choices.setdefault(list_name, []).append(choice)
        return choices

    def read_choice_cell(self, choice, header, value, row):
        column, suffix = split_header(header)
        if column in ("list_name", "list name", "name", "value"):
            return
        if column in ("label", "caption"):
            choice.label[self.language_of(suffix, "choices", row, header)] = str(value)
        elif column in ("image", "big-image", "audio", "video", "media"):
            self.problem_once("SURVEY-W002", f"column '{header}' (media) is not supported; it is ignored",
                              f"column {header}", "choices", row, header)
        else:
            choice.extra[header] = str(value)

    def problem_once(self, code, message, feature, sheet, row, column):
        if not any(p.feature == feature and p.source.sheet == sheet for p in self.problems):
            self.problem(code, message, feature, sheet, row, column)

    # -- survey ------------------------------------------------------------------------------
    def read_survey(self, choices):
        root = Group(name="", type="form")
        stack = [root]
        for index, raw in enumerate(self.definition.survey or []):
            row = index + 2
            if not raw:
                continue
            cells = survey_columns(raw, self, row)
            if not cells["type"]:
                continue
            kind, list_name, or_other = parse_type(cells["type"])
            if kind == "begin_loop":
                self.problem("SURVEY-W001", "'begin loop' is not supported: its questions are asked once, as a section",
                             "type begin loop", "survey", row, "type")
                kind = "begin_group"
            if kind in ("end_group", "end_repeat", "end_loop"):
                self.close(stack, kind, row)
                continue
            node = self.make_node(kind, list_name, or_other, cells, row, choices)
            node.parent = stack[-1] if stack[-1] is not root else None
            stack[-1].children.append(node)
            if isinstance(node, Group):
                stack.append(node)
            elif or_other:
                stack[-1].children.append(other_question(node, choices))
        for open_node in stack[1:]:
            self.error("SURVEY-E006", f"'{open_node.name}' is opened but never closed: add an end_{open_node.type} row",
                       "survey", open_node.source.row, "type")
        return root.children

    def close(self, stack, kind, row):
        kind = "end_group" if kind == "end_loop" else kind
        expected = "end_repeat" if isinstance(stack[-1], Repeat) else "end_group"
        if len(stack) == 1 or kind != expected:
            self.error("SURVEY-E006", f"{kind} does not close an open {kind[4:]}; check the begin/end rows",
                       "survey", row, "type")
            return
        stack.pop()

    def make_node(self, kind, list_name, or_other, cells, row, choices):
        common = dict(
            name=cells.get("name", ""),
            label=cells["texts"].get("label", {}),
            hint=cells["texts"].get("hint", {}),
            relevant=cells.get("relevant", ""),
            appearance=self.appearance(cells.get("appearance", ""), row),
            source=Source("survey", row),
        )
        if kind == "begin_group":
            return Group(type="group", **common)
        if kind == "begin_repeat":
            return Repeat(type="repeat", repeat_count=cells.get("repeat_count", ""), **common)
        return self.make_question(kind, list_name, or_other, cells, row, common)

    def make_question(self, kind, list_name, or_other, cells, row, common):
        required = cells.get("required", "")
        question = Question(
            type=kind, list_name=list_name, or_other=or_other,
            required=yes_no(required) is True, required_expr="" if yes_no(required) is not None else required,
            required_message=cells["texts"].get("required_message", {}),
            constraint=cells.get("constraint", ""),
            constraint_message=cells["texts"].get("constraint_message", {}),
            choice_filter=cells.get("choice_filter", ""), default=cells.get("default", ""),
            read_only=yes_no(cells.get("read_only", "")) is not False, calculation=cells.get("calculation", ""),
            parameters=cells.get("parameters", ""), supported=kind in _SUPPORTED_KINDS, **common,
        )
        if question.is_meta:
            self.problem("SURVEY-W001", f"metadata '{kind}' is not recorded by citydip (a response keeps its own "
                         "start, save and submit times)", f"type {kind}", "survey", row, "type")
        elif not question.supported:
            self.problem("SURVEY-W001", f"question type '{cells['type']}' is not supported: '{question.name}' is "
                         "shown as a note and not asked", f"type {kind}", "survey", row, "type")
        if question.parameters:
            self.problem("SURVEY-W002", "column 'parameters' is not supported; it is ignored",
                         "column parameters", "survey", row, "parameters")
        return question

    def appearance(self, text, row):
        for token in text.split():
            if token not in SUPPORTED_APPEARANCES:
                self.problem("SURVEY-W004", f"appearance '{token}' is not supported; the default is shown",
                             f"appearance {token}", "survey", row, "appearance")
        return text

    # -- checks --------------------------------------------------------------------------------
    def check_names(self, form):
        seen = {}
        for node in form.walk():
            if node.name in seen:
                self.error("SURVEY-E005", f"the name '{node.name}' is used twice (also on row {seen[node.name]}); "
                           "citydip keeps answers by name, so names must be unique in the whole form",
                           "survey", node.source.row, "name")
            seen.setdefault(node.name, node.source.row)

    def check_expressions(self, form):
        names = {node.name for node in form.walk()}
        for node in form.walk():
            for attribute, column in EXPRESSION_COLUMNS:
                text = getattr(node, attribute, "")
                if text and not self.check_expression(node, attribute, column, text, names):
                    setattr(node, attribute, "")

    def check_expression(self, node, attribute, column, text, names):
        try:
            parse(text)
            unknown = [name for name in references(text) if name not in names]
        except ExpressionError as error:
            if str(error).startswith("function not supported"):
                self.problem("SURVEY-W005", f"{error} in '{text}': this {column} is ignored",
                             str(error).split(": ", 1)[1], "survey", node.source.row, column)
            else:
                self.error("SURVEY-E003", f"{error} in {column} '{text}'", "survey", node.source.row, column)
            return False
        for name in unknown:
            self.error("SURVEY-E004", f"${{{name}}} names no question of the form", "survey", node.source.row, column)
        return not unknown


_SUPPORTED_KINDS = ("text", "integer", "decimal", "date", "select_one", "select_multiple",
                    "note", "acknowledge", "calculate")


def other_question(question, choices):
    """The text question pyxform adds after a select ``or_other`` (and the 'other' choice)."""
    options = choices.setdefault(question.list_name, [])
    if not any(choice.name == "other" for choice in options):
        options.append(Choice("other", dict.fromkeys(question.label or {"": ""}, "Other")))
    return Question(
        name=f"{question.name}_other", type="text",
        label=dict.fromkeys(question.label or {"": ""}, "Specify other."),
        relevant=f"selected(${{{question.name}}}, 'other')", required=question.required,
        source=question.source, parent=question.parent,
    )


def _stem(filename):
    return filename.rsplit("/", 1)[-1].rsplit(".", 1)[0]
