"""`citydip report build`: report.html and report.pdf, organised by the research questions.

Steps: run the analysis into ``tables/`` and ``figures/`` (analysis_run.py), add a PDF of every
figure (figure_pdf.py), draw the publication maps into ``maps/`` (the mapping app), gather the
methods facts, case selection, interview themes and the questionnaire (sections.py, methods.py,
questionnaire.py), render one HTML page and print it with WeasyPrint. Everything is written into a
temporary folder and moved into place at the end; PROVENANCE.json lists every file with its SHA-256.
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
from citydip.reports.figure_pdf import figure_pdfs
from citydip.reports.pdf import render as render_pdf
from citydip.reports.questionnaire import questionnaire
from citydip.survey.exports.run import write_into

HERE = Path(__file__).resolve().parent
ENGINE = Engine(dirs=[str(HERE / "templates" / "reports")], autoescape=True)
STEPS = ("analysis", "figure PDFs", "maps", "sections", "HTML", "PDF")


def gather(work, advance):
    """The report's context and its provenance record, after writing the analysis, figure PDFs and maps."""
    from citydip.survey.models import Wave

    index, data = run_analysis(work)
    record = stamp(database_checksum({"analysis": analysis_checksum(data)}), built_from="the whole database (report)")
    advance()
    svgs = [f for e in index["outputs"] if e["kind"] == "figure" for f in e["files"] if f.endswith(".svg")]
    figure_pdfs(work, svgs, subject=stamp_line(record))
    advance()
    maps = sections.maps_section(work)
    advance()
    wave = Wave.current()
    case_chapters, cases_left_out = chapters_of_cases(work)
    context = {"case_chapters": case_chapters, "cases_left_out": cases_left_out, "cross_case": cross_case(),
               "eu": eu_officials(),"index": index, "chapters": sections.analysis_chapters(work, index), "maps": maps,
               "facts": methods.facts(wave), "cases": sections.case_section(), "themes": sections.quotes_section(),
               "questionnaire": questionnaire(wave) if wave else None, "skipped": index["skipped"],
               "research_questions": [(a, t, partner_text(i), p) for a, t, i, p in sections.CHAPTERS],
               "partner_country_name": partner_country_name("en"),
               "provenance": record, "provenance_line": stamp_line(record)}
    advance()
    return context, record


def render(work, context):
    css = (HERE / "templates" / "reports" / "report.css").read_text(encoding="utf-8")
    html = ENGINE.get_template("report.html").render(Context({**context, "css": css}))
    (work / "report.html").write_text(html, encoding="utf-8")
    return work / "report.html"


def build(output, quiet=False):
    """Write the report and its tables, figures and maps into ``output``; returns the paths."""
    from weasyprint import HTML

    stamps = {}

    def write(work):
        with progress_bar("building the report", len(STEPS), quiet=quiet) as advance:
            context, record = gather(work, advance)
            stamps["record"] = record
            html = render(work, context)
            advance()
            render_pdf(HTML(filename=str(html), base_url=str(work))).write_pdf(work / "report.pdf")
            advance()
        files = [p for p in work.rglob("*") if p.is_file()]
        return files + [write_sidecar(work, record, files)]

    paths = write_into(output, write)
    record_build("report", output, stamps["record"], paths)
    return paths
