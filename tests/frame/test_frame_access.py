import pytest
from django.test import Client

from citydip.frame.models import City

pytestmark = pytest.mark.django_db


def urls():
    city = City.objects.get(urau_code="DE001C")
    return ["/frame/", f"/frame/city/{city.pk}/", "/frame/versions/"]


def test_anonymous_visitors_are_sent_to_login(small_frame):
    for url in urls():
        response = Client().get(url)
        assert response.status_code == 302 and response["Location"].startswith("/login/"), url


@pytest.mark.parametrize("persona", ["admin_user", "researcher", "fieldworker", "coder"])
def test_every_role_can_read_the_frame(persona, small_frame, request, client_for):
    client = client_for(request.getfixturevalue(persona))
    for url in urls():
        assert client.get(url).status_code == 200, url


def test_a_user_without_a_role_cannot_read_the_frame(small_frame, outsider, client_for):
    client = client_for(outsider)
    for url in urls():
        assert client.get(url).status_code == 403, url
