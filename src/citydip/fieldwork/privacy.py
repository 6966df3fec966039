"""Fieldwork's privacy hook (core/privacy.py): survey contacts, their events and messages.

Erasure keeps what the study needs without the person: a contact keeps its city, office, language and
invitation statuses (response rates stay right) but loses name, role, e-mail and phone, also inside the
message log and the notes of contact events.
"""
from citydip.core.command import arg
from citydip.core.privacy import ERASED, row, scrub

SELECTORS = (arg("--contact", type=int, help="fieldwork contact id"),)


def find(email=None, contact=None, **_):
    from citydip.fieldwork.models import Contact

    if contact is not None:
        return list(Contact.objects.filter(pk=contact))
    if email:
        return list(Contact.objects.filter(email__iexact=email))
    return []


def secrets(contacts):
    return [s for c in contacts for s in (c.person, c.email, c.phone) if s and len(s) > 2]


def messages_of(contacts):
    from citydip.fieldwork.models import MessageLog

    emails = {c.email.lower() for c in contacts if c.email}
    by_invitation = MessageLog.objects.filter(invitation__contact__in=contacts)
    return list({m.pk: m for m in [*by_invitation, *MessageLog.objects.filter(to__in=emails)]}.values())


def export(contacts):
    return {
        "contacts": [{**row(c), "invitations": [row(i) for i in c.invitations.all()],
                      "events": [row(e) for e in c.events.all()]} for c in contacts],
        "messages": [row(m) for m in messages_of(contacts)],
    }


def erase(contacts, secrets):
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
    return {"contacts": [c.pk for c in contacts], "messages": len(messages)}
