"""The interactive map page, its JSON endpoints, and the switch for the public (anonymised) map.

Roles: every role may open the map. Researchers and admins get the ``full`` data (confidential cities
flagged); fieldworkers and coders, and everyone on the public map, get the ``anonymised`` data (see
payload.py). The public page and its data answer 404 unless an admin or researcher switched it on.
JSON is gzip-compressed per response (``gzip_page``) because the settings carry no GZipMiddleware.
"""
import json
from functools import lru_cache
from pathlib import Path

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.gzip import gzip_page
from django.views.decorators.http import require_POST

from citydip.core import audit
from citydip.core.roles import ADMIN, RESEARCHER, ROLES, check_role, has_role
from citydip.mapping import payload
from citydip.mapping.models import MapSettings

OUTLINES = Path(__file__).resolve().parent / "outlines"
DATASETS = {"cities": payload.cities_payload, "links": payload.links_payload, "places": payload.places_payload}


def audience_for(user):
    return payload.FULL if has_role(user, RESEARCHER) else payload.ANONYMISED


@lru_cache(maxsize=1)
def outlines_json():
    """Both outline files in one JSON document, read once per process (they ship with the package)."""
    countries = json.loads((OUTLINES / "countries.geojson").read_text(encoding="utf-8"))
    provinces = json.loads((OUTLINES / "china_provinces.geojson").read_text(encoding="utf-8"))
    partner = settings.CITYDIP_PARTNER_COUNTRY
    return json.dumps({"countries": countries, "provinces": provinces if partner == "CN" else None,
                       "partner_country": partner}, ensure_ascii=False, separators=(",", ":"))


def map_config(request, public=False):
    """The data-* attributes of the map element: where the JS finds its data and settings."""
    prefix = "mapping:public-data" if public else "mapping:data"
    return {
        "cities": reverse(prefix, args=["cities"]),
        "links": reverse(prefix, args=["links"]),
        "places": reverse(prefix, args=["places"]),
        "outlines": reverse(prefix, args=["outlines"]),
        "tiles": settings.CITYDIP_TILE_URL,
        "city_url": "" if public else "/frame/city/{pk}/",
    }


def index(request):
    check_role(request.user, *ROLES)
    context = {
        "config": map_config(request),
        "audience": audience_for(request.user),
        "public_on": MapSettings.public_map_on(),
        "can_switch": has_role(request.user, RESEARCHER),
    }
    return render(request, "mapping/index.html", context)


def data_response(name, audience):
    if name == "outlines":
        response = HttpResponse(outlines_json(), content_type="application/json")
        response["Cache-Control"] = "max-age=3600"
        return response
    if name not in DATASETS:
        raise Http404("no such map data")
    return JsonResponse(DATASETS[name](audience), json_dumps_params={"separators": (",", ":")})


@gzip_page
def data(request, name):
    check_role(request.user, *ROLES)
    return data_response(name, audience_for(request.user))


@require_POST
def switch_public(request):
    """Turn the public map on or off (admins and researchers); recorded in the audit log."""
    check_role(request.user, ADMIN, RESEARCHER)
    map_settings = MapSettings.load()
    map_settings.public = request.POST.get("public") == "on"
    map_settings.updated_by = request.user
    map_settings.save()
    audit.record(request.user, "map.public " + ("on" if map_settings.public else "off"), map_settings)
    messages.success(request, f"The public map is now {'on' if map_settings.public else 'off'}.")
    return redirect("mapping:index")


def require_public_map():
    if not MapSettings.public_map_on():
        raise Http404("the public map is switched off")


@login_not_required
def public_index(request):
    require_public_map()
    context = {"config": map_config(request, public=True), "audience": payload.ANONYMISED, "public_page": True}
    return render(request, "mapping/public.html", context)


@login_not_required
@gzip_page
def public_data(request, name):
    require_public_map()
    return data_response(name, payload.ANONYMISED)
