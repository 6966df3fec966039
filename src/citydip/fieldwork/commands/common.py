"""What the fieldwork verbs share: which wave, the sending options, the summary line."""
from citydip.core.command import arg, quiet, wave
from citydip.core.errors import CitydipError
from citydip.fieldwork.config import base_url, setting
from citydip.fieldwork.sending import SendOptions
from citydip.survey.models import Wave


def resolve_wave(wave_id=None):
    if wave_id is None:
        wave = Wave.current()
        if wave is None:
            raise CitydipError("FIELD-E010", "there is no survey wave yet: create one with `citydip survey wave create`",
                               field="--wave")
        return wave
    wave = Wave.objects.filter(pk=wave_id).first()
    if wave is None:
        raise CitydipError("FIELD-E011", f"there is no wave {wave_id}: see the waves on the survey page", field="--wave")
    return wave


SENDING_ARGUMENTS = (
    wave("wave id (default: the current wave)"),
    arg("--dry-run", action="store_true", help="show who would get what; send nothing, change nothing"),
    arg("--rate", type=float, default=None,
        help="messages per second at most (default: CITYDIP_SEND_RATE or 2; 0 = no limit)"),
    arg("--retries", type=int, default=3, help="further attempts after a temporary (4xx) SMTP failure"),
    arg("--retry-delay", type=float, default=5.0, help="seconds before the first retry (doubles)"),
    arg("--base-url", default=None, help="public address of the site for links (default: CITYDIP_BASE_URL)"),
    quiet(),
)


def sending_options(options, remind_after_days=7):
    rate = options["rate"] if options["rate"] is not None else float(setting("CITYDIP_SEND_RATE"))
    return SendOptions(rate=rate, retries=options["retries"], retry_delay=options["retry_delay"],
                       remind_after_days=remind_after_days, base_url=options["base_url"] or base_url())


def summary(kind, report):
    line = (f"{kind}: {report.sent} sent, {report.failed} refused by the server (marked bounced), "
            f"{report.released} put back after temporary failures, {report.taken} taken by another run")
    settled = report.reconciled
    if settled["released"] or settled["unconfirmed"]:
        line += (f"; from an interrupted run: {settled['released']} released and sent now, "
                 f"{settled['unconfirmed']} interrupted during transmission counted as sent (not sent again)")
    return line


def dry_run_table(invitations, kind, stdout, limit=20):
    """Print who would get a message (the first ``limit``) and the count per language."""
    from collections import Counter

    from citydip.fieldwork.compose import Composer

    choose_language, languages = Composer().language, Counter()
    rows = list(invitations)
    for i, invitation in enumerate(rows):
        language = choose_language(invitation.contact, invitation.city)
        languages[language] += 1
        if i < limit:
            stdout.write(f"  {invitation.city.city_id:<12} {invitation.city.name[:30]:<30} {language}  {invitation.contact.email}")
    if len(rows) > limit:
        stdout.write(f"  ... and {len(rows) - limit} more")
    by_language = ", ".join(f"{lang} {n}" for lang, n in sorted(languages.items())) or "none"
    stdout.write(f"dry run: {len(rows)} {kind} would be sent ({by_language}); nothing was sent or changed")
