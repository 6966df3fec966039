"""Send invitations and reminders so that nobody gets the same message twice.

Each message goes through two transactions with the SMTP conversation between them (cf.
healthchecks' sendreports):

1. **claim and prepare**: a MessageLog row (a fresh Message-ID, ``host:pid``) is attached to the
   invitation by a conditional UPDATE that only succeeds while the invitation is still in the state
   that was read (not sent yet; or this many reminders, last message at that time) and nobody else
   holds a claim; zero rows updated means another run took it. In the same transaction a new
   personal token is issued, the message composed and the log marked ``transmitting``.
2. then the SMTP transaction runs (retried on 4xx answers);
3. **record**: the server's answer is written (sent, or failed, or released for a later run).

A run that dies before 1 commits leaves nothing. A run that dies after it leaves ``transmitting``:
the server may have accepted the message, so the next run does *not* send it again; it records
``unconfirmed`` and counts the invitation as sent (a reminder follows in the normal course). This is
at-most-once delivery, the right failure mode for letters to city halls. :func:`reconcile` does this
at the start of a run (and releases a ``claimed`` log, which older versions could leave).
"""
import os
import smtplib
import socket
import time
from dataclasses import dataclass, field
from datetime import timedelta
from email.utils import make_msgid

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.utils import timezone

from citydip.core.errors import CitydipError
from citydip.core.jobs.control import process_alive
from citydip.fieldwork import compose
from citydip.fieldwork.links import absolute, optout_url, respond_url
from citydip.fieldwork.models import Invitation, MessageLog
from citydip.survey import tokens
from citydip.survey.models import AccessToken

S = Invitation.Status
R = MessageLog.Result


@dataclass
class SendOptions:
    rate: float = 2.0  # messages per second at most; 0 = no limit
    retries: int = 3  # further attempts after a temporary (4xx) failure
    retry_delay: float = 5.0  # seconds before the first retry; doubled each time
    remind_after_days: int = 7  # sets next_reminder_at
    base_url: str = ""
    stale_minutes: int = 30  # a claim this old from another host counts as abandoned


@dataclass
class SendReport:
    sent: int = 0
    failed: int = 0
    released: int = 0
    taken: int = 0
    reconciled: dict = field(default_factory=lambda: {"released": 0, "unconfirmed": 0})


def claimant():
    return f"{socket.gethostname()}:{os.getpid()}"


def new_message_id():
    domain = settings.DEFAULT_FROM_EMAIL.rsplit("@", 1)[-1].strip(">") or "citydip.localhost"
    return make_msgid(idstring="citydip", domain=domain)


def claim(invitation, kind, expected, composer, base, connection):
    """Claim the invitation and prepare its message in one transaction; None when someone else took it.

    A MessageLog is attached by a conditional UPDATE that only succeeds while the invitation is still
    as ``expected`` and unclaimed; then a token is issued, the message composed, and the log marked
    ``transmitting``. Returns (log, EmailMessage).
    """
    with transaction.atomic():
        log = MessageLog.objects.create(
            invitation=invitation, kind=kind, to=invitation.contact.email, message_id=new_message_id(),
            claimed_by=claimant(), language=composer.language(invitation.contact, invitation.city),
        )
        updated = Invitation.objects.filter(pk=invitation.pk, claim__isnull=True, **expected).update(claim=log)
        if updated != 1:
            transaction.set_rollback(True)
            return None
        message = prepare_message(invitation, log, composer, base, connection)
    return log, message


def prepare_message(invitation, log, composer, base, connection):
    """Issue a token, compose the message and mark the log ``transmitting`` (inside the claim's transaction)."""
    raw = tokens.issue(invitation.wave, invitation.city, log.language, AccessToken.Kind.INVITATION)
    access = AccessToken.objects.get(token_hash=tokens.hash_token(raw))
    opt_out = absolute(optout_url(raw), base)
    context = compose.message_context(invitation.city, invitation.contact, invitation.wave, log.language,
                                      absolute(respond_url(raw, log.language), base), opt_out)
    subject, body = composer.render(log.kind, log.language, context)
    log.subject, log.result = subject[:300], R.TRANSMITTING
    log.save(update_fields=["subject", "result"])
    Invitation.objects.filter(pk=invitation.pk).update(token=access)
    headers = {"Message-ID": log.message_id, "List-Unsubscribe": f"<{opt_out}>", "Auto-Submitted": "auto-generated"}
    return EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [log.to], headers=headers, connection=connection)


def smtp_code(error):
    """The SMTP reply code of an smtplib error, or None for a connection problem."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return min(code for code, _ in error.recipients.values())
    return getattr(error, "smtp_code", None)


def smtp_text(error):
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return "; ".join(f"{code} {msg.decode(errors='replace')}" for code, msg in error.recipients.values())
    text = getattr(error, "smtp_error", b"") or str(error).encode()
    return text.decode(errors="replace") if isinstance(text, bytes) else str(text)


def ensure_open(connection):
    """Open the SMTP connection, or check that it is still alive (servers drop idle sessions)."""
    if connection.connection is not None:
        try:
            connection.connection.noop()
            return
        except (smtplib.SMTPException, OSError):
            connection.close()
    try:
        connection.open()
    except (smtplib.SMTPException, OSError) as error:
        raise CitydipError("FIELD-E030", f"cannot reach the SMTP server {settings.EMAIL_HOST}:{settings.EMAIL_PORT}: "
                           f"{error}; check EMAIL_HOST, EMAIL_PORT and the server", field="EMAIL_HOST") from error


def transmit(message, connection, options):
    """Send with retries on temporary failures. Returns (result, code, text)."""
    delay = options.retry_delay
    for attempt in range(options.retries + 1):
        try:
            ensure_open(connection)
            connection.send_messages([message])
            return R.SENT, 250, "", attempt + 1
        except smtplib.SMTPResponseException as error:
            code, text = smtp_code(error), smtp_text(error)
        except smtplib.SMTPRecipientsRefused as error:
            code, text = smtp_code(error), smtp_text(error)
        if code >= 500:
            return R.FAILED, code, text, attempt + 1
        if attempt < options.retries:
            time.sleep(delay)
            delay *= 2
    return R.RELEASED, code, text, options.retries + 1


def record(invitation_id, log, result, code=None, text="", attempts=1, options=None):
    """Write the outcome of one message to the log and its invitation, and drop the claim."""
    now = timezone.now()
    with transaction.atomic():
        invitation = Invitation.objects.select_for_update().get(pk=invitation_id)
        log.result, log.smtp_code, log.smtp_response, log.attempts = result, code, text[:500], attempts
        log.sent_at = now if result in (R.SENT, R.UNCONFIRMED) else None
        log.save(update_fields=["result", "smtp_code", "smtp_response", "attempts", "sent_at"])
        invitation.claim = None
        if result in (R.SENT, R.UNCONFIRMED):
            mark_sent(invitation, log, now, options or SendOptions())
        elif result == R.FAILED:
            invitation.status, invitation.status_changed = S.BOUNCED, now
            invitation.bounce_reason = f"SMTP {code} {text}"[:300]
        invitation.save()
        if result in (R.FAILED, R.RELEASED) and invitation.token_id:
            AccessToken.objects.filter(pk=invitation.token_id, created__gte=log.claimed_at).update(revoked=now)


def mark_sent(invitation, log, now, options):
    if log.kind == MessageLog.Kind.INVITATION:
        invitation.message_id, invitation.sent_at = log.message_id, now
        if invitation.status == S.NOT_SENT:
            invitation.status, invitation.status_changed = S.SENT, now
    else:
        invitation.reminders_sent += 1
    invitation.last_message_at = now
    invitation.next_reminder_at = now + timedelta(days=options.remind_after_days)


def send_one(invitation, log, message, connection, options):
    """Transmit a claimed, prepared message and record the outcome; an interruption is recorded as unconfirmed."""
    try:
        result, code, text, attempts = transmit(message, connection, options)
    except CitydipError:
        record(invitation.pk, log, R.RELEASED, text="SMTP server unreachable")
        raise
    except BaseException:
        record(invitation.pk, log, R.UNCONFIRMED, text="interrupted during transmission", options=options)
        raise
    record(invitation.pk, log, result, code, text, attempts, options)
    return result


def reconcile(wave, options):
    """Settle claims left by runs that died: release ``claimed`` ones, record ``transmitting`` ones as unconfirmed."""
    counts = {"released": 0, "unconfirmed": 0}
    stale_before = timezone.now() - timedelta(minutes=options.stale_minutes)
    for invitation in Invitation.objects.filter(wave=wave, claim__isnull=False).select_related("claim"):
        log = invitation.claim
        alive = False if log.claimed_by == claimant() else process_alive(log.claimed_by)
        if alive or (alive is None and log.claimed_at > stale_before):
            continue
        if log.result == R.TRANSMITTING:
            record(invitation.pk, log, R.UNCONFIRMED, text="the sending run stopped during transmission",
                   options=options)
            counts["unconfirmed"] += 1
        else:
            record(invitation.pk, log, R.RELEASED, text="the sending run stopped before transmission")
            counts["released"] += 1
    return counts


def send_batch(invitations, kind, expected, options, advance=lambda n=1: None):
    """Claim and send each invitation in turn, at most ``options.rate`` per second.

    ``expected(invitation)`` gives the field values the conditional UPDATE requires (the state read).
    """
    report = SendReport()
    connection = get_connection(fail_silently=False)
    interval = 1.0 / options.rate if options.rate else 0.0
    last, composer = 0.0, compose.Composer()
    try:
        for invitation in invitations:
            if interval:
                time.sleep(max(0.0, last + interval - time.monotonic()))
            claimed = claim(invitation, kind, expected(invitation), composer, options.base_url, connection)
            if claimed is None:
                report.taken += 1
                advance()
                continue
            last = time.monotonic()
            result = send_one(invitation, *claimed, connection, options)
            report.sent += result == R.SENT
            report.failed += result == R.FAILED
            report.released += result == R.RELEASED
            advance()
    finally:
        connection.close()
    return report
