"""`invite [--wave ID] [--dry-run]`: send the invitation to every city of the wave that has not had it."""
from django.db import transaction

from citydip.core.command import arg, verb
from citydip.fieldwork import invitations as plan
from citydip.fieldwork import runs
from citydip.fieldwork.commands.common import SENDING_ARGUMENTS, dry_run_table, resolve_wave, sending_options, summary


@verb("invite", "Send the survey invitation to every city of the wave that has a contact and has not had it.",
      *SENDING_ARGUMENTS,
      arg("--remind-after-days", type=int, default=7, help="when the first reminder is due (shown on the to-do list)"))
def invite(command, **options):
    stdout = command.stdout
    wave = resolve_wave(options["wave"])
    if options["dry_run"]:
        with transaction.atomic():
            created, without = plan.prepare_invitations(wave)
            dry_run_table(plan.invitations_to_send(wave), "invitations", stdout)
            transaction.set_rollback(True)
        stdout.write(f"{without} cities of the frame have no contact with an e-mail address")
        return
    send_options = sending_options(options, options["remind_after_days"])
    report, created, without = runs.send_invitations(wave, send_options, quiet=options["quiet"])
    stdout.write(summary("invitations", report))
    stdout.write(f"{created} new invitations prepared; {without} cities of the frame have no contact "
                 "with an e-mail address (see the to-do list)")
