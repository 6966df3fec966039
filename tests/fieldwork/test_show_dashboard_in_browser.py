"""The dashboard in Chromium: the chart and tables show, and the page breaks no content security rule."""
import pytest
from django.utils import timezone

from citydip.fieldwork.models import Invitation
from citydip.survey.models import Response
from tests.fieldwork.conftest import make_cities, make_wave

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_dashboard_shows_its_chart_without_console_errors(logged_in_page, live_server, fieldworker, artifact_path):
    wave = make_wave()
    cities = make_cities(12)
    for i, city in enumerate(cities):
        Invitation.objects.create(wave=wave, city=city, contact=city.contacts.first(), status="sent",
                                  sent_at=timezone.now() - timezone.timedelta(days=i % 5))
    for city in cities[:5]:
        Response.objects.create(wave=wave, city=city, state="complete", started=timezone.now(), submitted=timezone.now())
    page = logged_in_page(fieldworker)
    errors, missing = [], []
    page.on("console", lambda msg: msg.type == "error" and "Failed to load resource" not in msg.text
            and errors.append(msg.text))
    page.on("response", lambda r: r.status >= 400 and not r.url.endswith("/favicon.ico") and missing.append(r.url))
    page.goto(f"{live_server.url}/fieldwork/")
    assert page.locator("svg.progress-chart polyline").count() == 3
    assert page.locator("#rates-country tbody tr").count() == 6
    assert page.locator("[data-figure=complete]").inner_text().startswith("5 ")
    page.screenshot(path=artifact_path("fieldwork_dashboard.png"), full_page=True)
    assert errors == [] and missing == []
