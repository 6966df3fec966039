"""Invitation statuses that follow from what the respondent did (opened, partial, complete).

The survey app records answers in Response (state) and link use in AccessToken.last_used; the
invitation's stored status records what fieldwork did (sent, bounced) and what a fieldworker or the
opt-out link set (refused, opted out, wrong contact). :func:`derive_status` combines them with one
precedence rule, used both by :func:`refresh_statuses` (which writes the result) and at read time.
"""
from django.db.models import Exists, OuterRef
from django.utils import timezone

from citydip.fieldwork.models import Invitation
from citydip.survey.models import AccessToken, Response

S = Invitation.Status


def derive_status(stored, response_state, opened):
    """The status to show: a complete answer wins; refusals stay; then partial; then opened; else stored."""
    if response_state == Response.State.COMPLETE:
        return S.COMPLETE
    if stored in (S.REFUSED, S.OPTED_OUT):
        return stored
    if response_state == Response.State.PARTIAL:
        return S.PARTIAL
    if stored == S.WRONG_CONTACT:
        return stored
    if opened:
        return S.OPENED
    if stored in (S.OPENED, S.PARTIAL, S.COMPLETE):
        return S.SENT  # the answer was removed (e.g. a test response reset); fall back to what was done
    return stored


def with_response_facts(invitations):
    """Annotate a queryset of invitations with ``response_state`` and ``was_opened``."""
    responses = Response.objects.filter(wave=OuterRef("wave"), city=OuterRef("city"))
    opened = AccessToken.objects.filter(
        response__wave=OuterRef("wave"), response__city=OuterRef("city"),
        kind=AccessToken.Kind.INVITATION, last_used__isnull=False,
    )
    return invitations.annotate(
        response_state=responses.values("state")[:1],
        was_opened=Exists(opened),
    )


def refresh_statuses(wave):
    """Write the derived status of every invitation of the wave that changed; returns how many changed."""
    now = timezone.now()
    changed = []
    for invitation in with_response_facts(Invitation.objects.filter(wave=wave)):
        status = derive_status(invitation.status, invitation.response_state, invitation.was_opened)
        if status != invitation.status:
            invitation.status, invitation.status_changed = status, now
            changed.append(invitation)
    Invitation.objects.bulk_update(changed, ["status", "status_changed"], batch_size=500)
    return len(changed)
