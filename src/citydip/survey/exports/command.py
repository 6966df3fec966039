"""``citydip survey export --format FMT --output DIR [--wave ID] [--language xx]`` (DESIGN.md contract)."""
from __future__ import annotations

from citydip.survey.exports.run import FORMATS, export

HELP = "export the answers of a wave as csv, xlsx, sav, dta or a Frictionless data package, with a codebook"


def add_arguments(parser):
    parser.add_argument("--format", required=True, choices=FORMATS, dest="fmt", help="the file format")
    parser.add_argument("--output", required=True, help="the folder to write into (created if missing)")
    parser.add_argument("--wave", type=int, default=None, help="the wave's id (default: the current wave)")
    parser.add_argument("--language", default=None,
                        help="language of the variable and value labels (default: the form's default)")
    parser.add_argument("--no-codebook", action="store_true", help="skip codebook.{json,csv,html,pdf}")


def run(command, fmt, output, wave=None, language=None, no_codebook=False, **options):
    dataset, paths = export(fmt, output, wave, language, with_codebook=not no_codebook)
    rows = ", ".join(f"{len(t.rows)} rows in {t.name}" for t in dataset.tables)
    command.stdout.write(f"exported wave '{dataset.wave.name}' as {fmt}: {rows}; {len(paths)} files in {output}")
