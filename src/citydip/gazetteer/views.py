"""Gazetteer pages: search places, a place's page (with its EU partners), and the type-ahead JSON."""
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, render

from citydip.core.roles import CODER, FIELDWORKER, RESEARCHER, role_required
from citydip.gazetteer.match import match_name, suggest
from citydip.gazetteer.models import GazetteerBuild, Place

READERS = (RESEARCHER, FIELDWORKER, CODER)


@role_required(*READERS)
def index(request):
    q = request.GET.get("q", "").strip()
    places = Place.objects.select_related("province").order_by("-population")
    level = request.GET.get("level", "")
    if level:
        places = places.filter(level=level)
    result = match_name(q) if q else None
    if q:
        places = places.filter(Q(name__icontains=q) | Q(name_zh__icontains=q) | Q(names__name__icontains=q)).distinct()
    page = Paginator(places, 50).get_page(request.GET.get("page"))
    return render(request, "gazetteer/index.html", {
        "q": q, "level": level, "levels": Place.Level.choices, "page": page, "result": result,
        "build": GazetteerBuild.objects.first(), "total": Place.objects.count()})


@role_required(*READERS)
def place_detail(request, place_id):
    place = get_object_or_404(Place.objects.select_related("province", "parent"), place_id=place_id)
    names = place.names.order_by("kind", "name")
    partnerships = place.partnerships.select_related("city", "city__country").prefetch_related("evidence")
    return render(request, "gazetteer/place_detail.html", {
        "place": place, "names": names, "partnerships": partnerships,
        "children": place.children.order_by("-population")[:50]})


@role_required(*READERS)
def suggest_json(request):
    """Type-ahead for every role (not for a logged-in user without one): ``/gazetteer/suggest?q=...`` → {"results": [...]}."""
    q = request.GET.get("q", "")[:100]
    try:
        limit = max(1, min(int(request.GET.get("limit", 8)), 20))
    except ValueError:
        limit = 8
    return JsonResponse({"results": suggest(q, limit=limit) if q.strip() else []})
