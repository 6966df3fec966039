"""The reports page lists the outputs built, for researchers and admins only."""
import pytest
from django.urls import reverse

from citydip.core.provenance import record_build

pytestmark = pytest.mark.django_db


def test_a_researcher_sees_the_builds(client_for, researcher):
    record_build("report", "/tmp/out", {"database_checksum": "a" * 64, "citydip_version": "0.1.0",
                                        "built": "2026-05-01T10:00:00+00:00"}, ["report.pdf"])
    page = client_for(researcher).get(reverse("reports:index"))
    assert page.status_code == 200
    assert b"/tmp/out" in page.content and b"aaaaaaaaaaaa" in page.content


@pytest.mark.parametrize("persona", ["fieldworker", "coder", "outsider"])
def test_other_roles_are_refused(client_for, persona, request):
    page = client_for(request.getfixturevalue(persona)).get(reverse("reports:index"))
    assert page.status_code in (302, 403)
