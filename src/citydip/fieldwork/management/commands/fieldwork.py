from citydip.core.command import CitydipCommand
from citydip.fieldwork.commands import FIELDWORK_VERBS


class Command(CitydipCommand):
    help = "Fieldwork: import contacts, send invitations and reminders, read bounces."
    verbs = FIELDWORK_VERBS
