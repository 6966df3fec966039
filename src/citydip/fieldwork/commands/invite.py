"""`invite [--wave ID] [--dry-run]`: send the invitation to every city of the wave that has not had it."""
from django.db import transaction

from citydip.core.command import arg, verb
from citydip.core.jobs import run_here
from citydip.fieldwork import invitations as plan
from citydip.fieldwork.commands.common import SENDING_ARGUMENTS, dry_run_table, resolve_wave, sending_params
from citydip.fieldwork.tasks import send_invitations


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
    run_here(send_invitations, stdout=stdout, quiet=options["quiet"], wave_id=wave.pk,
             remind_after_days=options["remind_after_days"], **sending_params(options))
