"""`fieldwork invite` through a real SMTP server on 127.0.0.1."""
import re
from collections import Counter

import pytest
from django.core.management import call_command

from citydip.fieldwork import sending
from citydip.fieldwork.models import Invitation, MessageLog
from citydip.survey import tokens
from tests.fieldwork.conftest import make_cities, make_wave

pytestmark = pytest.mark.django_db

LINK = re.compile(r"https?://\S+/survey/r/(\S+?)/\?lang=(\w+)")


def invite(*args):
    call_command("fieldwork", "invite", "--rate", "0", "--retry-delay", "0", "--quiet", *args)


def test_every_city_of_a_900_city_wave_gets_exactly_one_message(smtp_server):
    make_wave()
    cities = make_cities(900)
    invite()
    invite()  # a second run finds nothing left to send
    per_recipient = Counter(rcpt for rcpt, _ in smtp_server.messages)
    assert len(per_recipient) == 900 and set(per_recipient.values()) == {1}
    assert Invitation.objects.filter(status="sent").count() == 900
    assert MessageLog.objects.filter(result="sent").count() == 900
    assert len(cities) == 900


def test_a_run_interrupted_half_way_and_run_again_sends_the_rest_and_no_duplicates(smtp_server, monkeypatch):
    make_wave()
    make_cities(60)
    real_transmit, delivered = sending.transmit, []

    def transmit_then_die_after_25(*args):
        outcome = real_transmit(*args)
        delivered.append(outcome)
        if len(delivered) == 25:
            raise KeyboardInterrupt  # killed after the server accepted the 25th, before it was recorded
        return outcome

    monkeypatch.setattr(sending, "transmit", transmit_then_die_after_25)
    with pytest.raises(SystemExit):  # the command turns Ctrl-C into exit status 130
        invite()
    assert len(smtp_server.messages) == 25
    monkeypatch.setattr(sending, "transmit", real_transmit)
    invite()
    per_recipient = Counter(rcpt for rcpt, _ in smtp_server.messages)
    assert len(per_recipient) == 60 and set(per_recipient.values()) == {1}
    assert MessageLog.objects.filter(result="unconfirmed").count() == 1


def test_the_message_is_in_the_contacts_language_and_its_link_opens_the_citys_response(smtp_server, client):
    wave = make_wave()
    cities = make_cities(6)
    invite()
    [message] = smtp_server.to("city-1@example.org")  # city 1 is in France
    body = message.get_body(preferencelist=("plain",)).get_content()
    assert "Testville 1" in message["Subject"]
    assert "Enquête" in message["Subject"] and "Madame, Monsieur" in body and "politologues" in body
    assert "vous prions d'agréer" in body and "&#x27;" not in body  # plain text, not HTML-escaped
    token, language = LINK.search(body).groups()
    assert language == "fr"
    access = tokens.resolve(token)
    assert access.response.city == cities[1] and access.response.wave == wave
    assert message["Message-ID"].strip() == Invitation.objects.get(city=cities[1]).message_id


def test_a_dry_run_sends_and_changes_nothing(smtp_server, capsys):
    make_wave()
    make_cities(5)
    out = __import__("io").StringIO()
    call_command("fieldwork", "invite", "--dry-run", stdout=out)
    assert "5 invitations would be sent" in out.getvalue()
    assert smtp_server.messages == [] and Invitation.objects.count() == 0


def test_a_temporary_failure_is_retried_and_a_permanent_one_marks_the_invitation_bounced(smtp_server):
    make_wave()
    make_cities(4)
    smtp_server.temporary_failures["city-1@example.org"] = 2
    smtp_server.rejected.add("city-2@example.org")
    invite()
    assert len(smtp_server.to("city-1@example.org")) == 1
    assert MessageLog.objects.get(to="city-1@example.org").attempts == 3
    bounced = Invitation.objects.get(contact__email="city-2@example.org")
    assert bounced.status == "bounced" and "550" in bounced.bounce_reason
    assert Invitation.objects.filter(status="sent").count() == 3


def test_a_city_that_completed_refused_or_opted_out_before_the_invitation_gets_nothing(smtp_server):
    from citydip.survey.models import Response

    wave = make_wave()
    cities = make_cities(4)
    call_command("fieldwork", "invite", "--dry-run")  # creates nothing
    Response.objects.create(wave=wave, city=cities[0], state="complete")  # answered through a letter's link
    for city, status in zip(cities[1:3], ["refused", "opted_out"]):
        Invitation.objects.create(wave=wave, city=city, contact=city.contacts.first(), status=status)
    invite()
    assert [rcpt for rcpt, _ in smtp_server.messages] == ["city-3@example.org"]


def test_the_rate_limit_spaces_the_messages(smtp_server):
    import time

    make_wave()
    make_cities(6)
    started = time.monotonic()
    call_command("fieldwork", "invite", "--rate", "10", "--quiet")
    assert time.monotonic() - started >= 0.5  # six messages at most ten a second: five gaps of 0.1 s
    assert len(smtp_server.messages) == 6


def test_every_study_language_has_an_invitation_and_a_reminder_naming_the_study(db, settings):
    """The 22 languages' default messages compile, use only known placeholders and name the study."""
    from citydip.core.countries import EU27_LANGUAGES
    from citydip.fieldwork import compose, default_templates
    from citydip.survey.respondent_language import STUDY_LANGUAGES

    assert set(default_templates.LANGUAGES) == set(STUDY_LANGUAGES)
    assert all(any(code in STUDY_LANGUAGES for code in codes) for codes in EU27_LANGUAGES.values())
    from citydip.survey.models import StudySettings

    StudySettings.objects.update(institution="Uniwersytet Łódzki", principal_investigator="Prof. A. Nowak",
                                 funder="NCN, grant 2025/01/X", ethics_approval="KE/12/2025")
    context = {"city": "Tartu", "contact_name": "Mari Maasikas", "link": "https://example.org/r/x",
               "deadline": "31.01.2027", "optout_link": "https://example.org/o/x", "project_contact": "team",
               "privacy_notice": "https://example.org/p", **compose.study_values()}
    for kind, by_language in default_templates.DEFAULTS.items():
        for language, (subject, body) in by_language.items():
            compose.check_template(subject, body)
            filled = compose.render_message(compose.EmailTemplate(subject=subject, body=body), context)[1]
            for needed in ("Uniwersytet Łódzki", "https://example.org/r/x", "https://example.org/o/x",
                           "https://example.org/p", "31.01.2027", "Tartu"):
                assert needed in filled, f"{kind} ({language}) does not show {needed}"
            if kind == "invitation":
                for needed in ("Prof. A. Nowak", "NCN, grant 2025/01/X", "KE/12/2025"):
                    assert needed in filled, f"invitation ({language}) does not name {needed}"
