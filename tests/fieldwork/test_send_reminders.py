"""`fieldwork remind`: only cities that have not completed (nor refused, opted out, bounced) are reminded."""
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.db.models import F

from citydip.fieldwork.models import Invitation, MessageLog
from citydip.survey.models import Response
from tests.fieldwork.conftest import make_cities, make_wave

pytestmark = pytest.mark.django_db


def send(verb, *args):
    call_command("fieldwork", verb, "--rate", "0", "--retry-delay", "0", "--quiet", *args)


def age_messages(days):
    Invitation.objects.update(last_message_at=F("last_message_at") - timedelta(days=days))


def test_a_reminder_run_reaches_only_the_cities_that_have_not_completed(smtp_server):
    wave = make_wave()
    cities = make_cities(7)
    send("invite")
    Response.objects.filter(wave=wave, city=cities[0]).update(state="complete")
    Response.objects.filter(wave=wave, city=cities[1]).update(state="partial")
    Invitation.objects.filter(city=cities[2]).update(status="refused")
    Invitation.objects.filter(city=cities[3]).update(status="opted_out")
    Invitation.objects.filter(city=cities[4]).update(status="bounced")
    smtp_server.messages.clear()
    send("remind", "--after-days", "7", "--max", "2")
    assert smtp_server.messages == []  # nobody is due yet
    age_messages(8)
    send("remind", "--after-days", "7", "--max", "2")
    reminded = sorted(rcpt for rcpt, _ in smtp_server.messages)
    assert reminded == ["city-1@example.org", "city-5@example.org", "city-6@example.org"]
    assert "Rappel" in smtp_server.to("city-1@example.org")[0]["Subject"]  # Testville 1 is French


def test_no_city_gets_more_than_max_reminders(smtp_server):
    make_wave()
    make_cities(2)
    send("invite")
    for _ in range(4):
        age_messages(8)
        send("remind", "--after-days", "7", "--max", "2")
    assert MessageLog.objects.filter(kind="reminder").count() == 4
    assert set(Invitation.objects.values_list("reminders_sent", flat=True)) == {2}


def test_a_reminder_carries_a_link_to_the_same_response(smtp_server):
    import re

    from citydip.survey import tokens

    wave = make_wave()
    cities = make_cities(1)
    send("invite")
    age_messages(8)
    send("remind", "--after-days", "7", "--max", "1")
    first, reminder = smtp_server.to("city-0@example.org")
    links = [re.search(r"/survey/r/(\S+?)/", m.get_body().get_content()).group(1) for m in (first, reminder)]
    assert links[0] != links[1]
    assert {tokens.resolve(t).response.pk for t in links} == {Response.objects.get(wave=wave, city=cities[0]).pk}
