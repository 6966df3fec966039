"""`remind --after-days N --max K [--wave ID]`: remind the cities that have not completed."""
from citydip.core.command import arg, verb
from citydip.fieldwork import invitations as plan
from citydip.fieldwork import runs
from citydip.fieldwork.commands.common import SENDING_ARGUMENTS, dry_run_table, resolve_wave, sending_options, summary


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
    send_options = sending_options(options, options["after_days"])
    report = runs.send_reminders(wave, options["after_days"], options["max"], send_options, quiet=options["quiet"])
    stdout.write(summary("reminders", report))
