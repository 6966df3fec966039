"""``citydip partnerships reconcile`` reads survey answers, so the survey app provides it."""
from citydip.survey.reconcile import reconcile_verb

VERBS = {"partnerships": (reconcile_verb,)}
