"""Between the form model and HTML: the items a page template renders, and the answers a posted page gives.

Every answer has a field path (``name``, or ``repeat[i].name`` inside a repeat, see forms/model.py);
the path is the HTML ``name`` of its input, so a posted page maps back to answers without a lookup
table. A repeat posts ``<path>.__count`` (how many entries the page showed) so that entries can be
added and removed with plain submit buttons, without JavaScript.

Items carry ``relevant`` (the server's verdict, rendered as the ``hidden`` attribute) and the
``relevant`` expression itself, which static/survey/form.js re-evaluates live in the browser.
"""
import re
from functools import cached_property

from citydip.survey import study_settings
from citydip.survey import xlsform as engine
from citydip.survey.xlsform.expressions import to_string
from citydip.survey.xlsform.messages import message
from citydip.survey.xlsform.model import Group, Question, Repeat
from citydip.survey.xlsform.runtime import node_bool

# A text question `<prefix>_name` next to `<prefix>_place_id` is a place typed with suggestions.
PLACE_NAME_SUFFIX, PLACE_ID_SUFFIX = "_name", "_place_id"


def field_id(path):
    """An HTML id for a field path: ``partners[0].partner_name`` → ``f-partners-0-partner_name``."""
    return "f-" + re.sub(r"[^A-Za-z0-9_]+", "-", path).strip("-")


def join(prefix, name):
    return f"{prefix}.{name}" if prefix else name


def get_path(answers, path):
    """The answer at a field path, or None."""
    value = answers
    for part in path.split("."):
        match = re.match(r"^(.+?)(?:\[(\d+)\])?$", part)
        value = value.get(match.group(1)) if isinstance(value, dict) else None
        if match.group(2) is not None:
            index = int(match.group(2))
            value = value[index] if isinstance(value, list) and index < len(value) else None
    return value


def safe_relevant(node, answers, path):
    """Whether a node is shown; a failing condition shows it (the engine's runtime.py records why)."""
    return node_bool(node, "relevant", node.relevant, answers, path, fallback=True)


def repeat_size(form, repeat, answers, path):
    """How many entries a repeat shows: its ``repeat_count`` when set, else its answers (at least one)."""
    entries = get_path(answers, path)
    wanted = engine.repeat_count(form, repeat, answers, path)
    if wanted is not None:
        return min(wanted, 200)
    return max(1, len(entries) if isinstance(entries, list) else 0)


def choices_of(form, question, answers, path, lang):
    """``[(name, label)]`` of a select question, filtered by its choice_filter."""
    choices = engine.choices_for(form, question, answers, path)
    return [(c.name, form.text(c.label, lang) or c.name) for c in choices]


WIDGETS = {"text": "text", "integer": "integer", "decimal": "decimal", "date": "date",
           "select_multiple": "checkbox", "acknowledge": "acknowledge", "rank": "rank"}


def widget_for(question, siblings):
    appearance = question.appearance.split()
    if question.type == "select_one":
        return "select" if "minimal" in appearance else "radio"
    if question.type == "range":
        whole = question.range and all(float(p).is_integer() for p in question.range)
        return "integer" if whole else "decimal"
    if question.type == "text":
        if question.name.endswith(PLACE_NAME_SUFFIX) and place_id_name(question) in siblings:
            return "place"
        return "textarea" if "multiline" in appearance else "text"
    return WIDGETS.get(question.type, "text")


def place_label(place_id):
    """How a chosen place is shown under the field (as static/survey/places.js shows it)."""
    from citydip.gazetteer.models import Place

    place = Place.objects.filter(place_id=place_id).select_related("province").first() if place_id else None
    if place is None:
        return ""
    province = f" ({place.province.name})" if place.province_id else ""
    return f"{place.name} {place.name_zh}".strip() + province


def place_id_name(question):
    return question.name[: -len(PLACE_NAME_SUFFIX)] + PLACE_ID_SUFFIX


class PageBuilder:
    """Builds the template items of some nodes for one respondent, language and set of errors."""

    def __init__(self, form, answers, lang, errors=None, raw=None):
        self.form, self.lang = form, lang
        self.answers = engine.calculated(form, answers)  # conditions and labels may read a calculation
        self.errors = errors or {}
        self.raw = raw or {}  # what was typed but could not be read (shown back with its error)

    def calculations(self):
        """``[[name, expression], ...]`` of the form's calculations outside repeats, in form order, for
        expressions.js to recompute them as the respondent answers (conditions may read them)."""
        return [[q.name, q.calculation] for q in self.form.questions() if q.calculation and not q.repeats]

    def instances(self, nodes):
        """The secondary instances (choice lists, files) that the relevant expressions of these nodes
        and the calculations read, for expressions.js to re-evaluate them live as the server does;
        {} when none does."""
        from citydip.survey.xlsform.expressions import ExpressionError, instance_names, parse

        names = set()
        expressions = [node.relevant for node in self.form.walk(nodes)] + [e for _, e in self.calculations()]
        for expression in expressions:
            if "jr:" in expression:  # jr:itext, jr:choice-name: a list named in a string
                names.update(self.form.instances())
            elif "instance(" in expression:
                try:
                    names.update(instance_names(parse(expression)))
                except ExpressionError:
                    continue
        available = self.form.instances()
        return {name: available[name] for name in sorted(names) if name in available}

    def items(self, nodes, prefix="", hidden_by=None):
        siblings = {n.name for n in nodes}
        place_ids = {place_id_name(n) for n in nodes if isinstance(n, Question) and widget_for(n, siblings) == "place"}
        built = []
        for node in nodes:
            if node.name in place_ids or (isinstance(node, Question) and node.type == "calculate"):
                continue
            item = self.item(node, prefix, siblings)
            if item is not None:
                built.append(item)
        return built

    def item(self, node, prefix, siblings):
        path = join(prefix, node.name)
        base = {"path": path, "id": field_id(path), "relevant_expr": node.relevant,
                "relevant": safe_relevant(node, self.answers, path), "node": node}
        if isinstance(node, Repeat):
            return {**base, "kind": "repeat", **self.repeat(node, path)}
        if isinstance(node, Group):
            return {**base, "kind": "section", "label": self.text(node.label, path),
                    "items": self.items(node.children, prefix)}
        if node.type == "note" or not node.supported or (node.read_only and node.type != "calculate"):
            value = get_path(self.answers, path)
            return {**base, "kind": "note", "label": self.text(node.label, path), "hint": self.text(node.hint, path),
                    "value": "" if value is None else to_string(value)}
        return {**base, "kind": "question", **self.question(node, path, siblings)}

    def text(self, texts, path):
        """A label or hint: ``${name}`` from the answers, ``{study_...}`` from the study settings."""
        text = engine.interpolate(self.form.text(texts, self.lang), self.answers, path)
        return study_settings.fill(text, self.study) if text and "{study_" in text else text

    @cached_property
    def study(self):
        """The study settings, read once for the page (the consent page names several)."""
        return study_settings.values()

    def question(self, q, path, siblings):
        fid = field_id(path)
        value = self.raw.get(path, get_path(self.answers, path))
        if value is None and q.default:
            value = engine.default_value(q, self.answers, path)  # saved with the page unless changed
        widget = widget_for(q, siblings)
        data = {"q": q, "name": path, "label": self.text(q.label, path) or q.name,
                "hint": self.text(q.hint, path), "hint_id": fid + "-hint", "error": self.errors.get(path, ""),
                "error_id": fid + "-error", "widget": widget, "required": q.required, "anchor": fid,
                "value": "" if value is None else value}
        if q.is_select:
            chosen = value if isinstance(value, list) else [value]
            data["choices"] = [{"value": name, "label": label, "id": f"{fid}-{i}", "checked": name in chosen}
                               for i, (name, label) in enumerate(choices_of(self.form, q, self.answers, path, self.lang))]
            if widget == "rank":  # one list per place, each preselecting the option ranked there
                data["places"] = [{"number": i + 1, "id": f"{fid}-place-{i}", "chosen": chosen[i] if i < len(chosen) else ""}
                                  for i in range(len(data["choices"]))]
            if widget != "select" and data["choices"]:
                data["anchor"] = data["choices"][0]["id"]
        if widget == "place":
            id_path = path[: -len(q.name)] + place_id_name(q)
            place_id = get_path(self.answers, id_path) or ""
            data["place"] = {"name": id_path, "id": field_id(id_path), "value": place_id, "label": place_label(place_id)}
        return data

    def repeat(self, repeat, path):
        size = repeat_size(self.form, repeat, self.answers, path)
        label = self.text(repeat.label, path) or repeat.name
        entries = [{"index": i, "number": i + 1, "path": f"{path}[{i}]", "id": field_id(f"{path}[{i}]"),
                    "items": self.items(repeat.children, f"{path}[{i}]")} for i in range(size)]
        open_ended = not repeat.repeat_count
        return {"label": label, "entries": entries, "count": size, "can_add": open_ended,
                "can_remove": open_ended and size > 1, "count_name": f"{path}.__count"}


# -- reading a posted page --------------------------------------------------------------------
def parse_value(question, raw, lang=None):
    """``(value, error message)`` of what was posted for one question (the engine's parse_value)."""
    value, problem = engine.parse_value(question, raw)
    return (None, message(problem, lang)) if problem else (value, "")


class PostReader:
    """Reads the answers of some nodes from a posted page (a QueryDict)."""

    def __init__(self, post, lang=None):
        self.post, self.lang = post, lang
        self.raw, self.errors = {}, {}

    def read(self, nodes, prefix=""):
        values = {}
        for node in nodes:
            path = join(prefix, node.name)
            if isinstance(node, Repeat):
                count = self.count(path)
                values[node.name] = [self.read(node.children, f"{path}[{i}]") for i in range(count)]
            elif isinstance(node, Group):
                values.update(self.read(node.children, prefix))
            elif isinstance(node, Question) and self.posts(node):
                raw = self.post.getlist(path) if node.is_list_answer else self.post.get(path, "")
                value, error = parse_value(node, raw, self.lang)
                if error:
                    self.raw[path], self.errors[path] = raw, error
                values[node.name] = value
        return {key: value for key, value in values.items() if value not in (None, "", [])}

    def posts(self, question):
        if question.type == "acknowledge":
            return True
        return question.type in ("text", "integer", "decimal", "date", "select_one", "select_multiple", "range", "rank") and (
            not question.read_only or question.name.endswith(PLACE_ID_SUFFIX))

    def count(self, path):
        try:
            return max(0, min(200, int(self.post.get(f"{path}.__count", "0"))))
        except ValueError:
            return 0


def page_names(nodes):
    """Top-level answer keys a page owns: its questions and repeats (groups are flattened)."""
    names = set()
    for node in nodes:
        if isinstance(node, (Repeat, Question)):
            names.add(node.name)
        elif isinstance(node, Group):
            names |= page_names(node.children)
    return names


def change_entries(values, action):
    """Apply ``add:<repeat path>`` or ``remove:<repeat path>[i]`` to posted values; True if it did."""
    verb, _sep, path = action.partition(":")
    if verb not in ("add", "remove") or not path:
        return False
    steps = path.split(".")
    container = values
    for step in steps[:-1]:
        name, index = re.match(r"^(.+?)(?:\[(\d+)\])?$", step).groups()
        container = container.setdefault(name, [])
        if index is None or int(index) >= len(container):
            return False
        container = container[int(index)]
    name, index = re.match(r"^(.+?)(?:\[(\d+)\])?$", steps[-1]).groups()
    entries = container.setdefault(name, [])
    if verb == "add":
        entries.extend([{}] * (1 if entries else 2))  # an empty page shows one entry; "add" makes it two
    elif index is not None and int(index) < len(entries):
        entries.pop(int(index))
    return True
