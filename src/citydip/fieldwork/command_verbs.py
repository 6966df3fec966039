"""The fieldwork verbs also belong to ``citydip survey`` (DESIGN.md: ``citydip survey invite``...)."""
from citydip.fieldwork.commands import FIELDWORK_VERBS

VERBS = {"survey": FIELDWORK_VERBS}
