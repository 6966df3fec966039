"""``citydip survey export --format FMT --output DIR [--wave ID] [--language xx]`` (DESIGN.md contract)."""
from __future__ import annotations

from citydip.core.command import arg, output, verb, wave
from citydip.survey.exports.run import FORMATS


@verb("export", "export the answers of a wave as csv, xlsx, sav, dta or a Frictionless data package, with a codebook",
      arg("--format", required=True, choices=FORMATS, dest="fmt", help="the file format"),
      output("the folder to write into (created if missing)"),
      wave(),
      arg("--language", default=None, help="language of the variable and value labels (default: the form's default)"),
      arg("--no-codebook", action="store_true", help="skip codebook.{json,csv,html,pdf}"))
def export_answers(command, fmt, output, wave=None, language=None, no_codebook=False, **options):
    from citydip.core.jobs import run_here
    from citydip.survey.tasks import export_answers as task

    run_here(task, output_dir=output, stdout=command.stdout, quiet=True, fmt=fmt, wave_id=wave, language=language,
             with_codebook=not no_codebook)
