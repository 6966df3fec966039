"""The fieldwork verbs plug into another command (how `citydip survey` takes them), as docs/fieldwork.md shows."""
import io

import pytest
from django.core.management import call_command

from citydip.core.command import CitydipCommand, hooked_verbs, verb
from citydip.fieldwork.commands import FIELDWORK_VERBS
from tests.fieldwork.conftest import make_cities, make_wave

pytestmark = pytest.mark.django_db


@verb("check-form", "an own verb", needs_database=False)
def own(command, **options):
    command.stdout.write("own verb check-form")


class SurveyLikeCommand(CitydipCommand):
    help = "a command with its own verbs plus the fieldwork verbs"
    verbs = (own, *FIELDWORK_VERBS)


def test_the_fieldwork_verbs_run_under_another_command():
    make_wave()
    make_cities(3)
    out = io.StringIO()
    call_command(SurveyLikeCommand(), "invite", "--dry-run", stdout=out)
    assert "3 invitations would be sent" in out.getvalue()
    call_command(SurveyLikeCommand(), "check-form", stdout=out)
    assert "own verb check-form" in out.getvalue()
    assert [v.name for v in FIELDWORK_VERBS] == [("contacts", "import"), ("invite",), ("remind",), ("bounces",)]


def test_the_survey_command_gets_the_fieldwork_verbs_through_the_hook():
    assert hooked_verbs("survey") == FIELDWORK_VERBS
    make_wave()
    make_cities(2)
    out = io.StringIO()
    call_command("survey", "invite", "--dry-run", stdout=out)
    assert "2 invitations would be sent" in out.getvalue()
