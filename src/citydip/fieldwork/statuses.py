"""Invitation statuses that follow from what the respondent did (opened, partial, complete).

The survey app records answers in Response (state) and link use in AccessToken.last_used; the
invitation's stored status records what fieldwork did (sent, bounced) and what a fieldworker or the
opt-out link set (refused, opted out, wrong contact). :func:`derive_status` combines them with one
precedence rule, used both by :func:`refresh_statuses` (which writes the result) and at read time.

A stored outcome is never silently overwritten: :func:`refresh_statuses` does not touch a status a
fieldworker set (refused, opted out, wrong contact; the derived status still shows the respondent's
later answer), and when the evidence for a stored ``opened``/``partial``/``complete`` is gone (a
response reset), the stored status stays and is reported by :func:`unsupported_statuses`.
"""
from django.utils import timezone

from citydip.fieldwork.models import Invitation
from citydip.survey.models import AccessToken, Response

S = Invitation.Status
DERIVED = (S.OPENED, S.PARTIAL, S.COMPLETE)


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
    return stored


def response_facts(wave):
    """(city pk -> Response.state, set of city pks whose invitation link was used) for a wave.

    Two flat queries joined in Python, linear in the number of cities: correlated subqueries per
    invitation leave PostgreSQL free to choose nested-loop plans on freshly written, unanalysed tables.
    """
    states = dict(Response.objects.filter(wave=wave).values_list("city_id", "state"))
    opened = set(AccessToken.objects.filter(response__wave=wave, kind=AccessToken.Kind.INVITATION,
                                            last_used__isnull=False).values_list("response__city_id", flat=True))
    return states, opened


def invitation_status(invitation, facts):
    states, opened = facts
    return derive_status(invitation.status, states.get(invitation.city_id), invitation.city_id in opened)


def unsupported_statuses(wave):
    """Invitations whose stored opened/partial/complete has no link use or answer behind it any more."""
    states, opened = response_facts(wave)
    return [inv for inv in Invitation.objects.filter(wave=wave, status__in=DERIVED)
            if derive_status(S.SENT, states.get(inv.city_id), inv.city_id in opened) == S.SENT]


def refresh_statuses(wave):
    """Write the derived status of every invitation of the wave that changed; returns how many changed.

    Statuses a fieldworker set (Invitation.MANUAL) are kept as recorded."""
    now, facts = timezone.now(), response_facts(wave)
    changed = {}  # new status -> invitation pks: one UPDATE per status (bulk_update built a CASE per invitation)
    for invitation in (Invitation.objects.filter(wave=wave).exclude(status__in=Invitation.MANUAL)
                       .only("pk", "city_id", "status", "status_changed")):
        status = invitation_status(invitation, facts)
        if status != invitation.status:
            changed.setdefault(status, []).append(invitation.pk)
    for status, pks in changed.items():
        for start in range(0, len(pks), 500):
            Invitation.objects.filter(pk__in=pks[start:start + 500]).update(status=status, status_changed=now)
    return sum(len(pks) for pks in changed.values())
