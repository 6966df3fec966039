import pytest
from django.test import Client


@pytest.mark.django_db
def test_anonymous_requests_are_sent_to_login():
    response = Client().get("/")
    assert response.status_code == 302
    assert response["Location"].startswith("/login/")


@pytest.mark.django_db
def test_login_page_and_health_check_are_public():
    assert Client().get("/login/").status_code == 200
    assert Client().get("/healthz").status_code == 200


def test_home_page_shows_for_any_logged_in_user(outsider, client_for):
    response = client_for(outsider).get("/")
    assert response.status_code == 200
    assert b"The study at a glance" in response.content


def test_pages_carry_a_strict_content_security_policy(researcher, client_for):
    response = client_for(researcher).get("/")
    csp = response["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp


def test_admin_is_for_admins_only(admin_user, coder, client_for):
    assert client_for(admin_user).get("/admin/").status_code == 200
    assert client_for(coder).get("/admin/").status_code == 302
