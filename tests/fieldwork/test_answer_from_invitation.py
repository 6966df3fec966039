"""End to end: an invitation delivered by a real SMTP server on 127.0.0.1, its link followed, the
study's questionnaire answered through the link, and the reminder run then leaving that city alone."""
import json
import random

from django.core.management import call_command
from django.test import Client

from citydip.fieldwork.models import Invitation
from citydip.survey.demo_data import INSTRUMENT
from citydip.survey.models import Response, Wave
from citydip.survey.synthetic import AnswerGenerator
from citydip.survey.waves import store_questionnaire
from tests.fieldwork.conftest import make_cities
from tests.fieldwork.test_send_invitations import LINK


def test_a_city_answers_through_its_invitation_and_gets_no_reminder(db, smtp_server):
    questionnaire, form = store_questionnaire(INSTRUMENT.read_bytes(), INSTRUMENT.name)
    Wave.objects.create(name="Wave 1", questionnaire=questionnaire)
    make_cities(3)
    call_command("survey", "invite", "--quiet")
    [message] = smtp_server.to("city-0@example.org")
    token, language = LINK.search(message.get_body(preferencelist=("plain",)).get_content()).groups()

    client = Client()
    page = client.get(f"/survey/r/{token}/?lang={language}")
    assert page.status_code == 200 and 'name="consent"' in page.content.decode()

    answers = AnswerGenerator(form, random.Random(1)).generate({"consent": "yes", "coop_status": "never"})
    saved = client.post(f"/api/v1/responses/{token}", json.dumps({"answers": answers, "submit": True}),
                        content_type="application/json")
    assert saved.status_code == 200, saved.content
    response = Response.objects.get(city__name="Testville 0")
    assert response.state == Response.State.COMPLETE and response.answers["coop_status"] == "never"

    call_command("survey", "remind", "--after-days", "0", "--max", "3", "--quiet")
    assert len(smtp_server.to("city-0@example.org")) == 1
    assert len(smtp_server.to("city-1@example.org")) == 2
    assert Invitation.objects.get(city=response.city).status == "complete"
