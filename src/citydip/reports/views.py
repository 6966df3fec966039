"""The reports page: the commands, and the outputs built so far (from the audit log)."""
from django.shortcuts import render

from citydip.core.provenance import recent_builds
from citydip.core.roles import RESEARCHER, role_required


@role_required(RESEARCHER)
def index(request):
    return render(request, "reports/index.html", {"builds": recent_builds()})
