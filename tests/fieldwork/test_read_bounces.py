"""`fieldwork bounces --folder`: a returned message (DSN) marks its invitation bounced."""
import io
from pathlib import Path

import pytest
from django.core.management import call_command

from citydip.fieldwork.models import ContactEvent, Invitation
from tests.fieldwork.conftest import make_cities, make_wave

pytestmark = pytest.mark.django_db
DSN = (Path(__file__).parents[1] / "fixtures" / "fieldwork" / "dsn_failed.eml").read_text()


def write_dsn(folder, name, recipient, message_id, action="failed", status="5.1.1"):
    (folder / name).write_text(DSN.format(recipient=recipient, message_id=message_id, action=action, status=status))


def read_bounces(folder):
    out = io.StringIO()
    call_command("fieldwork", "bounces", "--folder", str(folder), stdout=out)
    return out.getvalue()


def test_a_bounce_marks_its_invitation_by_message_id_and_puts_the_city_on_the_to_do_list(smtp_server, tmp_path):
    make_wave()
    cities = make_cities(3)
    call_command("fieldwork", "invite", "--rate", "0", "--quiet")
    invitation = Invitation.objects.get(city=cities[1])
    write_dsn(tmp_path, "1.eml", "someone-else@example.org", invitation.message_id)  # forwarded address: match by id
    report = read_bounces(tmp_path)
    invitation.refresh_from_db()
    assert invitation.status == "bounced" and invitation.bounce_reason.startswith("5.1.1")
    assert ContactEvent.objects.get(city=cities[1]).next_step == "find another contact"
    assert "1 bounced" in report
    assert Invitation.objects.filter(status="bounced").count() == 1


def test_a_bounce_without_message_id_is_matched_by_recipient_and_reading_it_twice_changes_nothing(smtp_server, tmp_path):
    make_wave()
    cities = make_cities(3)
    call_command("fieldwork", "invite", "--rate", "0", "--quiet")
    write_dsn(tmp_path, "a.eml", "city-2@example.org", "")
    read_bounces(tmp_path)
    report = read_bounces(tmp_path)
    assert Invitation.objects.get(city=cities[2]).status == "bounced"
    assert "1 already" in report and ContactEvent.objects.count() == 1


def test_delays_and_other_messages_mark_nothing(smtp_server, tmp_path):
    make_wave()
    make_cities(2)
    call_command("fieldwork", "invite", "--rate", "0", "--quiet")
    write_dsn(tmp_path, "delay.eml", "city-0@example.org", "", action="delayed", status="4.4.1")
    (tmp_path / "hello.eml").write_text("From: a@example.org\nSubject: out of office\n\nI am away.\n")
    write_dsn(tmp_path, "stranger.eml", "stranger@example.org", "<unknown@example.org>")
    report = read_bounces(tmp_path)
    assert "1 delayed" in report and "1 unmatched" in report and "hello.eml: not a delivery status notification" in report
    assert not Invitation.objects.filter(status="bounced").exists()


def test_bounces_are_read_from_an_imap_mailbox_and_marked_seen(smtp_server, settings):
    from tests.fieldwork.imap_server import ImapServer

    make_wave()
    cities = make_cities(2)
    call_command("fieldwork", "invite", "--rate", "0", "--quiet")
    message_id = Invitation.objects.get(city=cities[0]).message_id
    dsn = DSN.format(recipient="city-0@example.org", message_id=message_id, action="failed", status="5.1.1")
    with ImapServer([dsn.replace("\n", "\r\n").encode(), b"Subject: hello\r\n\r\nnot a bounce\r\n"]) as imap:
        for name, value in {"HOST": "127.0.0.1", "PORT": imap.port, "USER": "bounces", "PASSWORD": "secret",
                            "SSL": False}.items():
            setattr(settings, f"CITYDIP_IMAP_{name}", value)
        out = io.StringIO()
        call_command("fieldwork", "bounces", "--imap", stdout=out)
        assert imap.mailbox.seen == {1, 2}
    assert Invitation.objects.get(city=cities[0]).status == "bounced"
    assert "1 bounced" in out.getvalue() and "1 not a delivery status notification" in out.getvalue()
