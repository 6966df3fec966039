"""The opt-out link in every message: the city asks for no more messages about the survey.

Found by the token's hash without touching ``last_used`` (following the opt-out link is not
"opening the survey"). A wrong, revoked or test token gets the same 404 as a missing one.
"""
from django.utils import timezone

from citydip.fieldwork.models import ContactEvent, Invitation
from citydip.survey.models import AccessToken
from citydip.survey.tokens import hash_token


def invitation_for_token(raw):
    """The invitation a raw opt-out token belongs to, or None."""
    if not raw or len(raw) > 100:
        return None, None
    access = AccessToken.objects.select_related("response").filter(
        token_hash=hash_token(raw), revoked__isnull=True, kind=AccessToken.Kind.INVITATION).first()
    if access is None:
        return None, None
    invitation = Invitation.objects.select_related("city", "contact").filter(
        wave=access.response.wave_id, city=access.response.city_id).first()
    return invitation, access


def opt_out(invitation):
    if invitation.status == Invitation.Status.OPTED_OUT:
        return
    invitation.set_status(Invitation.Status.OPTED_OUT)
    ContactEvent.objects.create(city=invitation.city, wave=invitation.wave, contact=invitation.contact,
                                kind=ContactEvent.Kind.NOTE, at=timezone.now(),
                                outcome="opted out through the link in the message")
