"""The reports page: buttons that start the builds as jobs, for researchers and admins only."""
import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_a_researcher_finds_a_button_for_each_output_and_no_server_path(client_for, researcher):
    page = client_for(researcher).get(reverse("reports:index")).content.decode()
    assert f'action="{reverse("reports:build-report")}"' in page
    assert "command line is the interface" not in page and "--output DIR" not in page
    assert "There is no survey wave yet." in page  # exports and deposit need a wave


@pytest.mark.parametrize("persona", ["fieldworker", "coder", "outsider"])
def test_other_roles_are_refused(client_for, persona, request):
    page = client_for(request.getfixturevalue(persona)).get(reverse("reports:index"))
    assert page.status_code in (302, 403)
