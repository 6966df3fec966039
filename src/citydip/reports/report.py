"""`citydip report build`: report.html and report.pdf, organised by the research questions.

Steps: run the analysis into ``tables/`` and ``figures/`` (analysis_run.py), add a PDF of every
figure (figure_pdf.py, in a second process while the rest goes on), draw the publication maps into
``maps/`` (the mapping app), gather the methods facts, case selection, interview themes and the
questionnaire (sections.py, methods.py, questionnaire.py), render one HTML page and print it with
WeasyPrint, in parts side by side (pdf_parts.py). Everything is written into a temporary folder and
moved into place at the end; PROVENANCE.json lists every file with its SHA-256.
"""
from __future__ import annotations

from pathlib import Path

from django.template import Context, Engine

from citydip.analysis.provenance import checksum as analysis_checksum
from citydip.analysis.publish import partner_text
from citydip.core.partner import partner_country_name
from citydip.core.progress import progress_bar
from citydip.core.provenance import database_checksum, record_build, stamp, stamp_line, write_sidecar
from citydip.reports import methods, sections
from citydip.reports.analysis_run import run_analysis
from citydip.reports.case_chapters import case_chapters as chapters_of_cases
from citydip.reports.case_chapters import cross_case, eu_officials
from citydip.reports.figure_pdf import figure_pdfs_alongside
from citydip.reports.pdf_parts import write as write_pdf
from citydip.reports.questionnaire import questionnaire
from citydip.survey.exports.run import write_into

HERE = Path(__file__).resolve().parent
ENGINE = Engine(dirs=[str(HERE / "templates" / "reports")], autoescape=True)
STEPS = ("analysis", "figure PDFs", "maps", "sections", "HTML", "PDF")


def gather(work, index, data, advance):
    """The report's context, after writing the maps (the analysis is in ``work`` already)."""
    from citydip.survey.models import Wave

    maps = sections.maps_section(work)
    advance()
    wave = Wave.current()
    case_chapters, cases_left_out = chapters_of_cases(work)
    return {"case_chapters": case_chapters, "cases_left_out": cases_left_out, "cross_case": cross_case(data),
            "eu": eu_officials(), "index": index, "chapters": sections.analysis_chapters(work, index), "maps": maps,
            "facts": methods.facts(wave), "cases": sections.case_section(), "themes": sections.quotes_section(),
            "questionnaire": questionnaire(wave) if wave else None, "skipped": index["skipped"],
            "research_questions": [(a, t, partner_text(i), p) for a, t, i, p in sections.CHAPTERS],
            "partner_country_name": partner_country_name("en")}


def render(work, context):
    css = (HERE / "templates" / "reports" / "report.css").read_text(encoding="utf-8")
    html = ENGINE.get_template("report.html").render(Context({**context, "css": css}))
    (work / "report.html").write_text(html, encoding="utf-8")
    return work / "report.html"


def build(output, quiet=False):
    """Write the report and its tables, figures and maps into ``output``; returns the paths."""
    stamps = {}

    def write(work):
        with progress_bar("building the report", len(STEPS), quiet=quiet) as advance:
            index, data = run_analysis(work)
            record = stamp(database_checksum({"analysis": analysis_checksum(data)}),
                           built_from="the whole database (report)")
            stamps["record"] = record
            advance()
            svgs = [f for e in index["outputs"] if e["kind"] == "figure" for f in e["files"] if f.endswith(".svg")]
            with figure_pdfs_alongside(work, svgs, subject=stamp_line(record)):
                advance()
                context = gather(work, index, data, advance)
                context.update({"provenance": record, "provenance_line": stamp_line(record)})
                advance()
                html = render(work, context)
                advance()
                write_pdf(html.read_text(encoding="utf-8"), str(work), work / "report.pdf")
            advance()
        files = [p for p in work.rglob("*") if p.is_file()]
        return files + [write_sidecar(work, record, files)]

    paths = write_into(output, write)
    record_build("report", output, stamps["record"], paths)
    return paths
