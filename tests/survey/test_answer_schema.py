"""Posted answers checked against the form's JSON Schema (survey/answer_schema.py), the validator built
once per form a process serves."""
import pytest

from citydip.core.errors import CitydipErrors
from citydip.survey import answer_schema
from citydip.survey.answer_schema import answers_validator, check_answers
from citydip.survey.xlsform import load_form
from tests.survey.web_fixtures import FIXTURES

MINI = FIXTURES / "mini_form.md"


def mini_form():
    return load_form(MINI.read_bytes(), MINI.name, directory=MINI.parent)


def test_the_validator_is_built_once_per_form_and_checks_as_the_schema_says():
    form, other = mini_form(), mini_form()
    assert answers_validator(form) is answers_validator(form)
    assert answers_validator(other) is not answers_validator(form)
    check_answers(form, {"coop_status": "never", "comments": None})
    with pytest.raises(CitydipErrors) as caught:
        check_answers(form, {"coop_status": "sometimes", "colour": "blue"})
    assert sorted(e.code for e in caught.value.errors) == ["SURVEY-E203", "SURVEY-E206"]


def test_only_the_last_few_forms_keep_their_validator():
    forms = [mini_form() for _ in range(answer_schema._KEPT + 3)]
    for form in forms:
        answers_validator(form)
    assert len(answer_schema._VALIDATORS) == answer_schema._KEPT
    assert answer_schema._VALIDATORS[id(forms[-1])][0] is forms[-1]
