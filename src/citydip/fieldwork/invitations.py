"""Which city gets which message: invitations for a wave, the cities due a reminder, re-issuing.

One invitation per city and wave, addressed to the city's primary active contact with an e-mail
address (else its first such contact). Re-issuing to a new contact keeps the survey Response, so
answers already given stay; the old contact's links are revoked.
"""
from datetime import timedelta

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from citydip.fieldwork.models import Contact, Invitation
from citydip.fieldwork.statuses import refresh_statuses
from citydip.frame.models import City
from citydip.survey.models import AccessToken

S = Invitation.Status
REMINDABLE = (S.SENT, S.OPENED, S.PARTIAL)
# Never sent (or re-issued) and not settled: these get the invitation. A city that already answered
# in part through a letter's link still gets it; one that completed, refused or opted out does not.
INVITABLE = (S.NOT_SENT, S.OPENED, S.PARTIAL)


def mailable_contacts():
    return Contact.objects.filter(retired__isnull=True).exclude(email="")


def best_contacts(city_ids=None):
    """city pk -> the contact to write to (primary first, then the oldest)."""
    contacts = mailable_contacts().order_by("city_id", "-primary", "created", "pk")
    if city_ids is not None:
        contacts = contacts.filter(city_id__in=city_ids)
    best = {}
    for contact in contacts:
        best.setdefault(contact.city_id, contact)
    return best


@transaction.atomic
def prepare_invitations(wave):
    """Create the missing invitations of the wave and point unsent ones at a current contact.

    Returns (created, cities without a contact with an e-mail address).
    """
    cities = list(City.objects.filter(in_frame=True).values_list("pk", flat=True))
    best = best_contacts()
    existing = {inv.city_id: inv for inv in Invitation.objects.filter(wave=wave)}
    new = [Invitation(wave=wave, city_id=pk, contact=best[pk]) for pk in cities if pk in best and pk not in existing]
    Invitation.objects.bulk_create(new, batch_size=500)
    usable = set(mailable_contacts().values_list("pk", flat=True))
    for invitation in existing.values():
        contact = best.get(invitation.city_id)
        if invitation.sent_at is None and contact and invitation.contact_id not in usable:
            Invitation.objects.filter(pk=invitation.pk, sent_at__isnull=True).update(contact=contact)
    return len(new), sum(1 for pk in cities if pk not in best)


def sendable(queryset):
    return queryset.filter(contact__retired__isnull=True).exclude(contact__email="").select_related(
        "contact", "city", "city__country", "wave")


def invitations_to_send(wave):
    refresh_statuses(wave)
    never_sent = Invitation.objects.filter(wave=wave, sent_at__isnull=True, status__in=INVITABLE, claim__isnull=True)
    return sendable(never_sent).order_by("pk")


def expected_for_invitation(invitation):
    return {"sent_at__isnull": True, "status__in": INVITABLE}


def reminders_due(wave, after_days, max_reminders, now=None):
    """Invitations not complete (nor refused, opted out, bounced) whose last message is at least ``after_days`` old."""
    refresh_statuses(wave)
    before = (now or timezone.now()) - timedelta(days=after_days)
    due = Invitation.objects.filter(wave=wave, status__in=REMINDABLE, claim__isnull=True,
                                    reminders_sent__lt=max_reminders, last_message_at__lte=before)
    return sendable(due).order_by("pk")


def expected_for_reminder(invitation):
    return {"reminders_sent": invitation.reminders_sent, "last_message_at": invitation.last_message_at,
            "status__in": REMINDABLE}


@transaction.atomic
def reissue(invitation, contact, user=None):
    """Address the invitation to another contact (made primary): it will be sent again; answers are kept."""
    if contact.city_id != invitation.city_id:
        raise ValueError("the contact belongs to another city")
    Contact.objects.filter(city_id=contact.city_id).exclude(pk=contact.pk).update(primary=False)
    Contact.objects.filter(pk=contact.pk).update(primary=True, retired=None)
    AccessToken.objects.filter(response__wave=invitation.wave, response__city=invitation.city,
                               kind=AccessToken.Kind.INVITATION, revoked__isnull=True).update(revoked=timezone.now())
    Invitation.objects.filter(pk=invitation.pk).update(
        contact=contact, status=S.NOT_SENT, status_changed=timezone.now(), reminders_sent=0, token=None,
        next_reminder_at=None, last_message_at=None, sent_at=None, bounce_reason="", claim=None)
    invitation.refresh_from_db()
    return invitation


def invitation_for(wave, city):
    return Invitation.objects.filter(Q(wave=wave) & Q(city=city)).select_related("contact").first()
