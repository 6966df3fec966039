"""``citydip survey wave create --form FORM [--name NAME]``: field a questionnaire as a new wave."""
from __future__ import annotations

from citydip.survey.waves import create_wave

HELP = "survey waves: `wave create --form FORM.xlsx [--name NAME]` makes a new current wave"


def add_arguments(parser):
    actions = parser.add_subparsers(dest="action", required=True)
    create = actions.add_parser("create", help="a new wave of a questionnaire over the newest frame version")
    create.add_argument("--form", required=True, help="the XLSForm to field")
    create.add_argument("--name", default=None, help="the wave's name (default: form title and version)")


def run(command, action, form, name=None, **options):
    wave = create_wave(form, name=name)
    questionnaire = wave.questionnaire
    command.stdout.write(
        f"wave {wave.pk} '{wave.name}': questionnaire {questionnaire.form_id} version {questionnaire.version or '-'} "
        f"({', '.join(questionnaire.languages)}) over {wave.frame_version}; it is now the current wave"
    )
