"""The content of the report, gathered from each app: analysis outputs by research question, maps,
case selection, interview themes with consented quotations, and the questionnaire appendix."""
from __future__ import annotations

from pathlib import Path

import pandas as pd

MAX_ROWS = 25
# (anchor, title, introduction, name prefixes of analysis outputs)
CHAPTERS = [
    ("model", "Model of cooperation",
     "How many cities cooperate with cities in {partner}, in which forms, with whom, and in which fields.",
     ("prevalence", "partnerships", "ranking_areas", "typology", "network")),
    ("factors", "Decisive factors",
     "What goes with cooperating: city characteristics in models of cooperation, and what cities see as its "
     "importance, benefits and obstacles.",
     ("regression", "importance", "ranking_benefits", "ranking_obstacles", "item_coop_importance", "item_initiator",
      "item_key_person", "item_bri", "item_change_2020")),
    ("institutionalisation", "Institutionalisation",
     "How far cooperation is anchored in agreements, offices, staff, budgets and networks.",
     ("institutionalisation", "item_delegations_year", "item_staff_fte", "item_budget_band", "partners_")),
    ("coordination", "Coordination between city, national and EU levels",
     "Whether cities coordinate their policy towards {partner} with their national government, region, the EU and "
     "embassies.",
     ("coordination",)),
    ("goals", "Goals", "What cities want to achieve with their cooperation.", ("ranking_goals", "item_main_goal")),
    ("noncooperating", "Cities that do not cooperate",
     "Cities that cooperated with Chinese cities in the past, and those that never did: why not, their past "
     "contacts, their interest in future cooperation, their partners elsewhere in Asia.",
     ("noncoop_",)),
    ("ended", "Ties that ended", "When ties ended, who ended them, why, and whether a council decided it.",
     ("ended_",)),
    ("context", "Brokers and the national, European and cross-strait context",
     "Who brokered the ties; national security reviews and de-risking guidance; the 17+1 (14+1) format; EU "
     "programmes; ties with Taiwan, Hong Kong and Macau and pressure about them.",
     ("item_brokers", "item_security_review", "item_format_17_1", "item_eu_programmes", "item_thm_")),
]
METHODS_PREFIXES = ("weights", "coverage", "nonresponse", "composition", "item_consent", "item_publish_city_name",
                    "item_followup_consent", "item_respondent_position", "item_colleagues_consulted")


def chapter_of(name):
    for anchor, _, _, prefixes in CHAPTERS:
        if name.startswith(prefixes):
            return anchor
    return "methods" if name.startswith(METHODS_PREFIXES) else "further"


def table_html(directory, entry):
    """The table as HTML (first MAX_ROWS rows), numbers rounded; the CSV stays complete."""
    frame = pd.read_csv(Path(directory) / entry["files"][0])
    shown = frame.head(MAX_ROWS).rename(columns=lambda c: str(c).replace("_", " "))  # headers wrap at words
    for column in shown.columns:  # whole numbers in a column with gaps are read as decimals: years, counts
        values = shown[column]
        if values.dtype.kind == "f" and (values.dropna() % 1 == 0).all():
            shown[column] = values.map(lambda v: "" if pd.isna(v) else str(int(v)))
    html = shown.to_html(index=False, na_rep="", border=0, float_format=lambda v: f"{v:,.3f}".rstrip("0").rstrip("."),
                         classes=["data", "wide" if len(frame.columns) > 7 else "narrow"])
    return html, len(frame), len(shown)


def analysis_chapters(directory, index):
    """{anchor: [item]} where an item is a table (with its html) or a figure (with its files)."""
    chapters = {}
    for entry in index["outputs"]:
        item = dict(entry)
        if entry["kind"] == "table":
            item["html"], item["total_rows"], item["shown_rows"] = table_html(directory, entry)
        else:
            item["svg"] = next(f for f in entry["files"] if f.endswith(".svg"))
        chapters.setdefault(chapter_of(entry["name"]), []).append(item)
    return chapters


def maps_section(directory):
    """The publication maps built by the mapping app (book size), with captions: copied from the latest
    `citydip map build` when it is current for the data and code (mapping/reuse.py), else drawn."""
    from citydip.mapping.build import build, read_index

    build(Path(directory) / "maps", sizes=("book",), quiet=True, reuse=True)
    index = read_index(Path(directory) / "maps")
    return [{"caption": f["caption"], "png": "maps/" + next(x for x in f["files"] if x.endswith(".png")),
             "files": ["maps/" + x for x in f["files"]]} for f in index["figures"]]


def case_section():
    """Chosen case studies and the rule; a city that asked for confidentiality is not named."""
    from citydip.analysis.models import CaseStudy
    from citydip.survey.models import Response

    hidden = set(Response.objects.filter(confidential=True).values_list("city_id", flat=True))
    cases = (CaseStudy.objects.exclude(status=CaseStudy.Status.DROPPED)
             .select_related("city", "city__country").order_by("city__country_id", "city__name"))
    hidden_names = [c.city.name for c in cases if c.city_id in hidden]
    rows = []
    for c in cases:
        secret = c.city_id in hidden
        why = "" if secret else c.rationale.get("why", "")
        for name in hidden_names:  # the reason may name another chosen city that is confidential
            why = why.replace(name, "a city (not named)")
        rows.append({"city": "a city (not named)" if secret else c.city.name, "country": c.city.country.name,
                     "size_class": c.city.size_class, "population": None if secret else c.city.population,
                     "status": c.get_status_display(), "why": why})
    rule = next((c.rationale.get("rule") for c in cases if c.rationale.get("rule")), None)
    return {"rows": rows, "rule": rule}


def quotes_section(per_theme=3):
    """Top-level codes as themes, with quotations their interviewees consented to (qda quote bank)."""
    from citydip.qda.models import Code
    from citydip.qda.quotes import quote_bank

    themes = []
    for code in Code.objects.filter(parent=None).order_by("position", "name"):
        quotes = quote_bank(code)
        allowed = [q for q in quotes if q.allowed]
        themes.append({"name": code.name, "definition": code.definition, "segments": len(quotes),
                       "paraphrase_only": len(quotes) - len(allowed),
                       "quotes": [{"text": q.text, "attribution": q.attribution} for q in allowed[:per_theme]]})
    return [t for t in themes if t["segments"]]
