"""The case-study pages: the list, a case's workspace, and the forms that add to it."""
from django.contrib import messages
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from citydip.analysis.models import CaseStudy
from citydip.cases.forms import EventForm, StatusForm, VisitForm
from citydip.cases.models import CaseEvent
from citydip.cases.workspace import workspace
from citydip.core.audit import record
from citydip.core.roles import RESEARCHER, role_required


@role_required(RESEARCHER)
def case_list(request):
    cases = CaseStudy.objects.select_related("city", "city__country").order_by("status", "city__name")
    return render(request, "cases/list.html", {"cases": cases})


def chapter_jobs(case, limit=5):
    """The latest chapter jobs of this case (their pages hold the files)."""
    from citydip.cases.tasks import case_chapter
    from citydip.core.jobs.models import Job

    return list(Job.objects.filter(task_name=case_chapter.module_path, params__case_id=case.pk)[:limit])


def render_case(request, case, status=200, **forms):
    context = workspace(case)
    context["chapter_jobs"] = chapter_jobs(case)
    context.update({"status_form": StatusForm(initial={"status": case.status}), "event_form": EventForm(),
                    "visit_form": VisitForm()})
    context.update(forms)
    return render(request, "cases/case.html", context, status=status)


@role_required(RESEARCHER)
def case_detail(request, pk):
    case = get_object_or_404(CaseStudy, pk=pk)
    record(request.user, "cases.view", case)
    return render_case(request, case)


@require_POST
@role_required(RESEARCHER)
def case_status(request, pk):
    case = get_object_or_404(CaseStudy, pk=pk)
    form = StatusForm(request.POST)
    if not form.is_valid():
        return render_case(request, case, status=400, status_form=form)
    old, new, reason = case.status, form.cleaned_data["status"], form.cleaned_data["reason"]
    with transaction.atomic():
        case.status, case.status_reason = new, reason
        case.save(update_fields=["status", "status_reason", "updated"])
        CaseEvent.objects.create(case=case, date=timezone.localdate(), kind=CaseEvent.Kind.STATUS,
                                 title=f"status: {CaseStudy.Status(old).label} → {CaseStudy.Status(new).label}",
                                 description=reason, source=f"recorded by {request.user.username}",
                                 added_by=request.user)
        record(request.user, "cases.status", case, old=old, new=new, reason=reason)
    messages.success(request, _("Status saved."))
    return redirect("cases:case", pk=pk)


@require_POST
@role_required(RESEARCHER)
def event_add(request, pk):
    case = get_object_or_404(CaseStudy, pk=pk)
    form = EventForm(request.POST)
    if not form.is_valid():
        return render_case(request, case, status=400, event_form=form)
    event = form.save(commit=False)
    event.case, event.added_by = case, request.user
    event.save()
    record(request.user, "cases.event", event, case=case.pk, title=event.title)
    messages.success(request, _("Event added to the timeline."))
    return redirect("cases:case", pk=pk)


@require_POST
@role_required(RESEARCHER)
def visit_add(request, pk):
    case = get_object_or_404(CaseStudy, pk=pk)
    form = VisitForm(request.POST)
    if not form.is_valid():
        return render_case(request, case, status=400, visit_form=form)
    visit = form.save(commit=False)
    visit.case, visit.researcher = case, request.user
    visit.save()
    record(request.user, "cases.visit", visit, case=case.pk)
    messages.success(request, _("Field visit recorded."))
    return redirect("cases:case", pk=pk)


def comparison_filters(request):
    """The comparison's filters from the query string (status, country, size class)."""
    return {"statuses": request.GET.getlist("status"), "countries": request.GET.getlist("country"),
            "size_classes": request.GET.getlist("size_class")}


@role_required(RESEARCHER)
def compare(request):
    from citydip.cases import comparison

    filters = comparison_filters(request)
    matrix = comparison.build(**filters)
    fmt = request.GET.get("format")
    if fmt in ("csv", "xlsx"):
        record(request.user, "cases.export", None, format=fmt, cases=[c.pk for c in matrix.cases])
        if fmt == "csv":
            response = HttpResponse(comparison.to_csv(matrix), content_type="text/csv; charset=utf-8")
        else:
            response = HttpResponse(comparison.to_xlsx(matrix), content_type=XLSX)
        response["Content-Disposition"] = f'attachment; filename="cross-case.{fmt}"'
        return response
    countries = sorted(set(CaseStudy.objects.values_list("city__country_id", flat=True)))
    sizes = sorted(set(CaseStudy.objects.exclude(city__size_class="").values_list("city__size_class", flat=True)))
    quotes = [{"case": case, "code": code, "quotes": matrix.quotes.get((case.pk, code.pk), [])}
              for case in matrix.cases for code in matrix.codes if matrix.quotes.get((case.pk, code.pk))]
    return render(request, "cases/compare.html", {
        "matrix": matrix, "table": [[row[c] for c in matrix.columns] for row in matrix.rows], "quotes": quotes,
        "filters": filters, "statuses": CaseStudy.Status.choices, "countries": countries, "sizes": sizes,
        "query": request.GET.urlencode()})


EXAMPLE_CONDITIONS = """ECON: code.motives >= 1
STAFF: survey.inst_staff = 1
BRI: survey.bri in yes
outcome ACTIVE: survey.any_active_partner = 1"""


@role_required(RESEARCHER)
def qca(request):
    from citydip.cases import crisp
    from citydip.core.errors import CitydipError

    text = request.GET.get("conditions", "")
    table, error = None, None
    if text.strip():
        try:
            table = crisp.calibrate(crisp.parse(text), comparison_filters(request))
        except CitydipError as problem:
            error = problem
    if table is not None and request.GET.get("format") == "csv":
        record(request.user, "cases.export", None, format="qca-csv", conditions=text)
        response = HttpResponse(crisp.to_csv(table), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="crisp-set.csv"'
        return response
    return render(request, "cases/qca.html", {"text": text or EXAMPLE_CONDITIONS, "table": table, "error": error,
                                              "query": request.GET.urlencode(), "available": qca_names()},
                  status=400 if error else 200)


def qca_names():
    """What a condition may name: survey variables, code paths, covariates (as the comparison names them)."""
    from citydip.analysis.models import Covariate
    from citydip.cases.comparison import SURVEY_VARIABLES
    from citydip.qda.models import codes_in_tree_order

    covariates = sorted({v if level == "city" else f"country_{v}"
                         for level, v in Covariate.objects.values_list("level", "variable").distinct()})
    return {"survey": SURVEY_VARIABLES, "codes": [c.path() for c in codes_in_tree_order()], "covariates": covariates}


XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@require_POST
@role_required(RESEARCHER)
def chapter(request, pk):
    """Start the chapter job; its page shows the progress and then chapter.html, chapter.pdf and the map."""
    from citydip.cases.tasks import case_chapter
    from citydip.core.jobs import start_job

    case = get_object_or_404(CaseStudy.objects.select_related("city"), pk=pk)
    job = start_job(case_chapter, request.user, title=_("Chapter of %(city)s") % {"city": case.city.name},
                    case_id=case.pk)
    record(request.user, "cases.chapter", case, job=job.pk)
    return redirect("jobs:detail", pk=job.pk)
