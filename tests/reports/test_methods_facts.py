"""The methods chapter counts as invited the cities an invitation was sent to, as the coverage tables do."""
import pytest
from django.utils import timezone

from citydip.fieldwork.models import Invitation
from citydip.reports.methods import facts
from tests.fieldwork.conftest import make_cities, make_wave

pytestmark = pytest.mark.django_db


def test_a_city_whose_invitation_was_never_sent_is_not_counted_as_invited():
    wave = make_wave()
    cities = make_cities(3)
    for city, sent in zip(cities, (True, True, False)):
        Invitation.objects.create(wave=wave, city=city, contact=city.contacts.first(),
                                  status="sent" if sent else "not_sent", sent_at=timezone.now() if sent else None)
    assert facts(wave)["fieldwork"]["invitations"] == 2
    assert facts(wave)["rates"]["rates"]["e"] == 1.0
