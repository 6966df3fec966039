"""Fieldwork: who we write to in each city, what we sent them, and what happened.

Contacts are personal data (only admin, researcher and fieldworker see them). An Invitation is one
per city and wave; its status is kept here, and the statuses that follow from the respondent's own
actions (opened, partial, complete) are derived from the survey's Response and AccessToken by
:mod:`citydip.fieldwork.statuses`. Every message sent, or being sent, is a MessageLog row: the
sender claims an invitation by pointing ``Invitation.claim`` at a fresh log row with a conditional
UPDATE (see :mod:`citydip.fieldwork.sending`).
"""
from django.conf import settings
from django.db import models
from django.utils import timezone

from citydip.frame.models import City
from citydip.survey.models import AccessToken, Wave


class Contact(models.Model):
    """A person or office in a city hall. Retired contacts stay, with their history."""

    city = models.ForeignKey(City, on_delete=models.PROTECT, related_name="contacts")
    office = models.CharField(max_length=200, blank=True)
    person = models.CharField(max_length=200, blank=True)
    role = models.CharField(max_length=200, blank=True)
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=40, blank=True)
    language = models.CharField(max_length=8, blank=True, help_text="ISO 639-1; the language we write in")
    primary = models.BooleanField(default=False)
    retired = models.DateField(null=True, blank=True, help_text="no longer the right contact since")
    source = models.CharField(max_length=300, blank=True, help_text="file and line it came from")
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["city", "-primary", "person"]

    def __str__(self):
        return f"{self.person or self.office or self.email} ({self.city.name})"

    @property
    def active(self):
        return self.retired is None

    def display_name(self):
        return self.person or self.office or self.email


class Invitation(models.Model):
    """One city's invitation to one wave; re-issued to a new contact, it keeps the same response."""

    class Status(models.TextChoices):
        NOT_SENT = "not_sent", "not sent"
        SENT = "sent", "sent"
        BOUNCED = "bounced", "bounced"
        OPENED = "opened", "opened"
        PARTIAL = "partial", "partial"
        COMPLETE = "complete", "complete"
        REFUSED = "refused", "refused"
        OPTED_OUT = "opted_out", "opted out"
        WRONG_CONTACT = "wrong_contact", "wrong contact"

    # Statuses a fieldworker (or the opt-out link) sets; the others follow from what was sent and answered.
    MANUAL = (Status.REFUSED, Status.OPTED_OUT, Status.WRONG_CONTACT)

    wave = models.ForeignKey(Wave, on_delete=models.PROTECT, related_name="invitations")
    city = models.ForeignKey(City, on_delete=models.PROTECT, related_name="invitations")
    contact = models.ForeignKey(Contact, null=True, blank=True, on_delete=models.PROTECT, related_name="invitations")
    token = models.ForeignKey(AccessToken, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
                              help_text="the token of the last message sent")
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.NOT_SENT, db_index=True)
    created = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    last_message_at = models.DateTimeField(null=True, blank=True)
    reminders_sent = models.PositiveSmallIntegerField(default=0)
    next_reminder_at = models.DateTimeField(null=True, blank=True)
    message_id = models.CharField(max_length=250, blank=True, help_text="Message-ID of the invitation e-mail")
    status_changed = models.DateTimeField(null=True, blank=True)
    bounce_reason = models.CharField(max_length=300, blank=True)
    claim = models.ForeignKey("MessageLog", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
                              help_text="the message being sent right now (see sending.py)")

    class Meta:
        unique_together = [("wave", "city")]
        ordering = ["wave", "city"]

    def __str__(self):
        return f"invitation of {self.city} to {self.wave}"

    def set_status(self, status, save=True):
        self.status = status
        self.status_changed = timezone.now()
        if save:
            self.save(update_fields=["status", "status_changed"])


class MessageLog(models.Model):
    """Every message sent or being sent. ``result`` says how far it got."""

    class Kind(models.TextChoices):
        INVITATION = "invitation", "invitation"
        REMINDER = "reminder", "reminder"

    class Result(models.TextChoices):
        CLAIMED = "claimed", "claimed, not yet transmitted"
        TRANSMITTING = "transmitting", "being transmitted"
        SENT = "sent", "accepted by the SMTP server"
        UNCONFIRMED = "unconfirmed", "transmission interrupted; assumed sent"
        FAILED = "failed", "refused by the SMTP server"
        RELEASED = "released", "not sent; released for a later run"

    invitation = models.ForeignKey(Invitation, on_delete=models.CASCADE, related_name="messages")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    to = models.EmailField()
    language = models.CharField(max_length=8, blank=True)
    subject = models.CharField(max_length=300, blank=True)
    message_id = models.CharField(max_length=250, unique=True)
    claimed_at = models.DateTimeField(default=timezone.now)
    claimed_by = models.CharField(max_length=200, blank=True, help_text="host:pid of the sending process")
    sent_at = models.DateTimeField(null=True, blank=True)
    result = models.CharField(max_length=20, choices=Result.choices, default=Result.CLAIMED, db_index=True)
    smtp_code = models.PositiveSmallIntegerField(null=True, blank=True)
    smtp_response = models.CharField(max_length=500, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["-claimed_at"]

    def __str__(self):
        return f"{self.kind} to {self.to} ({self.result})"


class ContactEvent(models.Model):
    """A phone call, letter, e-mail or note in a city's contact log."""

    class Kind(models.TextChoices):
        EMAIL = "email", "e-mail"
        PHONE = "phone", "phone call"
        LETTER = "letter", "letter"
        NOTE = "note", "note"

    city = models.ForeignKey(City, on_delete=models.PROTECT, related_name="contact_events")
    wave = models.ForeignKey(Wave, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    contact = models.ForeignKey(Contact, null=True, blank=True, on_delete=models.SET_NULL, related_name="events")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    at = models.DateTimeField(default=timezone.now)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    outcome = models.CharField(max_length=500, blank=True)
    next_step = models.CharField(max_length=500, blank=True)
    due = models.DateField(null=True, blank=True, help_text="when the next step is due")
    done = models.BooleanField(default=False, help_text="the next step was taken")

    class Meta:
        ordering = ["-at"]

    def __str__(self):
        return f"{self.get_kind_display()} {self.city.name} {self.at:%Y-%m-%d}"


class EmailTemplate(models.Model):
    """Subject and body of a message in one language; Django template syntax, see compose.py."""

    class Kind(models.TextChoices):
        INVITATION = "invitation", "invitation"
        REMINDER = "reminder", "reminder"

    kind = models.CharField(max_length=20, choices=Kind.choices)
    language = models.CharField(max_length=8)
    subject = models.CharField(max_length=300)
    body = models.TextField()
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        unique_together = [("kind", "language")]
        ordering = ["kind", "language"]

    def __str__(self):
        return f"{self.kind} ({self.language})"

