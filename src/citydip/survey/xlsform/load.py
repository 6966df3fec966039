"""Load an XLSForm (.xlsx, .xls, .csv, .md) into the form model.

pyxform reads the sheets and checks the form as ODK would (xform.py); this module builds the
model from the same rows, so each node keeps its sheet and row. Errors (the form cannot be used)
are raised together as CitydipErrors; features the engine does not support are listed in
``form.problems`` by name, sheet, row and column, and never silently ignored.
"""
from __future__ import annotations

import re
from pathlib import Path

from citydip.core.errors import CitydipError, CitydipErrors
from citydip.survey.xlsform import xform
from citydip.survey.xlsform.choice_files import ChoiceFileError, instance_name, parse_parameters, read_rows
from citydip.survey.xlsform.columns import (
    EXPRESSION_COLUMNS,
    parse_type,
    survey_columns,
    yes_no,
)
from citydip.survey.xlsform.expressions import ExpressionError, instance_names, parse, references
from citydip.survey.xlsform.languages import UNDETERMINED, local_name, parse_language, split_header
from citydip.survey.xlsform.model import (
    STORED_META_TYPES,
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


def load_form(source, filename=None, files=None, directory=None):
    """The Form of an XLSForm file (path, bytes or binary file); CitydipErrors when it is unusable.

    ``files`` ({file name: bytes}) are the CSV/XML/GeoJSON files a ``select_one_from_file`` or
    ``csv-external`` row names; they are also looked up in ``directory`` (by default the directory of
    a path source).
    """
    data, filename = xform.read_source(source, filename)
    data, inner_name, bundled = xform.unbundle(data, filename)  # a wave's stored form with its files
    if bundled:
        filename, files = inner_name, {**bundled, **(files or {})}
    definition = xform.read_definition(data, filename)
    _, warnings = xform.convert(definition, filename, pretty=False)  # the check only: no need to indent the XML
    if directory is None and isinstance(source, (str, Path)):
        directory = Path(source).parent
    builder = FormBuilder(definition, filename, FileFinder(files, directory))
    try:
        form = builder.build()
    except (ArithmeticError, AttributeError, IndexError, KeyError, LookupError, RecursionError, TypeError,
            ValueError) as error:  # an engine bug must still be a message, never a traceback
        raise CitydipErrors([CitydipError(
            "SURVEY-E013", f"citydip could not build this form ({type(error).__name__}: {error}); please report it "
            "with the file", file=filename)]) from error
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


class FileFinder:
    """The bytes of a file next to the form: from the given files, else from the form's directory."""

    def __init__(self, files=None, directory=None):
        self.files = {Path(name).name: data for name, data in (files or {}).items()}
        self.directory = directory

    def __call__(self, name):
        name = Path(str(name)).name
        if name in self.files:
            return self.files[name]
        if self.directory is not None and (self.directory / name).is_file():
            return (self.directory / name).read_bytes()
        return None


class FormBuilder:
    """Builds one Form from pyxform's rows; collects errors and problems as it goes."""

    def __init__(self, definition, filename, find_file=None):
        self.definition = definition
        self.filename = filename
        self.find_file = find_file or FileFinder()
        self.errors = []
        self.problems = []
        self.files = {}  # instance name -> rows of the files the form reads
        self.file_data = {}  # file name -> bytes of those files (kept with a wave's questionnaire)

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
            files=self.files,
            file_data=self.file_data,
        )
        for node in form.walk():
            node.form = form
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
        self.choices = choices
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
            if kind in ("csv-external", "xml-external"):
                self.read_file(cells.get("name", "") + "." + kind.split("-")[0], row)
                continue
            if kind == "begin_loop":
                self.problem("SURVEY-W001", "'begin loop' is not supported: its questions are asked once, as a section",
                             "type begin loop", "survey", row, "type")
                kind = "begin_group"
            if kind in ("end_group", "end_repeat", "end_loop"):
                self.close(stack, kind, row)
                continue
            if not cells.get("name") and kind == "note":
                cells["name"] = f"generated_note_name_{row}"  # as pyxform names a note without a name
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
        parameters = parse_parameters(cells.get("parameters", ""))
        if kind in ("select_one_from_file", "select_multiple_from_file"):
            kind, list_name = kind.replace("_from_file", ""), self.file_choices(list_name, parameters, row)
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
        if kind == "range":
            question.range = self.range_parameters(parameters, row)
        if question.is_meta and kind not in STORED_META_TYPES:
            self.problem("SURVEY-W001", f"metadata '{kind}' is not recorded by citydip (a response keeps its own "
                         "start, end, today and deviceid)", f"type {kind}", "survey", row, "type")
        elif not question.supported and not question.is_meta:
            self.problem("SURVEY-W001", f"question type '{cells['type']}' is not supported: '{question.name}' is "
                         "shown as a note and not asked", f"type {kind}", "survey", row, "type")
        if question.parameters and kind not in ("range", "select_one", "select_multiple"):
            self.problem("SURVEY-W002", "column 'parameters' is not supported; it is ignored",
                         "column parameters", "survey", row, "parameters")
        return question

    def range_parameters(self, parameters, row):
        """(start, end, step) of a range question; pyxform's defaults are 1, 10 and 1."""
        numbers = []
        for key, default in (("start", "1"), ("end", "10"), ("step", "1")):
            text = parameters.get(key, default)
            try:
                numbers.append(float(text))
            except ValueError:
                self.error("SURVEY-E003", f"range parameter {key}={text!r} is not a number", "survey", row, "parameters")
                return None
        if numbers[2] <= 0:
            self.error("SURVEY-E003", "a range's step must be more than 0", "survey", row, "parameters")
            return None
        return tuple(numbers)

    # -- files next to the form ------------------------------------------------------------------
    def read_file(self, name, row):
        """The rows of a choice file (kept as ``instance('stem')``), or None with a located error."""
        key = instance_name(name)
        if key in self.files:
            return self.files[key]
        data = self.find_file(name)
        if data is None:
            self.error("SURVEY-E009", f"the file '{name}' that this row reads is not next to the form; add it "
                       "(CSV, XML or GeoJSON) with the form", "survey", row, "type")
            return None
        try:
            rows = read_rows(name, data)
        except ChoiceFileError as error:
            self.error("SURVEY-E009", f"the file '{name}' cannot be read: {error}", "survey", row, "type")
            return None
        self.files[key] = rows
        self.file_data[Path(name).name] = data
        return rows

    def file_choices(self, name, parameters, row):
        """The choice list of a select_one_from_file, named after the file, added to the form's choices."""
        rows = self.read_file(name, row) or []
        value, label = parameters.get("value", "name"), parameters.get("label", "label")
        key = instance_name(name)
        if rows and value not in rows[0]:
            self.error("SURVEY-E009", f"the file '{name}' has no '{value}' column for the choices' names",
                       "survey", row, "type")
        self.choices[key] = [
            Choice(name=str(r.get(value, "")), label={self.default_language: str(r.get(label, r.get(value, "")))},
                   extra={k: str(v) for k, v in r.items() if k not in (value,)}, source=Source(name, number + 2))
            for number, r in enumerate(rows)
        ]
        return key

    def appearance(self, text, row):
        if "search(" in text.replace(" ", ""):
            self.error("SURVEY-E008", "the appearance search() looks choices up in a CSV file on an ODK Collect "
                       "device; citydip cannot do that: use select_one_from_file with the file next to the form",
                       "survey", row, "appearance")
            return ""
        for token in text.split():
            if token not in SUPPORTED_APPEARANCES:
                self.problem("SURVEY-W004", f"appearance '{token}' is not supported; the default is shown",
                             f"appearance {token}", "survey", row, "appearance")
        return text

    # -- checks --------------------------------------------------------------------------------
    def check_names(self, form):
        seen = {}
        for node in form.walk():
            if not node.name:
                continue
            if node.name in seen:
                self.error("SURVEY-E005", f"the name '{node.name}' is used twice (also on row {seen[node.name]}); "
                           "citydip keeps answers by name, so names must be unique in the whole form",
                           "survey", node.source.row, "name")
            seen.setdefault(node.name, node.source.row)

    def check_expressions(self, form):
        names = {node.name for node in form.walk()}
        instances = set(form.instances())
        lists = {q.name: q.list_name for q in form.questions() if q.is_select}
        for node in form.walk():
            for attribute, column in EXPRESSION_COLUMNS:
                text = choice_list_names(getattr(node, attribute, ""), lists)
                if text:
                    setattr(node, attribute, text)
                if text and not self.check_expression(node, attribute, column, text, names, instances):
                    setattr(node, attribute, "")
            default = getattr(node, "default", "")
            if (default and ("${" in default or "(" in default)
                    and not self.check_expression(node, "default", "default", default, names, instances)):
                node.default = ""

    def check_expression(self, node, attribute, column, text, names, instances=()):
        try:
            tree = parse(text)
            unknown = [name for name in references(text) if name not in names]
            for name in instance_names(tree):
                if name not in instances:
                    self.error("SURVEY-E004", f"instance('{name}') names no choice list and no file of the form",
                               "survey", node.source.row, column)
                    return False
        except ExpressionError as error:
            if str(error).startswith("function not supported"):
                self.problem("SURVEY-W005", f"{error} in '{text}': this {column} is ignored",
                             str(error).split(": ", 1)[1], "survey", node.source.row, column)
            else:
                self.error("SURVEY-E003", f"{error} in {column} '{text}'", "survey", node.source.row, column)
            return False
        except RecursionError:
            self.error("SURVEY-E003", f"the {column} is nested too deeply to read", "survey", node.source.row, column)
            return False
        for name in unknown:
            self.error("SURVEY-E004", f"${{{name}}} names no question of the form", "survey", node.source.row, column)
        return not unknown


_CHOICE_NAME_LIST = re.compile(r"(,\s*)(['\"])\$\{\s*([A-Za-z_][\w.\-]*)\s*\}\2(\s*\))")


def choice_list_names(text, lists):
    """``jr:choice-name(${q}, '${q}')`` → ``jr:choice-name(${q}, 'list of q')``: ODK names the question
    whose choices to use; the engine looks the label up in that list (``lists``: question → list)."""
    if not text or "jr:choice-name" not in text:
        return text
    return _CHOICE_NAME_LIST.sub(lambda m: f"{m.group(1)}'{lists.get(m.group(3), m.group(3))}'{m.group(4)}", text)


_SUPPORTED_KINDS = ("text", "integer", "decimal", "date", "select_one", "select_multiple",
                    "note", "acknowledge", "calculate", "range", "rank") + STORED_META_TYPES


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
