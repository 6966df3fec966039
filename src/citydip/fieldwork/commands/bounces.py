"""`bounces --folder DIR | --imap`: mark the invitations whose messages came back undelivered."""
from collections import Counter

from citydip.core.command import arg, one_of, verb
from citydip.core.errors import CitydipError
from citydip.fieldwork.bounces import apply_bounce, parse_dsn, read_folder, read_imap


@verb("bounces", "Read returned messages (delivery status notifications) from a folder or an IMAP mailbox; mark bounces.",
      one_of(arg("--folder", help="folder of saved returned messages (.eml, one per file)"),
             arg("--imap", action="store_true",
                 help="read unseen messages from the mailbox named by CITYDIP_IMAP_* (see docs/fieldwork.md)")))
def bounces(command, **options):
    stdout = command.stdout
    messages = read_folder(options["folder"]) if options["folder"] else read_imap()
    counts = Counter()
    for name, raw in messages:
        bounce = parse_dsn(raw)
        outcome = "not a delivery status notification" if bounce is None else apply_bounce(bounce)
        counts[outcome] += 1
        if outcome in ("unmatched", "not a delivery status notification"):
            stdout.write(f"{name}: {outcome}" + (f" ({bounce.recipient}, {bounce.message_id})" if bounce else ""))
    if not counts:
        raise CitydipError("FIELD-E043", "no message to read", file=options["folder"] or "IMAP")
    stdout.write("bounces: " + ", ".join(f"{n} {outcome}" for outcome, n in sorted(counts.items())))
