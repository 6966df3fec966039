"""Demo step: clearly fake contacts (Demo Contact N, @example.org) and invitations for the current wave.

Every invitation "sent" gets a personal link (an AccessToken, as a real sending would make). What a
respondent did is recorded where the real survey records it, and the statuses are then derived by
fieldwork/statuses.py, never set by hand: the link of every city that answered (complete or partial)
and of the cities drawn as "opened" is marked used (``last_used``). The outcomes a fieldworker or the
mail server records (refused, opted out, bounced, wrong contact, not sent) are drawn with the demo's
seeded generator for the cities that did not answer. A few cities get contact log entries. Nothing is sent.
"""
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from citydip.fieldwork.compose import ensure_default_templates
from citydip.fieldwork.models import Contact, ContactEvent, Invitation, MessageLog
from citydip.fieldwork.statuses import refresh_statuses
from citydip.frame.models import City
from citydip.survey import tokens
from citydip.survey.models import AccessToken, Response, Wave

S = Invitation.Status
OTHER_OUTCOMES = [(S.SENT, 45), (S.OPENED, 12), (S.REFUSED, 8), (S.OPTED_OUT, 3), (S.BOUNCED, 5),
                  (S.WRONG_CONTACT, 4), (S.NOT_SENT, 8)]


@transaction.atomic
def build_demo(ctx):
    ensure_default_templates()
    wave = Wave.current()
    cities = list(City.objects.filter(in_frame=True).select_related("country").order_by("pk"))
    if wave is None or not cities:
        ctx.log("fieldwork: no wave or no frame city, skipped")
        return
    if Invitation.objects.filter(wave=wave).exists():
        ctx.log("fieldwork: invitations exist already, skipped")
        return
    contacts = make_contacts(cities)
    states = dict(Response.objects.filter(wave=wave).values_list("city_id", "state"))
    now = timezone.now()
    invitations = [make_invitation(ctx, wave, city, contacts[city.pk], states.get(city.pk), now) for city in cities]
    opened = {inv.city_id for inv in invitations if inv.status == S.OPENED}
    for inv in invitations:
        inv.status = S.SENT if inv.status == S.OPENED else inv.status
    Invitation.objects.bulk_create(invitations, batch_size=500)
    make_links(ctx, wave, states, opened)
    refresh_statuses(wave)
    make_logs(ctx, wave)
    ctx.log(f"fieldwork: {len(contacts)} demo contacts, {len(invitations)} invitations, "
            f"{ContactEvent.objects.filter(wave=wave).count()} contact log entries")


def make_contacts(cities):
    contacts = [Contact(city=city, person=f"Demo Contact {i}", office="International relations (demo)",
                        role="Head of office", email=f"demo-contact-{i}@example.org", phone=f"+00 0000 {i:04d}",
                        language=(city.country.languages or ["en"])[0], primary=True, source="citydip demo")
                for i, city in enumerate(cities, start=1)]
    Contact.objects.bulk_create(contacts, batch_size=500)
    return {c.city_id: c for c in Contact.objects.filter(source="citydip demo")}


def make_links(ctx, wave, states, opened):
    """A used or unused invitation link for every invitation sent (and a not-started Response where none exists).

    ``opened``: cities drawn as having opened their link without answering; their invitation is stored
    as sent, and the link's use makes it "opened"."""
    sent = list(Invitation.objects.filter(wave=wave, sent_at__isnull=False).select_related("contact").order_by("pk"))
    missing = [inv for inv in sent if inv.city_id not in states]
    Response.objects.bulk_create([Response(wave=wave, city_id=inv.city_id, language=inv.contact.language)
                                  for inv in missing], batch_size=500)
    responses = dict(Response.objects.filter(wave=wave).values_list("city_id", "pk"))
    links = []
    for inv in sent:
        used = inv.city_id in opened or states.get(inv.city_id) in (Response.State.COMPLETE, Response.State.PARTIAL)
        links.append(AccessToken(token_hash=tokens.hash_token(tokens.new_token()), response_id=responses[inv.city_id],
                                 kind=AccessToken.Kind.INVITATION, language=inv.contact.language,
                                 last_used=inv.sent_at + timedelta(hours=ctx.rng.randint(1, 72)) if used else None))
    AccessToken.objects.bulk_create(links, batch_size=500)
    tokens_by_city = dict(AccessToken.objects.filter(response__wave=wave, kind=AccessToken.Kind.INVITATION)
                          .values_list("response__city_id", "pk"))
    for inv in sent:
        inv.token_id = tokens_by_city[inv.city_id]
    Invitation.objects.bulk_update(sent, ["token"], batch_size=500)


def make_invitation(ctx, wave, city, contact, state, now):
    """An invitation whose stored status is what fieldwork recorded (sent, or a drawn manual outcome)."""
    if state in (Response.State.COMPLETE, Response.State.PARTIAL):
        status = S.SENT
    else:
        status = ctx.rng.choices([s for s, _ in OTHER_OUTCOMES], [w for _, w in OTHER_OUTCOMES])[0]
    sent = None if status == S.NOT_SENT else now - timedelta(days=ctx.rng.randint(8, 40), hours=ctx.rng.randint(0, 23))
    reminders = 0 if sent is None or state == Response.State.COMPLETE else ctx.rng.randint(0, 2)
    return Invitation(wave=wave, city=city, contact=contact, status=status, sent_at=sent, last_message_at=sent,
                      reminders_sent=reminders, message_id=f"<demo-{city.pk}@example.org>" if sent else "",
                      bounce_reason="5.1.1 user unknown (demo)" if status == S.BOUNCED else "",
                      next_reminder_at=sent + timedelta(days=7) if sent else None)


def make_logs(ctx, wave):
    sent = Invitation.objects.filter(wave=wave, sent_at__isnull=False).select_related("contact")
    MessageLog.objects.bulk_create([
        MessageLog(invitation=inv, kind=MessageLog.Kind.INVITATION, to=inv.contact.email, language=inv.contact.language,
                   subject="(demo) survey invitation", message_id=inv.message_id, claimed_at=inv.sent_at,
                   sent_at=inv.sent_at, result=MessageLog.Result.SENT, smtp_code=250, attempts=1)
        for inv in sent], batch_size=500)
    chase = list(Invitation.objects.filter(wave=wave, status__in=(S.BOUNCED, S.WRONG_CONTACT, S.OPENED, S.REFUSED)))
    today = timezone.localdate()
    for inv in ctx.rng.sample(chase, min(12, len(chase))):
        outcome = {S.REFUSED: "declined by phone: no time this year", S.BOUNCED: "address no longer valid",
                   S.WRONG_CONTACT: "forwarded to another office"}.get(inv.status, "called, left a message")
        ContactEvent.objects.create(city=inv.city, wave=wave, contact=inv.contact, kind=ContactEvent.Kind.PHONE,
                                    outcome=f"{outcome} (demo)", next_step="call again" if inv.status != S.REFUSED else "",
                                    due=today - timedelta(days=ctx.rng.randint(0, 3)) if inv.status != S.REFUSED else None)
