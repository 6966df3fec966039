"""Returned messages: read delivery status notifications (RFC 3464) and mark their invitations bounced.

A DSN is a ``multipart/report; report-type=delivery-status`` message. Its ``message/delivery-status``
part names each recipient (Final-Recipient, Action, Status); its last part carries the original
message or its headers, with our Message-ID. We match by Message-ID first (exact: it was written to
MessageLog before sending) and by the failed recipient's address second. Only permanent failures
(Action ``failed``, Status 5.x.x) mark an invitation; delays (4.x.x) are reported and left alone.
Reading the same DSN again changes nothing.
"""
import email
import email.policy
import imaplib
import os
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from citydip.core.errors import CitydipError
from citydip.fieldwork.models import ContactEvent, Invitation, MessageLog


@dataclass
class Bounce:
    message_id: str
    recipient: str
    action: str
    status: str
    diagnostic: str

    @property
    def permanent(self):
        return self.action.lower() == "failed" and self.status.startswith("5")


def field_value(value):
    """``rfc822; someone@example.org`` -> ``someone@example.org``."""
    return str(value or "").split(";", 1)[-1].strip()


def original_message_id(part):
    if part.get_content_type() == "message/rfc822":
        inner = part.get_payload(0)
        return str(inner.get("Message-ID", "")).strip()
    headers = email.message_from_bytes(part.get_payload(decode=True) or b"", policy=email.policy.default)
    return str(headers.get("Message-ID", "")).strip()


def parse_dsn(raw):
    """The Bounce of a DSN (its first failed recipient, else its first recipient), or None when it is not a DSN."""
    message = email.message_from_bytes(raw, policy=email.policy.default)
    if message.get_content_type() != "multipart/report":
        return None
    recipients, message_id = [], ""
    for part in message.walk():
        kind = part.get_content_type()
        if kind == "message/delivery-status":
            for block in part.get_payload():
                if block.get("Final-Recipient") or block.get("Original-Recipient"):
                    recipients.append(block)
        elif kind in ("message/rfc822", "text/rfc822-headers") and not message_id:
            message_id = original_message_id(part)
    if not recipients:
        return None
    block = next((b for b in recipients if str(b.get("Action", "")).lower() == "failed"), recipients[0])
    return Bounce(message_id=message_id, recipient=field_value(block.get("Original-Recipient") or block.get("Final-Recipient")),
                  action=str(block.get("Action", "")).strip(), status=str(block.get("Status", "")).strip(),
                  diagnostic=field_value(block.get("Diagnostic-Code", "")))


def find_invitation(bounce):
    log = MessageLog.objects.filter(message_id=bounce.message_id).first() if bounce.message_id else None
    if log is None and bounce.recipient:
        log = MessageLog.objects.filter(to__iexact=bounce.recipient, sent_at__isnull=False).order_by("-sent_at").first()
    return log.invitation if log else None


@transaction.atomic
def apply_bounce(bounce):
    """Mark the invitation; returns ``bounced``, ``already``, ``delayed`` or ``unmatched``."""
    if not bounce.permanent:
        return "delayed"
    invitation = find_invitation(bounce)
    if invitation is None:
        return "unmatched"
    reason = f"{bounce.status} {bounce.diagnostic}".strip()[:300]
    if invitation.status == Invitation.Status.BOUNCED and invitation.bounce_reason == reason:
        return "already"
    invitation.bounce_reason = reason
    invitation.set_status(Invitation.Status.BOUNCED, save=False)
    invitation.save(update_fields=["status", "status_changed", "bounce_reason"])
    ContactEvent.objects.create(
        city=invitation.city, wave=invitation.wave, contact=invitation.contact, kind=ContactEvent.Kind.EMAIL,
        outcome=f"e-mail to {bounce.recipient} returned: {reason}", next_step="find another contact",
        due=timezone.localdate())
    return "bounced"


def read_folder(folder):
    """(name, bytes) of every file in the folder (not sub-folders), sorted by name."""
    if not os.path.isdir(folder):
        raise CitydipError("FIELD-E040", "not a folder: give the folder the returned messages are saved in",
                           file=str(folder))
    for name in sorted(os.listdir(folder)):
        path = os.path.join(folder, name)
        if os.path.isfile(path):
            with open(path, "rb") as handle:
                yield name, handle.read()


def imap_settings():
    """The mailbox of returned messages (settings.py: CITYDIP_IMAP_*; the password may come from a _FILE)."""
    return {"host": settings.CITYDIP_IMAP_HOST, "port": int(settings.CITYDIP_IMAP_PORT),
            "user": settings.CITYDIP_IMAP_USER, "password": settings.CITYDIP_IMAP_PASSWORD,
            "folder": settings.CITYDIP_IMAP_FOLDER, "ssl": bool(settings.CITYDIP_IMAP_SSL)}


def read_imap(mark_seen=True):
    """(uid, bytes) of every unseen message in the configured IMAP folder; marks them seen when read."""
    conf = imap_settings()
    if not conf["host"]:
        raise CitydipError("FIELD-E041", "no IMAP server: set CITYDIP_IMAP_HOST, CITYDIP_IMAP_USER and "
                           "CITYDIP_IMAP_PASSWORD", field="CITYDIP_IMAP_HOST")
    try:
        client = (imaplib.IMAP4_SSL if conf["ssl"] else imaplib.IMAP4)(conf["host"], conf["port"])
        client.login(conf["user"], conf["password"])
        client.select(conf["folder"])
    except (OSError, imaplib.IMAP4.error) as error:
        raise CitydipError("FIELD-E042", f"cannot read the IMAP mailbox: {error}", field="CITYDIP_IMAP_HOST") from error
    try:
        _, data = client.uid("SEARCH", None, "UNSEEN")
        for uid in data[0].split():
            _, parts = client.uid("FETCH", uid, "(BODY.PEEK[])")
            yield uid.decode(), parts[0][1]
            if mark_seen:
                client.uid("STORE", uid, "+FLAGS", "(\\Seen)")
    finally:
        client.logout()
