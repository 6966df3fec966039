"""A case study's chapter (`citydip cases report CASE --output DIR`, the case page's button, the book).

``DIR/chapter.html`` and ``DIR/chapter.pdf`` (WeasyPrint), the map as ``DIR/figures/map.png`` and
``.svg``, and ``DIR/PROVENANCE.json`` (what it was built from, each file's SHA-256). The chapter holds
the profile and why the city was chosen, the timeline, the partnerships table and map, the survey
answers across waves, the themes with consented quotations only (see :mod:`citydip.qda.quotes`), the
sources cited from the documents' metadata and a provenance line.
"""
import hashlib
import json
import shutil
import tempfile
from pathlib import Path

from django.template import Context, Engine

from citydip.cases.figures import write_case_map
from citydip.cases.workspace import workspace
from citydip.core.provenance import record_build, stamp, stamp_line, write_sidecar

HERE = Path(__file__).resolve().parent / "templates" / "cases" / "chapter"
ENGINE = Engine(dirs=[str(HERE)], autoescape=True)


def case_checksum(context):
    """SHA-256 of what the chapter shows: the case, its city, answers, ties, documents, codings and events."""
    digest = hashlib.sha256()
    case, city = context["case"], context["city"]
    parts = [("case", case.pk, case.status, case.status_reason, json.dumps(case.rationale, sort_keys=True)),
             ("city", city.city_id, city.name, city.population)]
    parts += [("answers", r.wave_id, json.dumps(r.answers, sort_keys=True, default=str))
              for r in context["answers"].get("responses", [])]
    parts += [("tie", p["tie"].pk, p["tie"].kind, p["tie"].status, p["tie"].year_signed) for p in context["partnerships"]]
    parts += [("document", str(d.guid), hashlib.sha256(d.text.encode()).hexdigest(), d.citation())
              for d in context["documents"]]
    parts += [("theme", t.code.pk, t.segments, [q.text for q in t.quotes]) for t in context["themes"]]
    parts += [("event", e.shown_date, e.kind, e.title, e.source) for e in context["timeline"]]
    for part in parts:
        digest.update(json.dumps(part, default=str, ensure_ascii=False).encode("utf-8") + b"\n")
    return digest.hexdigest()


def provenance(context):
    """The stamp every citydip output carries (core/provenance.py), over the data this chapter shows."""
    case = context["case"]
    return stamp(case_checksum(context), built_from=f"case study {case.pk} ({context['city'].city_id})")


def is_synthetic(context):
    return bool(context["answers"].get("synthetic") or any(d.synthetic for d in context["documents"])
                or any(e.synthetic for e in context["timeline"]) or any(i.synthetic for i in context["interviews"]))


def chapter_context(case, folder, prefix=""):
    """The chapter's template context; writes the map into ``folder/figures``."""
    context = workspace(case)
    write_case_map(context["city"], [p["tie"] for p in context["partnerships"]], Path(folder) / "figures" / "map")
    record = provenance(context)
    # A chapter is for publication: closed answers only (free text may name people), see docs/case-studies.md.
    context["answers"] = {**context["answers"], "rows": [r for r in context["answers"]["rows"] if r["closed"]]}
    population = f"{context['city'].population:,}".replace(",", " ") if context["city"].population else ""
    context.update({
        "heading": f"Case study: {context['city'].name}", "population": population,
        "map_png": f"{prefix}figures/map.png", "sources": context["case_documents"],
        "interviews": [i for i in context["interviews"] if not i.is_withdrawn],
        "synthetic": is_synthetic(context), "provenance": record,
        "provenance_line": f"{stamp_line(record)} ({record['built_from']})."})
    return context


def render_body(context):
    return ENGINE.get_template("body.html").render(Context(context))


def build(case, output, advance=lambda: None):
    """Write the chapter of ``case`` into ``output`` (its files replace those of a previous build, nothing else
    in the folder is touched); returns the paths."""
    from weasyprint import HTML

    output = Path(output)
    output.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=output.parent) as folder:
        work = Path(folder) / "chapter"
        work.mkdir()
        context = chapter_context(case, work)
        advance()
        body = render_body(context)
        css = (HERE / "chapter.css").read_text(encoding="utf-8")
        html = ENGINE.get_template("chapter.html").render(Context({"heading": context["heading"], "css": css,
                                                                   "body": body}, autoescape=False))
        (work / "chapter.html").write_text(html, encoding="utf-8")
        advance()
        HTML(filename=str(work / "chapter.html"), base_url=str(work)).write_pdf(work / "chapter.pdf")
        advance()
        write_sidecar(work, context["provenance"], sorted(p for p in work.rglob("*") if p.is_file()))
        written = []
        for path in sorted(p for p in work.rglob("*") if p.is_file()):
            target = output / path.relative_to(work)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.move(str(path), str(target))
            written.append(target)
    record_build("case chapter", output, context["provenance"], written)
    return written

