"""`bounces --folder DIR | --imap`: mark the invitations whose messages came back undelivered."""
from citydip.core.command import arg, one_of, verb
from citydip.core.jobs import run_here


@verb("bounces", "Read returned messages (delivery status notifications) from a folder or an IMAP mailbox; mark bounces.",
      one_of(arg("--folder", help="folder of saved returned messages (.eml, one per file)"),
             arg("--imap", action="store_true",
                 help="read unseen messages from the mailbox named by CITYDIP_IMAP_* (see docs/fieldwork.md)")))
def bounces(command, **options):
    from citydip.fieldwork.tasks import scan_bounces  # tasks.py imports the commands' helpers

    run_here(scan_bounces, stdout=command.stdout, quiet=True, folder=options["folder"])
