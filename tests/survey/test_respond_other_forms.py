"""Other XLSForms than the study's answered through the web form: every question type, defaults,
filtered choices, repeats with repeat_count, calculations; answers go through the HTML and back."""
import random

import pytest
from django.test import Client

from citydip.survey import tokens
from citydip.survey import xlsform as engine
from citydip.survey.models import AccessToken, Response
from citydip.survey.page_flow import Flow, page_key
from citydip.survey.respond_answers import finalise_answers
from citydip.survey.review import load_wave_form
from citydip.survey.synthetic import AnswerGenerator
from citydip.survey.xlsform.model import Repeat
from tests.survey.web_fixtures import FIXTURES, make_city, make_wave

INSTRUMENT = FIXTURES.parents[2] / "src" / "citydip" / "survey" / "instruments" / "eu_china_cities.xlsx"
FORMS = [FIXTURES / "household_roster.md", FIXTURES / "mini_form.md", FIXTURES / "unsupported_features.md",
         FIXTURES / "legacy_syntax.md", INSTRUMENT]


def post_data(form, page, answers):
    """What a browser posts for ``answers`` on ``page``: field paths as names, repeat counts."""
    data = {"page": page_key(page), "action": "next"}
    for question, path in engine.fields(page.nodes, answers):
        value = engine.value_at(answers, path)
        if value is not None and (question.is_input or question.name.endswith("_place_id")):
            data[path] = value if isinstance(value, list) else str(value)
    add_counts(page.nodes, answers, "", data)
    return data


def add_counts(nodes, answers, prefix, data):
    for node in nodes:
        if isinstance(node, Repeat):
            entries = engine.value_at(answers, prefix + node.name) or []
            data[f"{prefix}{node.name}.__count"] = str(len(entries))
            for i in range(len(entries)):
                add_counts(node.children, answers, f"{prefix}{node.name}[{i}].", data)
        elif hasattr(node, "children"):
            add_counts(node.children, answers, prefix, data)


@pytest.mark.parametrize("path", FORMS, ids=lambda p: p.name)
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_generated_answers_survive_the_round_trip_through_the_web_form(db, path, seed):
    wave = make_wave(path)
    token = tokens.issue(wave, make_city(), "en", AccessToken.Kind.TEST)
    form = load_wave_form(wave)
    answers = AnswerGenerator(form, random.Random(seed), "en").generate()
    client = Client()
    for page in Flow(form, answers).relevant:
        shown = client.get(f"/survey/r/{token}/?page={page_key(page)}")
        assert shown.status_code == 200
        saved = client.post(f"/survey/r/{token}/", post_data(form, page, answers))
        assert saved.status_code == 302, saved.content.decode()[:2000]
    done = client.post(f"/survey/r/{token}/review/")
    assert done.status_code == 302 and "/done/" in done["Location"]
    response = Response.objects.get()
    assert response.state == "complete"
    assert response.answers == finalise_answers(form, answers, "en")
