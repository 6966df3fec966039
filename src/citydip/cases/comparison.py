"""Cross-case comparison: cases × codes (coded passages and consented quotations) × survey variables × covariates.

One row per case study. Survey columns come from the analysis dataset (the current wave's answers coded
for analysis, docs/analysis.md "Variables"), covariates are the latest imported values, and each code
column counts the distinct coded passages (a stretch coded by two coders counts once) of that code and
its sub-codes in the case's usable documents: an interview whose consent was withdrawn adds nothing.
"""
import csv
import io
from dataclasses import dataclass, field

import numpy as np

from citydip.analysis.models import CaseStudy
from citydip.cases.workspace import case_documents
from citydip.qda.models import Code, Segment
from citydip.qda.quotes import code_and_descendants, quotes_from

FIXED = ("city_id", "city", "country", "status")
SURVEY_VARIABLES = ("coop_status", "current", "initiator", "importance", "bri", "change_2020", "n_partners",
                    "any_active_partner", "inst_agreement", "inst_office_china", "inst_staff", "inst_budget",
                    "inst_chinese_office", "inst_networks", "coord_national", "coord_region", "coord_eu",
                    "coord_embassy", "goals", "benefits", "obstacles", "areas")


@dataclass
class Comparison:
    cases: list
    survey: list  # survey variable names shown
    covariates: list  # covariate columns shown
    codes: list  # Code objects (top level unless chosen)
    rows: list = field(default_factory=list)  # one dict per case: FIXED + survey + covariates + code paths
    quotes: dict = field(default_factory=dict)  # (case pk, code pk) -> [Quote] (verbatim allowed only)

    @property
    def columns(self):
        return [*FIXED, *self.survey, *self.covariates, *[code_column(c) for c in self.codes]]


def code_column(code):
    return f"code: {code.path()}"


def plain(value):
    """A cell value: lists joined with '; ', NaN and None as empty, whole floats as ints."""
    if value is None:
        return ""
    if isinstance(value, (list, tuple, np.ndarray)):
        return "; ".join(str(v) for v in value)
    if isinstance(value, float):
        if np.isnan(value):
            return ""
        return int(value) if value.is_integer() else round(value, 4)
    return value


def filtered_cases(statuses=None, countries=None, size_classes=None):
    cases = CaseStudy.objects.select_related("city", "city__country").order_by("city__country_id", "city__name")
    if statuses:
        cases = cases.filter(status__in=statuses)
    else:
        cases = cases.exclude(status=CaseStudy.Status.DROPPED)
    if countries:
        cases = cases.filter(city__country_id__in=countries)
    if size_classes:
        cases = cases.filter(city__size_class__in=size_classes)
    return list(cases)


def passages(documents, code):
    """Distinct coded stretches of ``code`` (and its sub-codes) in ``documents``."""
    return (Segment.objects.usable().filter(document__in=documents, code__in=code_and_descendants(code))
            .values("document_id", "start", "end").distinct().count())


def build(statuses=None, countries=None, size_classes=None, survey=None, covariates=None, codes=None, data=None):
    """The comparison for the cases passing the filters; ``data`` (an analysis Dataset) saves a re-read."""
    from citydip.analysis import dataset

    cases = filtered_cases(statuses, countries, size_classes)
    data = data if data is not None else dataset.load()
    frame = data.cities.set_index("city_pk")
    survey = [v for v in (survey or SURVEY_VARIABLES) if v in frame.columns]
    covariates = [c for c in (covariates or sorted(data.covariates)) if c in frame.columns]
    codes = list(codes) if codes else list(Code.objects.filter(parent=None).order_by("position", "name"))
    result = Comparison(cases, survey, covariates, codes)
    for case in cases:
        row = {"city_id": case.city.city_id, "city": case.city.name, "country": case.city.country_id,
               "status": case.status}
        known = case.city_id in frame.index
        for name in [*survey, *covariates]:
            row[name] = plain(frame.at[case.city_id, name]) if known else ""
        documents = list(case_documents(case))
        for code in codes:
            row[code_column(code)] = passages(documents, code)
            quotes = quotes_from(Segment.objects.filter(document__in=documents, code__in=code_and_descendants(code)))
            result.quotes[(case.pk, code.pk)] = [q for q in quotes if q.allowed]
        result.rows.append(row)
    return result


def quote_rows(comparison):
    """(city_id, code, quotation, attribution) of every consented quotation in the comparison."""
    by_pk = {c.pk: c for c in comparison.cases}
    codes = {c.pk: c for c in comparison.codes}
    for (case_pk, code_pk), quotes in comparison.quotes.items():
        for quote in quotes:
            yield by_pk[case_pk].city.city_id, codes[code_pk].path(), quote.text, quote.attribution


def to_csv(comparison):
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(comparison.columns)
    for row in comparison.rows:
        writer.writerow([row[c] for c in comparison.columns])
    return buffer.getvalue()


def to_xlsx(comparison):
    """Bytes of a workbook: the matrix, the consented quotations, and a sheet that says what the columns are."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "cases"
    sheet.append(comparison.columns)
    for row in comparison.rows:
        sheet.append([row[c] for c in comparison.columns])
    quotes = book.create_sheet("quotes")
    quotes.append(["city_id", "code", "quotation", "attribution"])
    for row in quote_rows(comparison):
        quotes.append(list(row))
    about = book.create_sheet("about")
    for line in ABOUT:
        about.append([line])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


ABOUT = (
    "One row per case study (dropped cases left out unless chosen by status).",
    "Survey columns: the current wave's answers coded for analysis (docs/analysis.md, Variables).",
    "Covariates: the latest imported value of each variable (country-level ones prefixed country_).",
    "code: columns count distinct coded passages of the code and its sub-codes in the case's documents.",
    "Interviews whose consent was withdrawn are left out; quotations are those consented to verbatim.",
)
