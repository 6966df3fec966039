"""The book's case-study part: a chapter per case with a chapter status, the cross-case comparison, and the
EU officials' interviews (stage three). Cities that asked not to be named get no chapter of their own."""
from __future__ import annotations

MAX_COLUMNS = 9  # survey and code columns that fit a book page; the CSV/XLSX of /cases/compare/ has them all


def confidential_cities():
    from citydip.survey.models import Response

    return set(Response.objects.filter(confidential=True).values_list("city_id", flat=True))


def case_chapters(work):
    """``(chapters, left_out)``: [{"anchor", "title", "html"}] of the cases accepted, in fieldwork or written, with
    their maps under ``work/cases/<city id>/``, and how many were left out because the city asked not to be named."""
    from citydip.analysis.models import CaseStudy
    from citydip.cases.chapter import chapter_context, render_body

    hidden = confidential_cities()
    cases = (CaseStudy.objects.filter(status__in=CaseStudy.CHAPTER_STATUSES).select_related("city")
             .order_by("city__country_id", "city__name"))
    chapters, left_out = [], 0
    for case in cases:
        if case.city_id in hidden:
            left_out += 1
            continue
        folder = f"cases/{case.city.city_id}"
        context = chapter_context(case, work / folder, prefix=f"{folder}/")
        chapters.append({"anchor": f"case-{case.pk}", "title": context["heading"], "html": render_body(context)})
    return chapters, left_out


def cross_case(data=None):
    """The comparison's matrix for the book: counts only (quotations live in the case chapters), confidential
    cities not named. ``data``: the analysis Dataset the report already read."""
    from citydip.cases import comparison

    matrix = comparison.build(data=data)
    hidden = confidential_cities()
    codes = [comparison.code_column(c) for c in matrix.codes]
    survey = [c for c in ("coop_status", "bri", "n_partners", "inst_staff") if c in matrix.survey]
    columns = ["city", "country", *survey, *codes][:2 + MAX_COLUMNS]
    rows = []
    for case, row in zip(matrix.cases, matrix.rows):
        shown = dict(row, city="a city (not named)" if case.city_id in hidden else row["city"])
        rows.append([shown[c] for c in columns])
    return {"columns": [c.replace("code: ", "") for c in columns], "rows": rows, "cases": len(rows)}


def eu_officials():
    from citydip.qda.officials import eu_view

    return eu_view()
