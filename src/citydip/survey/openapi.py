"""The OpenAPI 3.1 document of the survey API, written by hand so it says exactly what api.py does.

tests/survey/test_openapi.py checks it against the behaviour (and schemathesis can fuzz it).
"""

ERROR_CODES = {
    "SURVEY-E201": "the response was already submitted",
    "SURVEY-E202": "an answer is not valid (required, type, choice or constraint)",
    "SURVEY-E203": "an answer names no question of the form",
    "SURVEY-E204": "no response has this token (or it was revoked)",
    "SURVEY-E205": "method not allowed",
    "SURVEY-E206": "the body is not a JSON object of the documented shape",
    "CORE-E020": "too many wrong tokens from this address: wait Retry-After seconds",
}

ANSWER_VALUE = {
    "description": "text, choice name, integer, decimal or date (YYYY-MM-DD) answer; a list of choice names "
                   "for select_multiple; a list of objects for a repeat; null removes the answer",
    "type": ["string", "number", "integer", "array", "null"],
    "items": {"anyOf": [{"type": "string"}, {"type": "object"}]},
}

SCHEMAS = {
    "Answers": {
        "type": "object",
        "description": "keyed by XLSForm question names; groups are flattened; unanswered questions are absent",
        "additionalProperties": ANSWER_VALUE,
    },
    "ResponseUpdate": {
        "type": "object",
        "properties": {
            "answers": {"$ref": "#/components/schemas/Answers"},
            "submit": {"type": "boolean", "default": False,
                       "description": "submit after saving: the whole response is validated first"},
            "language": {"type": ["string", "null"], "description": "language code of the messages, e.g. de"},
        },
    },
    "Response": {
        "type": "object",
        "required": ["ok", "city", "wave", "form", "state", "language", "revision", "started", "last_saved",
                     "submitted", "answers"],
        "properties": {
            "ok": {"const": True},
            "city": {"type": "object", "required": ["city_id", "name", "country"], "properties": {
                "city_id": {"type": "string"}, "name": {"type": "string"}, "country": {"type": "string"}}},
            "wave": {"type": "object", "required": ["id", "name"], "properties": {
                "id": {"type": "integer"}, "name": {"type": "string"}}},
            "form": {"type": "object", "required": ["form_id", "version", "languages", "default_language"],
                     "properties": {"form_id": {"type": "string"}, "version": {"type": "string"},
                                    "languages": {"type": "array", "items": {"type": "string"}},
                                    "default_language": {"type": "string"}}},
            "state": {"enum": ["not_started", "partial", "complete"]},
            "language": {"type": "string"},
            "revision": {"type": "integer", "minimum": 0, "description": "incremented by every save"},
            "started": {"type": ["string", "null"], "format": "date-time"},
            "last_saved": {"type": ["string", "null"], "format": "date-time"},
            "submitted": {"type": ["string", "null"], "format": "date-time"},
            "answers": {"$ref": "#/components/schemas/Answers"},
        },
    },
    "ErrorItem": {
        "type": "object",
        "required": ["ok", "error", "code", "location"],
        "properties": {
            "ok": {"const": False},
            "error": {"type": "string", "description": "what is wrong and how to fix it"},
            "code": {"enum": sorted(ERROR_CODES)},
            "location": {"type": "object", "description": "e.g. {\"field\": \"partners[0].partner_year\"}",
                         "additionalProperties": {"type": ["string", "integer"]}},
        },
    },
    "Error": {
        "description": "the one error shape of citydip: the first error, and all of them in `errors`",
        "allOf": [{"$ref": "#/components/schemas/ErrorItem"}, {
            "type": "object", "required": ["errors"],
            "properties": {"errors": {"type": "array", "items": {"$ref": "#/components/schemas/ErrorItem"}}}}],
    },
}


def error(description):
    return {"description": description, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}


def ok(description):
    return {"description": description, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Response"}}}}


TOKEN = {"name": "token", "in": "path", "required": True, "schema": {"type": "string", "minLength": 1},
         "description": "the personal token of the survey link (the last part of /survey/r/<token>/)"}


def schemas_for(form):
    """The component schemas, with the answers of ``form`` (the current wave's) when there is one."""
    from citydip.survey.answer_schema import GENERIC, answers_schema

    schemas = {**SCHEMAS, "Answers": answers_schema(form) if form is not None else GENERIC}
    update = schemas["ResponseUpdate"]
    schemas["ResponseUpdate"] = {**update, "additionalProperties": False}
    if form is not None:
        language = {**update["properties"]["language"], "enum": list(form.languages) + [None]}
        schemas["ResponseUpdate"]["properties"] = {**update["properties"], "language": language}
    return schemas


def build_document(server_url="", form=None):
    response_path = {
        "parameters": [TOKEN],
        "get": {"operationId": "getResponse", "summary": "The response of the city this token belongs to",
                "responses": {"200": ok("the response"), "404": error("unknown or revoked token (SURVEY-E204)"),
                              "429": error("too many wrong tokens from this address: wait Retry-After seconds "
                                           "(CORE-E020)")}},
        "post": {
            "operationId": "saveResponse",
            "summary": "Save answers (partial answers allowed) and optionally submit",
            "description": "Keys given replace the stored answers of those questions; other answers stay. "
                           "Given answers must be valid; missing required answers only block `submit`.",
            "requestBody": {"required": False, "content": {"application/json": {
                "schema": {"$ref": "#/components/schemas/ResponseUpdate"},
                "example": {"answers": {"coop_status": "never", "past_contacts": "no"}, "submit": False}}}},
            "responses": {"200": ok("the saved response"),
                          "400": error("the body does not fit the schema: not a JSON object of this shape, a value "
                                       "of the wrong type or choice (SURVEY-E206), an unknown question (SURVEY-E203)"),
                          "404": error("unknown or revoked token (SURVEY-E204)"),
                          "409": error("already submitted (SURVEY-E201)"),
                          "429": error("too many wrong tokens from this address: wait Retry-After seconds "
                                       "(CORE-E020)"),
                          "422": error("answers that fit the schema but not the form's rules: a constraint, a "
                                       "required answer at submission (SURVEY-E202); each error names its field path")},
        },
    }
    return {
        "openapi": "3.1.0",
        "info": {"title": "citydip survey API", "version": "1",
                 "description": "The JSON form of a survey response. The token of the personal link is the "
                                "authentication; there are no cookies or keys. Other methods than GET and POST "
                                "are answered 405 (SURVEY-E205) with `Allow: GET, POST`."},
        "servers": [{"url": server_url or "/"}],
        "paths": {"/api/v1/responses/{token}": response_path},
        "components": {"schemas": schemas_for(form)},
    }
