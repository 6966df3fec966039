"""Fieldwork's jobs: invitations, reminders, bounce scans and letter batches, started from the fieldwork pages.

Each calls the same code as the command line (``runs.py``, ``letters.py``). Started again after its
worker was killed, an invitation or reminder job sends nothing twice: ``sending.reconcile`` settles
the message that was in flight and only the invitations not yet sent are claimed (``sending.py``);
a bounce already recorded is not recorded again; a letter batch logs each city's letter once.
"""
from collections import Counter

from django.utils.translation import gettext_lazy as _

from citydip.core.jobs import job_task
from citydip.core.roles import CONTACT_ROLES
from citydip.fieldwork import runs
from citydip.fieldwork.commands.common import summary
from citydip.fieldwork.config import base_url, setting
from citydip.fieldwork.sending import SendOptions
from citydip.survey.models import Wave


def send_options(remind_after_days=7):
    return SendOptions(rate=float(setting("CITYDIP_SEND_RATE")), remind_after_days=remind_after_days,
                       base_url=base_url())


@job_task(title=_("Send the invitations"), roles=CONTACT_ROLES)
def send_invitations(context, wave_id):
    wave = Wave.objects.get(pk=wave_id)
    context.describe(wave=wave.name)
    report, created, without = runs.send_invitations(wave, send_options())
    context.log(summary("invitations", report))
    context.log(f"{created} new invitations prepared; {without} cities of the frame have no contact with an "
                "e-mail address (see the to-do list)")
    return {"sent": report.sent, "failed": report.failed, "released": report.released}


@job_task(title=_("Send reminders"), roles=CONTACT_ROLES)
def send_reminders(context, wave_id, after_days, max_reminders):
    wave = Wave.objects.get(pk=wave_id)
    context.describe(wave=wave.name, after_days=after_days, max_reminders=max_reminders)
    report = runs.send_reminders(wave, after_days, max_reminders, send_options(after_days))
    context.log(summary("reminders", report))
    return {"sent": report.sent, "failed": report.failed, "released": report.released}


@job_task(title=_("Letters"), roles=CONTACT_ROLES)
def letter_batch(context, wave_id, city_ids):
    """One PDF, a letter per city, each with a fresh personal link (logged in the city's contact log)."""
    from citydip.fieldwork import letters
    from citydip.fieldwork.invitations import best_contacts
    from citydip.frame.models import City
    from citydip.survey.study_settings import require_complete

    require_complete()  # a batch queued before a study setting was emptied is refused too (SURVEY-E030)
    wave = Wave.objects.get(pk=wave_id)
    context.describe(wave=wave.name, letters=len(city_ids))
    contacts = best_contacts(city_ids)
    cities = list(City.objects.filter(pk__in=city_ids).select_related("country").order_by("country_id", "name"))
    context.step(_("preparing the letters"), total=len(cities))
    contexts = []
    for city in cities:
        contexts.append(letters.letter_context(wave, city, contacts.get(city.pk), context.user,
                                               batch=f"job {context.job.pk}" if hasattr(context, "job") else None))
        context.advance()
    context.step(_("writing the PDF"))
    name = f"letter_{cities[0].city_id}.pdf" if len(cities) == 1 else f"letters_{len(cities)}.pdf"
    with context.output_file(name, "wb") as handle:
        handle.write(letters.letters_pdf(contexts))
    context.log(f"{len(contexts)} letters written to {name}")
    return {"letters": len(contexts)}


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
