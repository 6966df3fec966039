"""One invitation or reminder run, and its dry run: what the commands, the web pages and the jobs call.

``plan_invitations`` / ``plan_reminders`` say who would get which message, in which language, and
change nothing. ``send_invitations`` / ``send_reminders`` settle what an interrupted run left
(``sending.reconcile``), then send; running one again sends nothing twice (``sending.py``).
"""
from collections import Counter
from dataclasses import dataclass, field

from django.db import transaction

from citydip.core.progress import progress_bar
from citydip.fieldwork import invitations as plan
from citydip.fieldwork.compose import Composer
from citydip.fieldwork.models import MessageLog
from citydip.fieldwork.sending import reconcile, send_batch
from citydip.survey.study_settings import require_complete


@dataclass
class Plan:
    """Who would get a message: ``rows`` of (invitation, language), counts by language, cities without contact."""

    kind: str
    rows: list = field(default_factory=list)
    without_contact: int = 0

    @property
    def count(self):
        return len(self.rows)

    @property
    def by_language(self):
        return sorted(Counter(language for _, language in self.rows).items())


def _with_languages(kind, invitations, without=0):
    language = Composer().language
    return Plan(kind, [(inv, language(inv.contact, inv.city)) for inv in invitations], without)


def plan_invitations(wave):
    """The invitations a run would send now; nothing is created or changed (the preparation is rolled back)."""
    with transaction.atomic():
        _, without = plan.prepare_invitations(wave)
        result = _with_languages(MessageLog.Kind.INVITATION, list(plan.invitations_to_send(wave)), without)
        transaction.set_rollback(True)
    return result


def plan_reminders(wave, after_days, max_reminders):
    return _with_languages(MessageLog.Kind.REMINDER, list(plan.reminders_due(wave, after_days, max_reminders)))


def send_invitations(wave, options, quiet=False):
    """(report, created, without contact): prepare the wave's invitations and send the unsent ones.
    Progress goes to the running job's page, or to the terminal (``core/progress.py``). Refused
    (SURVEY-E030) while a study setting that the consent page and privacy notice name is empty."""
    require_complete()
    settled = reconcile(wave, options)
    created, without = plan.prepare_invitations(wave)
    todo = list(plan.invitations_to_send(wave))
    with progress_bar(f"inviting ({wave.name})", len(todo), quiet=quiet) as advance:
        report = send_batch(todo, MessageLog.Kind.INVITATION, plan.expected_for_invitation, options, advance)
    report.reconciled = settled
    return report, created, without


def send_reminders(wave, after_days, max_reminders, options, quiet=False):
    settled = reconcile(wave, options)
    todo = list(plan.reminders_due(wave, after_days, max_reminders))
    with progress_bar(f"reminding ({wave.name})", len(todo), quiet=quiet) as advance:
        report = send_batch(todo, MessageLog.Kind.REMINDER, plan.expected_for_reminder, options, advance)
    report.reconciled = settled
    return report
