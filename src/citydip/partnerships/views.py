"""Partnership pages: the register with filters, the review queue, and a decision on a queued row."""
from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from citydip.core.roles import CODER, FIELDWORKER, RESEARCHER, has_role, role_required
from citydip.frame.models import City
from citydip.gazetteer.models import Place
from citydip.partnerships import review
from citydip.partnerships.models import Evidence, ImportedRow, ImportRun, Kind, Partnership, ReviewDecision, Status

READERS = (RESEARCHER, FIELDWORKER, CODER)
FILTERS = ("country", "kind", "status", "source", "q")


@role_required(*READERS)
def index(request):
    chosen = {name: request.GET.get(name, "").strip() for name in FILTERS}
    partnerships = filtered(chosen)
    page = Paginator(partnerships, 50).get_page(request.GET.get("page"))
    outcomes = dict(ImportedRow.objects.values_list("outcome").annotate(n=Count("id")))
    return render(request, "partnerships/index.html", {
        "page": page, "chosen": chosen, "kinds": Kind.choices, "statuses": Status.choices,
        "sources": Evidence.Source.choices, "total": partnerships.count(),
        "countries": Partnership.objects.values_list("city__country_id", flat=True).distinct().order_by("city__country_id"),
        "outcomes": {o: outcomes.get(o.value, 0) for o in ImportedRow.Outcome}, "runs": ImportRun.objects.all()[:5],
        "flagged": ImportedRow.objects.filter(outcome=ImportedRow.Outcome.NOT_CITY).order_by("eu_country", "eu_name"),
        "can_review": has_role(request.user, RESEARCHER)})


def filtered(chosen):
    partnerships = (Partnership.objects.select_related("city", "place", "place__province")
                    .prefetch_related("evidence").order_by("city__country_id", "city__name", "place__name"))
    if chosen["country"]:
        partnerships = partnerships.filter(city__country_id=chosen["country"].upper())
    if chosen["kind"]:
        partnerships = partnerships.filter(kind=chosen["kind"])
    if chosen["status"]:
        partnerships = partnerships.filter(status=chosen["status"])
    if chosen["source"]:
        partnerships = partnerships.filter(evidence__source=chosen["source"]).distinct()
    if chosen["q"]:
        q = chosen["q"]
        partnerships = partnerships.filter(Q(city__name__icontains=q) | Q(place__name__icontains=q)
                                           | Q(place__name_zh__icontains=q))
    return partnerships


@role_required(RESEARCHER)
def review_queue(request):
    rows = list(review.queue().order_by("eu_country", "eu_name"))
    for row in rows:
        row.certain_city, row.certain_place = review.certain_sides(row)
    return render(request, "partnerships/review.html", {"rows": rows, "decisions": review.recent_decisions()})


@require_POST
@role_required(RESEARCHER)
def review_decide(request, pk):
    """First the choice, then a page that asks for confirmation; only the confirmed decision is recorded."""
    row = get_object_or_404(ImportedRow, pk=pk, outcome=ImportedRow.Outcome.REVIEW)
    note = request.POST.get("note", "")
    confirmed = request.POST.get("confirm") == "yes"
    if request.POST.get("action") == "reject":
        if not confirmed:
            return render(request, "partnerships/review_confirm.html", {"row": row, "reject": True, "note": note})
        review.decide(row, request.user, reject=True, note=note)
        messages.success(request, _("Rejected: %(pair)s. You can undo it below.") % {"pair": f"{row.eu_name} – {row.cn_name}"})
        return redirect("partnerships:review")
    city = City.objects.filter(pk=request.POST.get("city") or None).first()
    place_id = (request.POST.get("place_id") or request.POST.get("place") or "").strip()
    place = Place.objects.filter(place_id=place_id).first()
    if city is None or place is None:
        messages.error(request, _("Pick both the EU city and the Chinese place (a place id such as 1796236 or CN-SC), "
                                  "or reject the row."))
        return redirect("partnerships:review")
    if not confirmed:
        return render(request, "partnerships/review_confirm.html", {"row": row, "city": city, "place": place,
                                                                    "note": note})
    review.decide(row, request.user, city=city, place=place, note=note)
    messages.success(request, _("Recorded: %(pair)s. You can undo it below.") % {"pair": f"{city.name} – {place.name}"})
    return redirect("partnerships:review")


@require_POST
@role_required(RESEARCHER)
def review_undo(request, pk):
    decision = get_object_or_404(ReviewDecision, pk=pk)
    back = review.undo(decision, request.user)
    messages.success(request, _("Decision undone: %(n)d rows wait for review again.") % {"n": back})
    return redirect("partnerships:review")
