"""The interactive map page, its JSON endpoints, and the switch for the public (anonymised) map.

Roles: every role may open the map. Researchers and admins get the ``full`` data (confidential cities
flagged); fieldworkers and coders, and everyone on the public map, get the ``anonymised`` data (see
payload.py). The public page and its data answer 404 unless an admin or researcher switched it on.
JSON is served gzip-compressed from a short-lived cache (cache.py); the settings carry no GZipMiddleware.
"""
import gzip
from functools import lru_cache
from pathlib import Path

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from citydip.core import audit
from citydip.core.jobs.pages import recent_jobs, start_from_page
from citydip.core.partner import partner_country as partner
from citydip.core.roles import ADMIN, RESEARCHER, ROLES, check_role, has_role, role_required
from citydip.mapping import payload
from citydip.mapping.cache import cached_gzipped_json, gzipped_json
from citydip.mapping.models import MapSettings
from citydip.mapping.partner import partner_outlines
from citydip.mapping.tasks import build_maps

OUTLINES = Path(__file__).resolve().parent / "outlines"
DATASETS = {"cities": payload.cities_payload, "links": payload.links_payload, "places": payload.places_payload,
            "map": payload.map_payload}


def audience_for(user):
    return payload.FULL if has_role(user, RESEARCHER) else payload.ANONYMISED


def outlines():
    """Countries and the partner country's subdivisions in one JSON document (mapping/partner.py)."""
    return partner_outlines(partner())


def outlines_gzipped():
    return partner_outlines_gzipped(partner())


@lru_cache(maxsize=4)
def partner_outlines_gzipped(code):
    return gzipped_json(partner_outlines(code))


def json_response(request, body):
    """Gzip-compressed JSON as it is, or decompressed for a client that does not accept gzip."""
    if "gzip" in request.headers.get("Accept-Encoding", ""):
        response = HttpResponse(body, content_type="application/json")
        response["Content-Encoding"] = "gzip"
    else:
        response = HttpResponse(gzip.decompress(body), content_type="application/json")
    patch_vary_headers(response, ["Accept-Encoding"])
    return response


def map_config(request, public=False):
    """The data-* attributes of the map element: where the JS finds its data and settings."""
    prefix = "mapping:public-data" if public else "mapping:data"
    return {
        "map": reverse(prefix, args=["map"]),
        "outlines": reverse(prefix, args=["outlines"]),
        "tiles": settings.CITYDIP_TILE_URL,
        "city_url": "" if public else city_url_template(),
    }


def city_url_template():
    """The frame's city page with ``{pk}`` for the JS to fill in."""
    try:
        return reverse("frame:city-detail", args=[999999999]).replace("999999999", "{pk}")
    except NoReverseMatch:
        return "/frame/city/{pk}/"


def index(request):
    check_role(request.user, *ROLES)
    context = {
        "config": map_config(request),
        "audience": audience_for(request.user),
        "public_on": MapSettings.public_map_on(),
        "can_switch": has_role(request.user, RESEARCHER),
        "map_jobs": recent_jobs(request.user, build_maps) if has_role(request.user, RESEARCHER) else [],
    }
    return render(request, "mapping/index.html", context)


@require_POST
@role_required(RESEARCHER)
def build(request):
    """Start the map files job (map.html and the publication maps)."""
    audience = request.POST.get("audience", payload.ANONYMISED)
    if audience not in (payload.ANONYMISED, payload.FULL):
        audience = payload.ANONYMISED
    return start_from_page(request, build_maps, audience=audience)


def data_response(request, name, audience):
    if name == "outlines":
        response = json_response(request, outlines_gzipped())
        response["Cache-Control"] = "private, max-age=3600"
        return response
    if name not in DATASETS:
        raise Http404("no such map data")
    return json_response(request, cached_gzipped_json(name, audience, DATASETS[name]))


def data(request, name):
    check_role(request.user, *ROLES)
    return data_response(request, name, audience_for(request.user))


@require_POST
def switch_public(request):
    """Turn the public map on or off (admins and researchers); recorded in the audit log."""
    check_role(request.user, ADMIN, RESEARCHER)
    map_settings = MapSettings.load()
    map_settings.public = request.POST.get("public") == "on"
    map_settings.updated_by = request.user
    map_settings.save()
    audit.record(request.user, "map.public " + ("on" if map_settings.public else "off"), map_settings)
    messages.success(request, gettext("The public map is now on.") if map_settings.public
                     else gettext("The public map is now off."))
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
def public_data(request, name):
    require_public_map()
    return data_response(request, name, payload.ANONYMISED)
