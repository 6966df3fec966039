import json

import pytest
from django.test import Client

from citydip.survey.openapi import ERROR_CODES
from tests.survey.web_fixtures import city, link, mini_wave  # noqa: F401


@pytest.fixture
def document(db):
    return Client().get("/api/openapi.json").json()


def test_it_is_an_openapi_3_1_document_without_login(document):
    assert document["openapi"] == "3.1.0"
    assert "/api/v1/responses/{token}" in document["paths"]


def test_it_is_valid_openapi(document):
    import schemathesis

    schemathesis.openapi.from_dict(document).validate()  # the OpenAPI 3.1 meta-schema


def conforms(document, name, instance):
    from jsonschema import Draft202012Validator

    schema = {"$ref": f"#/components/schemas/{name}", "components": document["components"]}
    Draft202012Validator(schema).validate(instance)


def test_what_the_api_returns_conforms_to_the_schemas(document, link):
    conforms(document, "Response", Client().get(f"/api/v1/responses/{link}").json())
    conforms(document, "Error", Client().get("/api/v1/responses/wrong").json())
    invalid = Client().post(f"/api/v1/responses/{link}", json.dumps({"answers": {"coop_status": "x"}}),
                            content_type="application/json")
    conforms(document, "Error", invalid.json())


def test_every_status_the_api_answers_is_documented(document, link):
    operations = document["paths"]["/api/v1/responses/{token}"]
    seen = {
        ("get", Client().get(f"/api/v1/responses/{link}").status_code),
        ("get", Client().get("/api/v1/responses/wrong").status_code),
        ("post", Client().post(f"/api/v1/responses/{link}", "[]", content_type="application/json").status_code),
        ("post", Client().post(f"/api/v1/responses/{link}", json.dumps({"answers": {"coop_status": "x"}}),
                               content_type="application/json").status_code),
    }
    for method, status in seen:
        assert str(status) in operations[method]["responses"], (method, status)


def test_undocumented_methods_are_refused_with_the_documented_ones_allowed(document, link):
    response = Client().delete(f"/api/v1/responses/{link}")
    documented = {m.upper() for m in document["paths"]["/api/v1/responses/{token}"] if m != "parameters"}
    assert response.status_code == 405 and set(response["Allow"].split(", ")) == documented


@pytest.mark.django_db
def test_every_error_code_is_in_the_schema(document):
    assert document["components"]["schemas"]["ErrorItem"]["properties"]["code"]["enum"] == sorted(ERROR_CODES)


def test_it_describes_the_answers_of_the_current_waves_questionnaire(link):
    document = Client().get("/api/openapi.json").json()
    answers = document["components"]["schemas"]["Answers"]
    assert answers["properties"]["coop_status"]["enum"] == ["current", "past", "never", None]
    entry = answers["properties"]["partners"]["items"]
    assert entry["properties"]["partner_year"]["type"] == ["integer", "null"] and entry["additionalProperties"] is False
    body = Client().get(f"/api/v1/responses/{link}").json()
    conforms(document, "Response", body)
