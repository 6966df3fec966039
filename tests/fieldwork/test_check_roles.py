"""Contacts are personal data: only admin, researcher and fieldworker see them."""
import pytest
from django.test import RequestFactory

from citydip.fieldwork.city_sections import city_section
from citydip.fieldwork.models import Contact, ContactEvent
from tests.fieldwork.conftest import make_cities, make_wave

pytestmark = pytest.mark.django_db
PAGES = ["/fieldwork/", "/fieldwork/todo/", "/fieldwork/non-respondents/", "/fieldwork/non-respondents/?format=csv",
         "/fieldwork/templates/"]


@pytest.fixture
def city(db):
    make_wave()
    return make_cities(1)[0]


def test_fieldwork_pages_are_for_admin_researcher_and_fieldworker(city, admin_user, researcher, fieldworker, coder,
                                                                   outsider, client_for):
    for user in (admin_user, researcher, fieldworker):
        for page in PAGES + [f"/fieldwork/city/{city.pk}/"]:
            assert client_for(user).get(page).status_code == 200, (user, page)
    for user in (coder, outsider):
        for page in PAGES + [f"/fieldwork/city/{city.pk}/"]:
            assert client_for(user).get(page).status_code == 403, (user, page)


def test_a_coder_cannot_change_contacts_or_log_calls(city, coder, client_for):
    contact = Contact.objects.get(city=city)
    assert client_for(coder).post(f"/fieldwork/contact/{contact.pk}/", {"action": "retire"}).status_code == 403
    assert client_for(coder).post(f"/fieldwork/city/{city.pk}/", {"kind": "phone", "outcome": "x"}).status_code == 403
    contact.refresh_from_db()
    assert contact.retired is None and not ContactEvent.objects.exists()


def test_the_city_section_shows_contacts_to_fieldworkers_and_nothing_to_coders(city, fieldworker, coder, client_for):
    request = RequestFactory().get("/")
    request.user = coder
    assert city_section(request, city) is None
    assert "city-0@example.org" not in client_for(coder).get(f"/frame/city/{city.pk}/").content.decode()
    assert "city-0@example.org" in client_for(fieldworker).get(f"/frame/city/{city.pk}/").content.decode()


def test_the_home_panel_shows_progress_to_fieldworkers_only(city, fieldworker, coder, client_for):
    assert "Fieldwork progress" in client_for(fieldworker).get("/").content.decode()
    assert "Fieldwork progress" not in client_for(coder).get("/").content.decode()


def test_a_fieldworker_logs_a_call_and_retires_a_contact_keeping_its_history(city, fieldworker, client_for):
    client = client_for(fieldworker)
    contact = Contact.objects.get(city=city)
    response = client.post(f"/fieldwork/city/{city.pk}/", {"kind": "phone", "contact": contact.pk,
                                                           "outcome": "no answer", "next_step": "call again",
                                                           "due": "2026-01-05"})
    assert response.status_code == 302
    client.post(f"/fieldwork/contact/{contact.pk}/", {"action": "retire"})
    contact.refresh_from_db()
    assert contact.retired and ContactEvent.objects.get(contact=contact).by == fieldworker
    todo = client.get("/fieldwork/todo/").content.decode()
    assert "call again" in todo and "Testville 0" in todo
