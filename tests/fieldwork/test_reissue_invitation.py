"""Re-issuing an invitation to a new contact keeps the answers already given."""
import pytest
from django.core.management import call_command

from citydip.fieldwork.models import Contact, Invitation
from citydip.survey import tokens
from citydip.survey.models import AccessToken, Response
from tests.fieldwork.conftest import make_cities, make_wave

pytestmark = pytest.mark.django_db


def test_a_reissued_invitation_goes_to_the_new_contact_and_keeps_the_answers(smtp_server, fieldworker, client_for):
    wave = make_wave()
    city = make_cities(1)[0]
    call_command("fieldwork", "invite", "--rate", "0", "--quiet")
    Response.objects.filter(wave=wave, city=city).update(state="partial", answers={"coop_status": "current"})
    new = Contact.objects.create(city=city, person="Nina New", email="nina@example.org", language="en")
    client_for(fieldworker).post(f"/fieldwork/contact/{new.pk}/", {"action": "reissue"})
    assert not AccessToken.objects.filter(revoked__isnull=True).exists()  # the old links no longer work
    call_command("fieldwork", "invite", "--rate", "0", "--quiet")
    [message] = smtp_server.to("nina@example.org")
    token = message.get_body().get_content().split("/survey/r/")[1].split("/")[0]
    response = tokens.resolve(token).response
    assert response.answers == {"coop_status": "current"} and response.state == "partial"
    invitation = Invitation.objects.get(city=city)
    assert invitation.contact == new and invitation.status == "partial"
    assert len(smtp_server.messages) == 2


def test_fieldwork_pages_work_before_there_is_a_wave(researcher, client_for):
    client = client_for(researcher)
    for page in ("/fieldwork/", "/fieldwork/todo/", "/fieldwork/non-respondents/", "/fieldwork/templates/"):
        assert client.get(page).status_code == 200, page
