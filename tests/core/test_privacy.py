"""`citydip privacy`: a person's data can be exported, and erased without a trace but the audit event."""
import json

import pytest
from django.core.management import CommandError, call_command

from citydip.core.models import AuditEvent, Country
from citydip.fieldwork.models import Contact, ContactEvent
from citydip.frame.models import City
from citydip.qda.models import Document, Interview

NAME, EMAIL, PHONE = "Zofia Nowakowska", "z.nowakowska@krakow.example", "+48 12 555 0199"


@pytest.fixture
def contact(db):
    city = City.objects.create(name="Kraków", country=Country.ensure("PL"), urau_code="PL003C")
    person = Contact.objects.create(city=city, office="International Relations", person=NAME, role="head",
                                    email=EMAIL, phone=PHONE)
    ContactEvent.objects.create(city=city, contact=person, kind=ContactEvent.Kind.values[0],
                                outcome=f"spoke to {NAME}, will answer", next_step=f"write to {EMAIL}")
    return person


@pytest.fixture
def interview(db):
    interview = Interview.objects.create(institution_type=Interview.Institution.values[0], role="head of unit",
                                         directorate="DG TRADE")
    Document.objects.create(title="Transcript", text="I, the interviewee, said this.", interview=interview)
    return interview


def test_the_export_contains_the_persons_data(contact, interview, tmp_path):
    output = tmp_path / "person.json"
    call_command("privacy", "export-person", "--email", EMAIL.upper(), "--output", str(output))
    data = json.loads(output.read_text())
    assert data["contacts"][0]["person"] == NAME and data["contacts"][0]["phone"] == PHONE
    assert NAME in data["contacts"][0]["events"][0]["outcome"]
    call_command("privacy", "export-person", "--interview", str(interview.pk), "--output", str(output))
    data = json.loads(output.read_text())
    assert data["interviews"][0]["directorate"] == "DG TRADE"
    assert data["interviews"][0]["documents"][0]["title"] == "Transcript"


def test_erasure_removes_the_person_everywhere_and_the_audit_event_names_no_one(contact, interview):
    call_command("privacy", "erase-person", "--contact", str(contact.pk), "--yes")
    call_command("privacy", "erase-person", "--interview", str(interview.pk), "--yes")
    stored = json.dumps([list(Contact.objects.values()), list(ContactEvent.objects.values()),
                         list(Interview.objects.values()), list(Document.objects.values())], default=str)
    for secret in (NAME, EMAIL, PHONE, "DG TRADE", "the interviewee"):
        assert secret.lower() not in stored.lower()
    interview.refresh_from_db()
    assert interview.is_withdrawn
    events = AuditEvent.objects.filter(action="privacy-erase")
    assert events.count() == 2
    audit = json.dumps(list(events.values()), default=str)
    assert NAME not in audit and EMAIL not in audit and PHONE not in audit
    assert str(contact.pk) in audit


def test_erasure_asks_for_confirmation_and_an_unknown_person_is_an_error(contact):
    with pytest.raises(CommandError, match="CORE-E013"):
        call_command("privacy", "erase-person", "--contact", str(contact.pk))
    with pytest.raises(CommandError, match="CORE-E014"):
        call_command("privacy", "erase-person", "--email", "nobody@example.org", "--yes")
    contact.refresh_from_db()
    assert contact.person == NAME
