"""The fieldwork's long operations as jobs: invitations, reminders, bounce scans, letter batches.

The command line (``citydip survey invite`` ...) and the web pages run these same functions. Each is
safe to run again after a crash: a message is claimed by a conditional UPDATE before it is sent and
is never sent twice (fieldwork/sending.py); a bounce already recorded is not recorded again; a letter
batch issues its links and logs its letters once per city and job.
"""
from collections import Counter

from django.utils.translation import gettext_lazy as _

from citydip.core.jobs import job_task
from citydip.core.roles import CONTACT_ROLES
from citydip.fieldwork import invitations as plan
from citydip.fieldwork.config import base_url as default_base_url
from citydip.fieldwork.config import setting
from citydip.fieldwork.models import MessageLog
from citydip.fieldwork.sending import SendOptions, reconcile, send_batch


def send_options(rate=None, retries=3, retry_delay=5.0, base_url=None, remind_after_days=7):
    rate = rate if rate is not None else float(setting("CITYDIP_SEND_RATE"))
    return SendOptions(rate=rate, retries=retries, retry_delay=retry_delay, remind_after_days=remind_after_days,
                       base_url=base_url or default_base_url())


def report_dict(report):
    return {"sent": report.sent, "failed": report.failed, "released": report.released, "taken": report.taken,
            **{f"reconciled_{k}": v for k, v in report.reconciled.items()}}


@job_task(title=_("Send invitations"), roles=CONTACT_ROLES)
def send_invitations(context, wave_id=None, rate=None, retries=3, retry_delay=5.0, base_url=None,
                     remind_after_days=7):
    from citydip.fieldwork.commands.common import resolve_wave, summary

    wave = resolve_wave(wave_id)
    context.describe(wave=wave.name)
    options = send_options(rate, retries, retry_delay, base_url, remind_after_days)
    settled = reconcile(wave, options)
    created, without = plan.prepare_invitations(wave)
    todo = list(plan.invitations_to_send(wave))
    context.step(f"inviting ({wave.name})", len(todo))
    report = send_batch(todo, MessageLog.Kind.INVITATION, plan.expected_for_invitation, options, context.advance)
    report.reconciled = settled
    context.log(summary("invitations", report))
    context.log(f"{created} new invitations prepared; {without} cities of the frame have no contact "
                "with an e-mail address (see the to-do list)")
    return report_dict(report)


@job_task(title=_("Send reminders"), roles=CONTACT_ROLES)
def send_reminders(context, after_days, max_reminders, wave_id=None, rate=None, retries=3, retry_delay=5.0,
                   base_url=None):
    from citydip.fieldwork.commands.common import resolve_wave, summary

    wave = resolve_wave(wave_id)
    context.describe(wave=wave.name)
    options = send_options(rate, retries, retry_delay, base_url, after_days)
    settled = reconcile(wave, options)
    todo = list(plan.reminders_due(wave, after_days, max_reminders))
    context.step(f"reminding ({wave.name})", len(todo))
    report = send_batch(todo, MessageLog.Kind.REMINDER, plan.expected_for_reminder, options, context.advance)
    report.reconciled = settled
    context.log(summary("reminders", report))
    return report_dict(report)


@job_task(title=_("Read returned messages"), roles=CONTACT_ROLES)
def scan_bounces(context, folder=None):
    """Returned messages from a folder on the server, or (no folder) the IMAP mailbox CITYDIP_IMAP_*."""
    from citydip.core.errors import CitydipError
    from citydip.fieldwork.bounces import apply_bounce, parse_dsn, read_folder, read_imap

    context.step(_("reading returned messages"))
    counts = Counter()
    for name, raw in (read_folder(folder) if folder else read_imap()):
        bounce = parse_dsn(raw)
        outcome = "not a delivery status notification" if bounce is None else apply_bounce(bounce)
        counts[outcome] += 1
        if outcome in ("unmatched", "not a delivery status notification"):
            context.log(f"{name}: {outcome}" + (f" ({bounce.recipient}, {bounce.message_id})" if bounce else ""))
        context.advance()
    if not counts:
        raise CitydipError("FIELD-E043", "no message to read", file=folder or "IMAP")
    context.log("bounces: " + ", ".join(f"{n} {outcome}" for outcome, n in sorted(counts.items())))
    return dict(counts)


@job_task(title=_("Print letters"), roles=CONTACT_ROLES)
def print_letters(context, city_ids, wave_id=None):
    """One PDF with a letter per city (its language, a personal link and its QR code)."""
    from citydip.core.errors import CitydipError
    from citydip.fieldwork import letters
    from citydip.fieldwork.commands.common import resolve_wave
    from citydip.fieldwork.invitations import best_contacts
    from citydip.frame.models import City

    wave = resolve_wave(wave_id)
    cities = list(City.objects.filter(pk__in=city_ids).select_related("country").order_by("country_id", "name"))
    if not cities:
        raise CitydipError("FIELD-E044", "no city to write to")
    context.describe(wave=wave.name, cities=len(cities))
    contacts = best_contacts([city.pk for city in cities])
    context.step(_("writing letters"), len(cities) + 1)
    batch = getattr(context, "job", None)
    contexts = []
    for city in cities:
        contexts.append(letters.letter_context(wave, city, contacts.get(city.pk), context.user,
                                               batch=f"job {batch.pk}" if batch else None))
        context.advance()
    name = f"letter_{cities[0].city_id}.pdf" if len(cities) == 1 else f"letters_{len(cities)}.pdf"
    with context.output_file(name) as handle:
        handle.write(letters.letters_pdf(contexts))
    context.advance()
    return {"letters": len(cities), "file": name}
