import pytest

from citydip.frame.models import City


def test_the_admin_searches_and_filters_cities(small_frame, admin_user, client_for):
    client = client_for(admin_user)
    page = client.get("/admin/frame/city/", {"q": "DE001C"}).content.decode()
    assert "Berlin" in page and "Hamburg" not in page
    page = client.get("/admin/frame/city/", {"in_frame__exact": "0"}).content.decode()
    assert "Smallville" in page and "Berlin" not in page
    city = City.objects.get(urau_code="DE001C")
    assert client.get(f"/admin/frame/city/{city.pk}/change/").status_code == 200


def test_the_admin_lists_frame_versions_read_only(small_frame, admin_user, client_for):
    client = client_for(admin_user)
    page = client.get("/admin/frame/frameversion/").content.decode()
    assert "urau" in page
    assert client.get("/admin/frame/frameversion/add/").status_code == 403


@pytest.mark.django_db
def test_the_admin_is_closed_to_other_roles(fieldworker, client_for):
    assert client_for(fieldworker).get("/admin/frame/city/").status_code == 302
