"""The fieldwork verbs, each a :func:`citydip.core.command.verb` in a module of its own.

``citydip fieldwork`` is these verbs; ``fieldwork/command_verbs.py`` offers them to the survey command
too (the ``command_verbs`` hook), so ``citydip survey invite`` and ``citydip fieldwork invite`` run the
same code (see docs/fieldwork.md).
"""
from citydip.fieldwork.commands.bounces import bounces
from citydip.fieldwork.commands.contacts_import import contacts_import
from citydip.fieldwork.commands.invite import invite
from citydip.fieldwork.commands.remind import remind

FIELDWORK_VERBS = (contacts_import, invite, remind, bounces)
