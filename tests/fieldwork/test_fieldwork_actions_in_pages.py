"""Fieldwork from the browser: import contacts (bad rows reported, then confirm), add/edit/retire a
contact, send invitations and reminders after a dry-run count, and a test message to oneself."""
import html
import re
from datetime import timedelta
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from citydip.core.jobs.models import Job
from citydip.core.jobs.worker import run_queued_jobs
from citydip.core.models import AuditEvent
from citydip.fieldwork.models import Contact, Invitation, MessageLog
from citydip.survey.models import PilotResponse
from tests.fieldwork.conftest import make_cities, make_wave

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "fieldwork"


@pytest.fixture(autouse=True)
def no_rate_limit(settings):
    settings.CITYDIP_SEND_RATE = "0"


def test_a_contacts_file_is_checked_then_imported_on_confirmation(fieldworker, client_for, db):
    make_cities(5, with_contacts=False)
    client = client_for(fieldworker)
    data = (FIXTURES / "contacts_broken.csv").read_bytes()
    page = client.post("/fieldwork/contacts/import/", {"action": "check",
                                                       "file": SimpleUploadedFile("contacts.csv", data)})
    text = html.unescape(page.content.decode())
    assert "3 valid rows" in text and "4 bad rows" in text
    assert re.search(r"<td>3</td><td>email</td><td>bad e-mail address 'luc.martin@example'</td>", text)
    assert re.search(r"<td>4</td><td>city_id</td><td>unknown city 'XX999C'", text)
    assert not Contact.objects.exists()
    done = client.post("/fieldwork/contacts/import/", {"action": "confirm"}, follow=True)
    assert "3 contacts imported from contacts.csv; 4 bad rows left out" in done.content.decode()
    assert Contact.objects.count() == 3
    event = AuditEvent.objects.get(action="fieldwork.contacts_import")
    assert event.user == fieldworker and event.detail["imported"] == 3
    again = client.post("/fieldwork/contacts/import/", {"action": "confirm"}, follow=True)
    assert "Upload the file again" in again.content.decode() and Contact.objects.count() == 3


def test_an_unreadable_contacts_file_is_named(fieldworker, client_for, db):
    page = client_for(fieldworker).post("/fieldwork/contacts/import/", {
        "action": "check", "file": SimpleUploadedFile("c.csv", b"name;email\nA;a@example.org\n")})
    assert page.status_code == 422 and "missing column city_id" in page.content.decode()


def test_a_contact_is_added_edited_and_retired_on_the_city_page(fieldworker, client_for, db):
    make_wave()
    city = make_cities(1, with_contacts=False)[0]
    client = client_for(fieldworker)
    assert f"/fieldwork/city/{city.pk}/contact/new/" in client.get(f"/fieldwork/city/{city.pk}/").content.decode()
    bad = client.post(f"/fieldwork/city/{city.pk}/contact/new/", {"person": "Jan", "email": "jan@", "language": "pl"})
    assert bad.status_code == 200 and "Enter a valid email address" in bad.content.decode()
    client.post(f"/fieldwork/city/{city.pk}/contact/new/", {"person": "Jan Kowalski", "email": "jan@example.org",
                                                            "language": "PL"})
    contact = Contact.objects.get()
    assert contact.primary and contact.language == "pl" and contact.city == city
    duplicate = client.post(f"/fieldwork/city/{city.pk}/contact/new/", {"person": "J", "email": "JAN@example.org"})
    assert "is already a contact of" in duplicate.content.decode()
    client.post(f"/fieldwork/contact/{contact.pk}/edit/", {"person": "Jan Kowalski", "role": "Head of office",
                                                          "email": "jan.k@example.org", "language": "pl"})
    contact.refresh_from_db()
    assert contact.email == "jan.k@example.org" and contact.role == "Head of office"
    client.post(f"/fieldwork/contact/{contact.pk}/", {"action": "retire"})
    contact.refresh_from_db()
    assert contact.retired is not None
    actions = set(AuditEvent.objects.values_list("action", flat=True))
    assert {"fieldwork.contact_add", "fieldwork.contact_edit", "fieldwork.contact_retire"} <= actions


def test_find_another_contact_leads_to_the_form(fieldworker, client_for, db):
    make_wave()
    city = make_cities(1, with_contacts=False)[0]
    text = client_for(fieldworker).get("/fieldwork/todo/").content.decode()
    assert "no contact with an e-mail address" in text and f"/fieldwork/city/{city.pk}/contact/new/" in text


def test_invitations_go_after_a_dry_run_and_a_confirmation(researcher, client_for, smtp_server, db):
    wave = make_wave()
    make_cities(4)
    client = client_for(researcher)
    page = client.get("/fieldwork/send/invitations/").content.decode()
    assert "4 messages would be sent" in page and "Nothing has been sent or changed yet" in page
    assert not Invitation.objects.exists() and smtp_server.messages == []
    stale = client.post("/fieldwork/send/invitations/", {"count": "3"}, follow=True)
    assert "changed since you looked" in stale.content.decode() and smtp_server.messages == []
    started = client.post("/fieldwork/send/invitations/", {"count": "4"})
    job = Job.objects.get()
    assert started["Location"] == f"/jobs/{job.pk}/" and job.started_by == researcher
    assert run_queued_jobs() == 1
    job.refresh_from_db()
    assert job.status == Job.Status.SUCCEEDED and job.result["sent"] == 4
    assert "invitations: 4 sent" in client.get(f"/jobs/{job.pk}/").content.decode()
    assert len(smtp_server.messages) == 4 and Invitation.objects.filter(wave=wave, status="sent").count() == 4
    assert "0 messages would be sent" in client.get("/fieldwork/send/invitations/").content.decode()
    assert AuditEvent.objects.get(action="fieldwork.send_invitations").detail["job"] == job.pk


def test_reminders_go_after_a_dry_run_and_a_confirmation(fieldworker, client_for, smtp_server, db):
    make_wave()
    make_cities(3)
    client = client_for(fieldworker)
    client.post("/fieldwork/send/invitations/", {"count": "3"})
    run_queued_jobs()
    Invitation.objects.update(last_message_at=timezone.now() - timedelta(days=10))
    page = client.get("/fieldwork/send/reminders/?after_days=7&max=2").content.decode()
    assert "3 messages would be sent" in page
    client.post("/fieldwork/send/reminders/", {"after_days": "7", "max": "2", "count": "3"})
    run_queued_jobs()
    assert Job.objects.get(title="Send reminders").result["sent"] == 3
    assert MessageLog.objects.filter(kind="reminder", result="sent").count() == 3
    assert len(smtp_server.messages) == 6


def test_a_test_message_goes_to_me_in_any_language_with_a_pilot_link(researcher, client_for, smtp_server, db):
    make_wave()
    make_cities(6)
    client = client_for(researcher)
    page = client.post("/fieldwork/send/test/", {"kind": "invitation", "language": "pl",
                                                 "to": "rita@example.org"}, follow=True)
    assert "Test message sent to rita@example.org" in page.content.decode()
    (rcpt, message), = smtp_server.messages
    assert rcpt == "rita@example.org" and message["Subject"].strip().startswith("[TEST] ")
    body = message.get_content()
    token = re.search(r"/survey/r/([\w-]+)/", body).group(1)
    pilot = PilotResponse.objects.get()
    assert pilot.language == "pl" and token not in pilot.token_hash
    assert not Invitation.objects.exists() and not MessageLog.objects.exists()


def test_sending_pages_are_for_fieldwork_roles(coder, client_for, db):
    make_wave()
    client = client_for(coder)
    for url in ("/fieldwork/send/invitations/", "/fieldwork/send/reminders/", "/fieldwork/send/test/",
                "/fieldwork/contacts/import/"):
        assert client.get(url).status_code == 403
        assert client.post(url, {"count": "0"}).status_code == 403


def test_no_invitation_goes_out_while_the_study_settings_are_incomplete(researcher, client_for, smtp_server, db):
    from citydip.survey.models import StudySettings

    StudySettings.objects.update(ethics_approval="")
    make_wave()
    make_cities(2)
    page = client_for(researcher).post("/fieldwork/send/invitations/", {"count": "2"}, follow=True)
    assert "ethics approval reference" in page.content.decode() and "/survey/study/" in page.content.decode()
    assert not Job.objects.exists() and smtp_server.messages == []
