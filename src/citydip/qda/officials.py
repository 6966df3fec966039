"""Stage three of the research design: interviews with EU officials (European Commission, EEAS).

They belong to an institution (DG or EEAS directorate, unit or division), not to a city, and follow the
same consent and pseudonym rules as every interview: a withdrawn interview gives nothing, quotations are
verbatim only where consented (:mod:`citydip.qda.quotes`).
"""
from citydip.qda.models import Document, Interview
from citydip.qda.quotes import themes_of


def eu_interviews():
    return (Interview.objects.filter(institution_type__in=Interview.EU_INSTITUTIONS)
            .order_by("institution_type", "directorate", "unit", "pseudonym"))


def by_institution(interviews):
    """``[(institution label, [interviews])]`` in a stable order."""
    groups = {}
    for interview in interviews:
        label = f"{interview.get_institution_type_display()}: {interview.institution_label()}"
        groups.setdefault(label, []).append(interview)
    return sorted(groups.items())


def eu_documents():
    return list(Document.objects.usable().filter(interview__institution_type__in=Interview.EU_INSTITUTIONS)
                .select_related("interview"))


def eu_view():
    """What the officials' page and the report's section show."""
    interviews = list(eu_interviews())
    return {"groups": by_institution(interviews), "themes": themes_of(eu_documents()),
            "usable": sum(not i.is_withdrawn for i in interviews), "withdrawn": sum(i.is_withdrawn for i in interviews)}
