"""`citydip qda ...`: documents, codebook and REFI-QDA projects, reliability, quotations, consent."""
from pathlib import Path

from django.utils import timezone

from citydip.core.audit import record
from citydip.core.command import CitydipCommand, arg, output, verb, wave
from citydip.core.errors import CitydipError
from citydip.qda import agreement
from citydip.qda.units import UNIT_KINDS


def find_code(name):
    from citydip.qda.models import Code

    matches = [c for c in Code.objects.all() if name in (c.name, c.path())]
    if len(matches) != 1:
        raise CitydipError("QDA-E011", f"{'no' if not matches else 'more than one'} code named {name!r}: "
                           "give the path, e.g. 'motives / economic'", field="code")
    return matches[0]


def fmt(value):
    return "—" if value is None else f"{value:.3f}"


@verb("import-document", "import a transcript or case document (.txt .md .html .docx .pdf)",
      arg("file"),
      arg("--interview", help="id of the interview it transcribes"),
      arg("--city", help="city_id (as in `frame export`) the document is about"),
      arg("--title"),
      arg("--kind", default="transcript", choices=["transcript", "case_document", "survey_answer"]),
      arg("--case", default=None, help="the case study it belongs to: its city's id or the case id"),
      arg("--type", dest="doc_type", default="", help="agreement, council_resolution, press, report, other"),
      arg("--date", dest="doc_date", default=None, help="date of the document, YYYY-MM-DD"),
      arg("--language", default="", help="language code, e.g. pl"),
      arg("--source", default="", help="URL or citation"),
      arg("--licence", default="", help="licence or access note"))
def import_document(command, file, interview, city, title, kind, case, doc_type, doc_date, language, source, licence,
                    **_):
    from datetime import date

    from citydip.qda.documents import import_document

    try:
        day = date.fromisoformat(doc_date) if doc_date else None
    except ValueError:
        raise CitydipError("QDA-E016", f"not a date: {doc_date!r} (use YYYY-MM-DD)", field="--date") from None
    document = import_document(file, interview_id=interview, city_id=city, title=title, kind=kind, case=case,
                               doc_type=doc_type, doc_date=day, language=language, source=source, licence=licence)
    record(None, "qda.import", document, file=Path(file).name)
    command.stdout.write(f"document {document.pk} {document.title!r}: {len(document.text)} characters, "
                         f"{document.turns.count()} speaker turns")


@verb("import-survey", "turn open survey answers into documents (current wave)",
      wave(), arg("--fields", default="comments,partner_activities"))
def import_survey(command, wave, fields, **_):
    from citydip.qda.documents import documents_from_survey
    from citydip.survey.models import Wave

    chosen = Wave.objects.filter(pk=wave).first() if wave else None
    if wave and chosen is None:
        raise CitydipError("QDA-E010", f"no survey wave with id {wave}", field="wave")
    created, updated = documents_from_survey(chosen, [f.strip() for f in fields.split(",") if f.strip()])
    command.stdout.write(f"survey-answer documents: {created} created, {updated} updated")


@verb("interviews", "list interviews with their consent")
def interviews(command, **_):
    from citydip.qda.models import Interview

    for i in Interview.objects.all():
        state = f"withdrawn {i.withdrawn_at:%Y-%m-%d}" if i.is_withdrawn else (
            f"consent {i.consent_date}" if i.consent_date else "consent date not recorded")
        command.stdout.write(f"{i.pk:>4}  {i.pseudonym:<24} {i.get_institution_type_display():<22} "
                             f"verbatim={'yes' if i.consent_verbatim else 'no'} attribution={i.attribution} {state}")


@verb("withdraw", "record that an interviewee withdrew consent", arg("interview", type=int))
def withdraw(command, interview, **_):
    from citydip.qda.models import Interview

    found = Interview.objects.filter(pk=interview).first()
    if found is None:
        raise CitydipError("QDA-E006", f"no interview with id {interview}", field="interview")
    found.withdrawn_at = found.withdrawn_at or timezone.now()
    found.save(update_fields=["withdrawn_at"])
    record(None, "qda.withdraw", found)
    command.stdout.write(f"{found}: consent withdrawn; its documents leave every analysis and export")


@verb("import-codebook", "read a REFI-QDA codebook (.qdc)", arg("file"))
def import_codebook(command, file, **_):
    from citydip.qda.refi.codebook import import_codebook

    codes = import_codebook(file)
    command.stdout.write(f"codebook: {len(codes)} codes read from {file}")


@verb("export-codebook", "write the codebook as REFI-QDA (.qdc)", output())
def export_codebook(command, output, **_):
    from citydip.qda.refi.codebook import export_codebook

    Path(output).write_text(export_codebook(), encoding="utf-8")
    command.stdout.write(f"codebook written to {output}")


@verb("export", "write a REFI-QDA project",
      arg("--format", default="qdpx", choices=["qdpx"]), output())
def export_(command, output, **_):
    from citydip.qda.refi.project import exported_documents, write_qdpx

    counts = write_qdpx(output)
    record(None, "qda.export", None, format="qdpx", file=Path(output).name, documents=exported_documents(),
           **counts)
    command.stdout.write(f"{output}: " + ", ".join(f"{n} {k}" for k, n in counts.items()))


@verb("import", "read a REFI-QDA project (.qdpx)", arg("file"))
def import_(command, file, **_):
    from citydip.qda.refi.project_import import import_qdpx

    counts = import_qdpx(file)
    record(None, "qda.import", None, format="qdpx", file=Path(file).name, **counts)
    command.stdout.write(f"{file}: added " + ", ".join(f"{n} {k}" for k, n in counts.items()))


@verb("reliability", "inter-coder agreement per code and overall",
      arg("--unit", choices=UNIT_KINDS, default="paragraph"),
      arg("--exclude-uncoded", action="store_true"),
      arg("--level", choices=agreement.LEVELS, default="nominal"))
def reliability(command, unit, exclude_uncoded, level, **_):
    from citydip.qda.reliability import reliability

    report = reliability(unit_kind=unit, include_uncoded=not exclude_uncoded, level=level)
    command.stdout.write(f"coders: {', '.join(c.username for c in report.coders) or 'none'}; "
                         f"{len(report.units)} units ({unit})")
    command.stdout.write(f"{'code':<30} {'units':>6} {'agree':>6} {'cohen':>6} {'fleiss':>6} {'alpha':>6}")
    for row in [*report.rows, {"code": "overall", **report.overall}] if report.overall else []:
        command.stdout.write(f"{str(row['code'])[:30]:<30} {row['units']:>6} {fmt(row['percent']):>6} "
                             f"{fmt(row['cohen']):>6} {fmt(row['fleiss']):>6} {fmt(row['alpha']):>6}")


@verb("quotes", "export the quotations of a code (Markdown or DOCX)",
      arg("code", help="code name (or path a / b)"), output("FILE.md or FILE.docx"))
def quotes(command, code, output, **_):
    from citydip.qda.quotes import quote_bank, quotes_docx, quotes_markdown

    chosen = find_code(code)
    quotes = quote_bank(chosen)
    if output.lower().endswith(".docx"):
        Path(output).write_bytes(quotes_docx(chosen, quotes))
    else:
        Path(output).write_text(quotes_markdown(chosen, quotes), encoding="utf-8")
    record(None, "qda.export", chosen, format=Path(output).suffix, quotes=len(quotes))
    command.stdout.write(f"{len(quotes)} quotations of {chosen.path()} written to {output}")


class Command(CitydipCommand):
    help = "Interviews and qualitative coding: documents, codebook, REFI-QDA projects, reliability, quotations."
    verbs = (import_document, import_survey, interviews, withdraw, import_codebook, export_codebook, export_, import_, reliability, quotes)
