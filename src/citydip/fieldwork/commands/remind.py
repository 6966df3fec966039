"""`remind --after-days N --max K [--wave ID]`: remind the cities that have not completed."""
from citydip.core.command import arg, verb
from citydip.core.jobs import run_here
from citydip.fieldwork import invitations as plan
from citydip.fieldwork.commands.common import SENDING_ARGUMENTS, dry_run_table, resolve_wave, sending_params
from citydip.fieldwork.tasks import send_reminders


@verb("remind", "Remind the cities that have not completed, N days after their last message, K reminders at most.",
      arg("--after-days", type=int, required=True, help="days since the last message"),
      arg("--max", type=int, required=True, help="reminders per city at most"),
      *SENDING_ARGUMENTS)
def remind(command, **options):
    stdout = command.stdout
    wave = resolve_wave(options["wave"])
    due = plan.reminders_due(wave, options["after_days"], options["max"])
    if options["dry_run"]:
        dry_run_table(due, "reminders", stdout)
        return
    run_here(send_reminders, stdout=stdout, quiet=options["quiet"], wave_id=wave.pk, after_days=options["after_days"],
             max_reminders=options["max"], **sending_params(options))
