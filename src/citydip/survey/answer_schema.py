"""The JSON Schema of a form's answers (BRIEF "Survey answers"), and checking answers against it.

The API checks the shape of posted answers with this schema (jsonschema, Draft 2020-12) before the
form engine checks their meaning (required, relevance, constraints), and the OpenAPI document
publishes the same schema, so the document and the behaviour cannot disagree. ``null`` removes an
answer. Only questions a respondent answers (not notes, calculations or read-only fields) and
repeats are keys.
"""
from jsonschema import Draft202012Validator

from citydip.core.errors import CitydipError, CitydipErrors
from citydip.survey.page_fields import PLACE_ID_SUFFIX
from citydip.survey.xlsform.model import Group, Question, Repeat

GENERIC = {
    "type": "object",
    "description": "keyed by XLSForm question names; groups are flattened; repeats are lists of objects",
    "additionalProperties": {"type": ["string", "number", "integer", "array", "null"]},
}


def answerable(node):
    if isinstance(node, Repeat):
        return True
    return isinstance(node, Question) and (node.is_input or (node.name.endswith(PLACE_ID_SUFFIX) and node.type == "text")
                                           or node.type == "acknowledge")


def value_schema(form, question):
    names = [choice.name for choice in form.choice_list(question)]
    if question.type == "select_one":
        return {"enum": names + [None]}
    if question.type in ("select_multiple", "rank"):  # rank: the choices in the respondent's order
        return {"type": ["array", "null"], "items": {"enum": names}, "uniqueItems": True}
    if question.type == "range":
        return {"type": ["number", "null"]}
    if question.type == "acknowledge":
        return {"enum": ["OK", None]}
    if question.type == "integer":
        return {"type": ["integer", "null"]}
    if question.type == "decimal":
        return {"type": ["number", "null"]}
    if question.type == "date":
        return {"type": ["string", "null"], "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}
    return {"type": ["string", "null"]}


def scope_schema(form, nodes, description=""):
    properties = {}
    for node in flatten(nodes):
        if isinstance(node, Repeat):
            entry = scope_schema(form, node.children)
            properties[node.name] = {"type": ["array", "null"], "items": entry,
                                     "description": f"repeat: {form.label(node, form.default_language)}"}
        elif answerable(node):
            properties[node.name] = {**value_schema(form, node), "description": form.label(node, form.default_language)}
        elif isinstance(node, Question) and node.type == "calculate":
            properties[node.name] = {"type": ["string", "number", "integer", "null"], "readOnly": True,
                                     "description": "calculated by the form at submission"}
    schema = {"type": "object", "properties": properties, "additionalProperties": False}
    return {**schema, "description": description} if description else schema


def flatten(nodes):
    """Nodes of one answer scope: groups are see-through, repeats open a scope of their own."""
    for node in nodes:
        if isinstance(node, Group) and not isinstance(node, Repeat):
            yield from flatten(node.children)
        else:
            yield node


def answers_schema(form):
    return scope_schema(form, form.children, f"answers to {form.form_id} version {form.version}, keyed by "
                                             "XLSForm names; unanswered questions are absent")


# The validators of the forms this process checks answers against, newest last: building a form's schema
# took about a twentieth of an API save. A process serves few forms (review.load_wave_form keeps them).
_VALIDATORS = {}  # id(form) -> (form, validator)
_KEPT = 8


def answers_validator(form):
    cached = _VALIDATORS.get(id(form))
    if cached is None or cached[0] is not form:
        cached = _VALIDATORS[id(form)] = (form, Draft202012Validator(answers_schema(form)))
        while len(_VALIDATORS) > _KEPT:
            del _VALIDATORS[next(iter(_VALIDATORS))]
    return cached[1]


def check_answers(form, answers):
    """CitydipErrors for answers that do not fit the form's schema (unknown names, wrong types or choices)."""
    validator = answers_validator(form)
    errors = [schema_error(e) for e in sorted(validator.iter_errors(answers), key=lambda e: list(e.path))]
    if errors:
        raise CitydipErrors(errors)


def schema_error(error):
    path = field_path(error.path)
    if error.validator == "additionalProperties":
        names = sorted(set(error.instance) - set(error.schema.get("properties", {})))
        where = f"{path}." if path else ""
        return CitydipError("SURVEY-E203", f"the form has no question named {names[0]!r} here", field=where + names[0])
    return CitydipError("SURVEY-E206", f"{path or 'answers'}: {error.message}", field=path or "answers")


def field_path(steps):
    path = ""
    for step in steps:
        path += f"[{step}]" if isinstance(step, int) else (f".{step}" if path else str(step))
    return path
