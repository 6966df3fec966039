"""The map's section on a city's page: its status on the map and a link that opens the map on it."""
from django.urls import reverse
from django.utils.translation import gettext as _

from citydip.core.roles import RESEARCHER, ROLES, has_role
from citydip.mapping.status import STATUS_LABELS, status_of_city


def city_section(request, city):
    if not has_role(request.user, *ROLES) or city.lat is None or city.lon is None:
        return None
    status, hidden = status_of_city(city, hide_confidential=not has_role(request.user, RESEARCHER))
    context = {"status": status, "label": STATUS_LABELS[status], "hidden": hidden,
               "url": f"{reverse('mapping:index')}?city={city.pk}"}
    return {"title": _("On the map"), "template": "mapping/city_section.html", "context": context, "order": 70}
