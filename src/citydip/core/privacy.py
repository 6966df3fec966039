"""Right of access and erasure for one person: a survey contact (fieldwork) or an interviewee (qda).

Erasure keeps what the study needs without the person: a contact keeps its city, office, language and
invitation statuses (response rates stay right) but loses name, role, e-mail and phone, also inside the
message log and the notes of contact events; an interview is withdrawn (out of every analysis), loses
role and directorate, and its documents (transcripts with their codings and memos) are deleted, since
the words of the interviewee are their personal data. The audit event names only counts and primary keys.
"""
import re

from django.db import transaction
from django.utils import timezone

from citydip.core.audit import record
from citydip.core.errors import CitydipError

ERASED = "[erased]"


def row(obj):
    return {f.attname: f.value_from_object(obj) for f in obj._meta.concrete_fields}


def find_person(email=None, contact=None, interview=None):
    from citydip.fieldwork.models import Contact
    from citydip.qda.models import Interview

    contacts, interviews = [], []
    if email:
        contacts = list(Contact.objects.filter(email__iexact=email))
    if contact is not None:
        contacts = list(Contact.objects.filter(pk=contact))
    if interview is not None:
        interviews = list(Interview.objects.filter(pk=interview))
    if not contacts and not interviews:
        raise CitydipError("CORE-E014", "no contact or interview matches: check the e-mail or id",
                           field="email" if email else "contact" if contact is not None else "interview")
    return contacts, interviews


def messages_of(contacts):
    from citydip.fieldwork.models import MessageLog

    emails = {c.email.lower() for c in contacts if c.email}
    by_invitation = MessageLog.objects.filter(invitation__contact__in=contacts)
    return list({m.pk: m for m in [*by_invitation, *MessageLog.objects.filter(to__in=emails)]}.values())


def export_person(**selector):
    contacts, interviews = find_person(**selector)
    return {
        "contacts": [{**row(c), "invitations": [row(i) for i in c.invitations.all()],
                      "events": [row(e) for e in c.events.all()]} for c in contacts],
        "messages": [row(m) for m in messages_of(contacts)],
        "interviews": [{**row(i), "documents": [{k: v for k, v in row(d).items() if k != "text"}
                                                for d in i.documents.all()]} for i in interviews],
    }


def scrub(text, secrets):
    for secret in secrets:
        text = re.sub(re.escape(secret), ERASED, text, flags=re.IGNORECASE)
    return text


@transaction.atomic
def erase_person(user=None, **selector):
    contacts, interviews = find_person(**selector)
    secrets = [s for c in contacts for s in (c.person, c.email, c.phone) if s and len(s) > 2]
    messages = messages_of(contacts)
    for message in messages:
        message.to, message.subject = "", scrub(message.subject, secrets)
        message.smtp_response = scrub(message.smtp_response, secrets)
        message.save()
    for contact in contacts:
        for event in contact.events.all():
            event.outcome, event.next_step = scrub(event.outcome, secrets), scrub(event.next_step, secrets)
            event.save()
        for invitation in contact.invitations.all():
            invitation.bounce_reason = scrub(invitation.bounce_reason, secrets)
            invitation.save()
        contact.person, contact.role, contact.email, contact.phone = ERASED, "", "", ""
        contact.save()
    documents = 0
    for interview in interviews:
        documents += interview.documents.count()
        interview.documents.all().delete()
        interview.role, interview.directorate = "", ""
        interview.withdrawn_at = interview.withdrawn_at or timezone.now()
        interview.save()
    return record(user, "privacy-erase", None, contacts=[c.pk for c in contacts],
                  interviews=[i.pk for i in interviews], messages=len(messages), documents_deleted=documents)
