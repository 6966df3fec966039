from django.contrib.auth.decorators import login_not_required
from django.http import HttpResponse
from django.shortcuts import render

from citydip.core.checklist import collect_stages
from citydip.core.home import collect_panels


def home(request):
    return render(request, "core/home.html", {"panels": collect_panels(request), "stages": collect_stages(request)})


@login_not_required
def healthz(request):
    return HttpResponse("ok", content_type="text/plain")


def placeholder(request):
    """Stand-in page for a stage that has not been built yet."""
    return render(request, "core/placeholder.html", status=200)
