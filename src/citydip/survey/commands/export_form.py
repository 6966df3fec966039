"""``citydip survey export-form [FORM] --format xform|pdf --output FILE [--language xx|all]``.

The XForm is pyxform's XML (what KoboToolbox and ODK read); the PDF is the printable
questionnaire in one language (forms/paper.py), or one PDF per language with ``--language all``
(FILE-xx.pdf). Without FORM, the current wave's questionnaire is exported.
"""
from __future__ import annotations

from pathlib import Path

from citydip.core.command import arg, ensure_initialised, output, verb
from citydip.core.errors import CitydipError
from citydip.core.files import write_bytes
from citydip.survey.study_settings import FIELDS, fill, placeholder, values
from citydip.survey.xlsform import load_form, to_xform
from citydip.survey.xlsform.paper import paper_pdf


def form_source(form):
    """(bytes, filename) of the form to export: the file given, else the current wave's."""
    if form:
        path = Path(form)
        if not path.is_file():
            raise CitydipError("SURVEY-E001", "no such form file", file=form)
        return path.read_bytes(), path.name
    ensure_initialised()
    from citydip.survey.models import Wave

    wave = Wave.current()
    if wave is None:
        raise CitydipError("SURVEY-E011", "no wave yet: name a FORM file or run `citydip survey wave create` first")
    return bytes(wave.questionnaire.content), wave.questionnaire.filename


@verb("export-form", "export a questionnaire as XForm XML (KoboToolbox, ODK) or as a printable PDF per language",
      arg("form", nargs="?", help="the XLSForm (default: the current wave's questionnaire)"),
      arg("--format", required=True, choices=["xform", "pdf"]),
      output(),
      arg("--language", default=None, help="pdf: a language code of the form, or 'all'"),
      needs_database=False)
def export_form(command, form=None, format="xform", output=None, language=None, **options):
    data, filename = form_source(form)
    if format == "xform":
        write_atomic(Path(output), to_xform(data, filename).encode("utf-8"))
        command.stdout.write(f"wrote {output} (XForm of {filename})")
        return
    loaded = load_form(data, filename)
    targets = pdf_targets(loaded, Path(output), language)
    study = paper_study_values()
    for lang, target in targets:
        write_atomic(target, paper_pdf(loaded, lang, fill=lambda text: fill(text, study), return_address=study["contact"]))
        command.stdout.write(f"wrote {target} ({filename}, {lang})")


def paper_study_values():
    """The study settings for the paper version; their placeholders when there is no database yet."""
    from django.db import DatabaseError

    try:
        return values()
    except DatabaseError:
        return {field: placeholder(field) for field in FIELDS}


def pdf_targets(form, output, language):
    if language == "all":
        return [(code, output.with_name(f"{output.stem}-{code}{output.suffix or '.pdf'}")) for code in form.languages]
    language = language or form.default_language
    if language not in form.languages:
        raise CitydipError("SURVEY-E012", f"the form has no language '{language}': use one of "
                           f"{', '.join(form.languages)} or 'all'", field="--language")
    return [(language, output)]


def write_atomic(path, data):
    path.parent.mkdir(parents=True, exist_ok=True)
    write_bytes(path, data)
