"""``citydip survey translations export|import|status``: translators' files for the instrument and the
respondent-facing texts (the TRAPD practice: translate, review, adjudicate, pretest, document)."""
from __future__ import annotations

from pathlib import Path

from citydip.core.audit import record
from citydip.core.command import arg, output, verb
from citydip.core.errors import CitydipError
from citydip.core.files import write_bytes
from citydip.survey import translation_files, translation_units


def check_language(code):
    if code not in translation_units.languages():
        raise CitydipError("SURVEY-E304", f"unknown language {code!r}: use one of "
                           + ", ".join(translation_units.languages()), field="--language")
    return code


def export_file(code, fmt):
    return translation_files.write(translation_units.units(check_language(code)), code, fmt)


def import_file(data, filename, reviewed_by="", user=None):
    """Read a translator's file back into the language's files; the report, audit-logged."""
    code, incoming = translation_files.read(data, filename)
    report = translation_units.apply(check_language(code), incoming, reviewed_by=reviewed_by)
    record(user, "survey.translations.import", language=code, file=Path(filename).name,
           changed=[change.id for change in report.changed], skipped=len(report.skipped),
           status={part: after for part, (_, after) in report.status.items()}, reviewed_by=reviewed_by)
    return report


@verb("translations export", "a translator's file (XLIFF 1.2 or CSV) of one language: the instrument and the "
      "respondent-facing texts, each with its English, current translation and status",
      arg("--language", required=True, help="the language, ISO 639-1 (e.g. lv)"),
      output("the file to write: .xlf/.xliff (XLIFF 1.2) or .csv"),
      arg("--format", choices=translation_files.FORMATS, default="", help="default: from the file name"),
      needs_database=False)
def translations_export(command, language, output, format="", **options):
    fmt = translation_files.format_of(output, format)
    units = translation_units.units(check_language(language))
    write_bytes(output, translation_files.write(units, language, fmt))
    counts = {status: sum(u.status == status for u in units) for status in translation_units.UNIT_STATUSES}
    command.stdout.write(f"wrote {output}: {len(units)} texts in {language} ("
                         + ", ".join(f"{n} {status}" for status, n in counts.items() if n) + ")")


@verb("translations import", "read a translator's file back; reports what changed (only changed texts are written)",
      arg("file", help="an XLIFF or CSV file made by `translations export`"),
      arg("--reviewed-by", default="", help="mark the language reviewed by this person (TRAPD review done)"))
def translations_import(command, file, reviewed_by="", **options):
    path = Path(file)
    if not path.exists():
        raise CitydipError("SURVEY-E300", "no such file", file=file)
    report = import_file(path.read_bytes(), path.name, reviewed_by=reviewed_by)
    for line in report.lines():
        command.stdout.write(line)


@verb("translations status", "each language: texts translated, changed English, and review status",
      needs_database=False)
def translations_status(command, **options):
    command.stdout.write("language  instrument               interface                overall")
    for code in translation_units.languages():
        info = translation_units.summary(code)
        cells = [f"{info[p]['translated']}/{info[p]['total']} {info[p]['status']}"
                 + (f" ({info[p]['changed']} changed)" if info[p]["changed"] else "") for p in translation_units.PARTS]
        command.stdout.write(f"{code:<9} {cells[0]:<24} {cells[1]:<24} {info['status']}")
