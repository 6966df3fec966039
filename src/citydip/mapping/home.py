"""The map's panel on the home page: how many frame cities have each status, and a link to the map."""
import gzip
import json

from django.utils.translation import gettext

from citydip.core.roles import ROLES, has_role
from citydip.mapping import payload
from citydip.mapping.cache import cached_gzipped_json
from citydip.mapping.status import STATUSES


def status_summary(audience):
    data = payload.MapData(audience)
    counts = {code: 0 for code, _, _ in STATUSES}
    for row in data.cities:
        counts[STATUSES[row[8]][0]] += 1
    return {"counts": counts, "ties": len(data.links)}


def home_panel(request):
    if not has_role(request.user, *ROLES):
        return None
    from citydip.mapping.views import audience_for

    audience = audience_for(request.user)
    summary = json.loads(gzip.decompress(cached_gzipped_json("summary", audience, status_summary)))
    if not sum(summary["counts"].values()):
        return None
    rows = [{"code": code, "label": label, "count": summary["counts"][code]} for code, label, _ in STATUSES]
    return {"title": gettext("Map"), "template": "mapping/home_panel.html", "order": 60,
            "context": {"rows": rows, "ties": summary["ties"]}}
