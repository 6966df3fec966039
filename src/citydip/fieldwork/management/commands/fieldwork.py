from citydip.core.command import CitydipCommand
from citydip.fieldwork.commands import add_verbs, run_verb


class Command(CitydipCommand):
    help = "Fieldwork: import contacts, send invitations and reminders, read bounces."

    def add_arguments(self, parser):
        add_verbs(parser.add_subparsers(dest="verb", required=True))

    def handle(self, *args, **options):
        run_verb(options, self.stdout)
