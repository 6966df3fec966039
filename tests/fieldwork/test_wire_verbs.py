"""The fieldwork verbs plug into another command (how `citydip survey` takes them), as docs/fieldwork.md shows."""
import io

import pytest
from django.core.management import call_command

from citydip.core.command import CitydipCommand, ensure_initialised
from citydip.fieldwork.commands import FIELDWORK_VERBS, add_verbs, run_verb
from tests.fieldwork.conftest import make_cities, make_wave

pytestmark = pytest.mark.django_db


class SurveyLikeCommand(CitydipCommand):
    help = "a command with its own verbs plus the fieldwork verbs"

    def add_arguments(self, parser):
        verbs = parser.add_subparsers(dest="verb", required=True)
        verbs.add_parser("check-form")
        add_verbs(verbs)

    def handle(self, *args, verb, **options):
        if "fieldwork_run" in options:
            ensure_initialised()
            return run_verb(options, self.stdout)
        self.stdout.write(f"own verb {verb}")


def test_the_fieldwork_verbs_run_under_another_command():
    make_wave()
    make_cities(3)
    out = io.StringIO()
    call_command(SurveyLikeCommand(), "invite", "--dry-run", stdout=out)
    assert "3 invitations would be sent" in out.getvalue()
    call_command(SurveyLikeCommand(), "check-form", stdout=out)
    assert "own verb check-form" in out.getvalue()
    assert [v.NAME for v in FIELDWORK_VERBS] == [("contacts", "import"), ("invite",), ("remind",), ("bounces",)]
