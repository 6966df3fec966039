"""``citydip survey wave create --form FORM [--name NAME]``: field a questionnaire as a new wave."""
from __future__ import annotations

from citydip.core.command import arg, verb
from citydip.survey.waves import create_wave


@verb("wave create", "a new wave of a questionnaire over the newest frame version; it becomes the current wave",
      arg("--form", required=True, help="the XLSForm to field"),
      arg("--name", default=None, help="the wave's name (default: form title and version)"))
def wave_create(command, form, name=None, **options):
    wave = create_wave(form, name=name)
    questionnaire = wave.questionnaire
    command.stdout.write(
        f"wave {wave.pk} '{wave.name}': questionnaire {questionnaire.form_id} version {questionnaire.version or '-'} "
        f"({', '.join(questionnaire.languages)}) over {wave.frame_version}; it is now the current wave"
    )
