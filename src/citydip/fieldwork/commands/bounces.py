"""`bounces --folder DIR | --imap`: mark the invitations whose messages came back undelivered."""
from collections import Counter

from citydip.core.errors import CitydipError
from citydip.fieldwork.bounces import apply_bounce, parse_dsn, read_folder, read_imap

NAME = ("bounces",)
HELP = "Read returned messages (delivery status notifications) from a folder or an IMAP mailbox; mark bounces."


def add_arguments(parser):
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--folder", help="folder of saved returned messages (.eml, one per file)")
    source.add_argument("--imap", action="store_true",
                        help="read unseen messages from the mailbox named by CITYDIP_IMAP_* (see docs/fieldwork.md)")


def run(options, stdout):
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
