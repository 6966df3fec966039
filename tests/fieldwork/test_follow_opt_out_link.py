"""The opt-out link, and the token throttle: wrong tokens get a 404 like missing ones, and are slowed down."""
import datetime
import re

import pytest
import time_machine
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from citydip.core import throttle
from citydip.fieldwork.models import Invitation
from citydip.survey.tokens import new_token
from tests.fieldwork.conftest import make_cities, make_wave

pytestmark = pytest.mark.django_db
OPT_OUT = re.compile(r"https?://[^/\s]+(/fieldwork/optout/\S+/)")


def delivered_opt_out_path(smtp_server, address):
    [message] = smtp_server.to(address)
    return OPT_OUT.search(message.get_body().get_content()).group(1)


def test_the_opt_out_link_in_a_message_stops_further_messages(smtp_server):
    make_wave()
    cities = make_cities(3)
    call_command("fieldwork", "invite", "--rate", "0", "--quiet")
    path = delivered_opt_out_path(smtp_server, "city-1@example.org")
    client = Client()  # not logged in: the link is public
    page = client.get(path)
    assert page.status_code == 200 and "Ne plus recevoir de messages" in page.content.decode()
    assert client.post(path).status_code == 200
    assert Invitation.objects.get(city=cities[1]).status == "opted_out"
    Invitation.objects.update(last_message_at=timezone.now() - datetime.timedelta(days=30))
    smtp_server.messages.clear()
    call_command("fieldwork", "remind", "--after-days", "7", "--max", "3", "--rate", "0", "--quiet")
    assert sorted(r for r, _ in smtp_server.messages) == ["city-0@example.org", "city-2@example.org"]


def test_a_wrong_token_gets_the_same_answer_as_a_missing_one():
    client = Client()
    wrong = client.get(f"/fieldwork/optout/{new_token()}/")
    nonsense = client.get("/fieldwork/optout/x/")
    assert wrong.status_code == nonsense.status_code == 404
    assert wrong.content == nonsense.content


def test_repeated_wrong_tokens_are_slowed_down_even_for_a_right_token(smtp_server):
    make_wave()
    make_cities(1)
    call_command("fieldwork", "invite", "--rate", "0", "--quiet")
    right = delivered_opt_out_path(smtp_server, "city-0@example.org")
    guesser, other = Client(REMOTE_ADDR="203.0.113.7"), Client(REMOTE_ADDR="198.51.100.1")
    with time_machine.travel(timezone.now(), tick=False) as clock:
        for _ in range(throttle.ALLOWED):
            assert guesser.get(f"/fieldwork/optout/{new_token()}/").status_code == 404
        blocked = guesser.get(right)
        assert blocked.status_code == 429 and blocked["Retry-After"] == "1"
        assert other.get(right).status_code == 200  # another address is not affected
        clock.shift(datetime.timedelta(seconds=3))
        assert guesser.get(right).status_code == 200
        assert guesser.get(f"/fieldwork/optout/{new_token()}/").status_code == 404
        assert guesser.get(right)["Retry-After"] == "2"  # the wait doubles with each further failure
        clock.shift(throttle.WINDOW + datetime.timedelta(seconds=1))
        assert guesser.get(right).status_code == 200  # forgotten after the window
