"""Pages of the frame: the city list with filters and counts, a city's page, the frame versions.

Every page is for the four roles (admin, researcher, fieldworker, coder); the frame holds no personal
data, so anyone with a role may read it.
"""
from collections import defaultdict

from django.core.paginator import Paginator
from django.db.models import Count
from django.shortcuts import get_object_or_404, render

from citydip.core.roles import ROLES, role_required
from citydip.frame.forms import CityFilterForm, size_choices
from citydip.frame.models import City, FrameVersion
from citydip.frame.sections import collect_city_sections

PAGE_SIZE = 50
SORTABLE = (("name", "City"), ("country", "Country"), ("population", "Population"), ("year", "Year"))


@role_required(*ROLES)
def city_list(request):
    form = CityFilterForm(request.GET)
    cities = form.filter(City.objects.select_related("country"))
    page = Paginator(cities, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "frame/city_list.html", {
        "form": form, "page": page, "total": page.paginator.count,
        "sort_links": sort_links(request, form.value("sort", "-population")),
        "page_query": query_without(request, "page"),
        "counts": count_table(cities), "version": FrameVersion.current(),
    })


def query_without(request, *names):
    params = request.GET.copy()
    for name in names:
        params.pop(name, None)
    return params.urlencode()


def sort_links(request, current):
    """One header link per sortable column: ascending first, descending when already ascending."""
    links = []
    for key, label in SORTABLE:
        params = request.GET.copy()
        params.pop("page", None)
        params["sort"] = f"-{key}" if current == key else key
        state = "ascending" if current == key else "descending" if current == f"-{key}" else "none"
        links.append({"key": key, "label": label, "url": "?" + params.urlencode(), "state": state})
    return links


def count_table(cities):
    """Cities per country and size class, for the filtered list: rows, column labels, totals."""
    cells = defaultdict(dict)
    names = {}
    for row in cities.order_by().values("country_id", "country__name", "size_class").annotate(n=Count("id")):
        cells[row["country_id"]][row["size_class"]] = row["n"]
        names[row["country_id"]] = row["country__name"]
    used = {size for sizes in cells.values() for size in sizes}
    columns = [label for label, _ in size_choices()[1:] if label in used]
    columns += sorted(used - set(columns))
    rows = [{"iso2": iso2, "name": names[iso2], "cells": [cells[iso2].get(c, 0) for c in columns],
             "total": sum(cells[iso2].values())} for iso2 in sorted(cells, key=lambda k: names[k])]
    totals = [sum(row["cells"][i] for row in rows) for i in range(len(columns))]
    return {"columns": [c or "unknown" for c in columns], "rows": rows, "totals": totals,
            "total": sum(totals)}


@role_required(*ROLES)
def city_detail(request, pk):
    city = get_object_or_404(City.objects.select_related("country", "frame_version"), pk=pk)
    return render(request, "frame/city_detail.html", {
        "city": city, "sections": collect_city_sections(request, city),
        "versions": city.frame_versions.order_by("-created", "-pk")[:10],
    })


@role_required(*ROLES)
def version_list(request):
    versions = FrameVersion.objects.annotate(size=Count("cities")).order_by("-created", "-pk")
    return render(request, "frame/versions.html", {"versions": versions})
