"""The demo step: fake contacts and invitations whose statuses match the demo responses."""
import pytest

from citydip.demo.steps import DemoContext
from citydip.fieldwork.demo_data import build_demo
from citydip.fieldwork.models import Contact, ContactEvent, Invitation
from citydip.survey.models import Response
from tests.fieldwork.conftest import make_cities, make_wave

pytestmark = pytest.mark.django_db


def test_the_demo_builds_clearly_fake_contacts_and_matching_invitations():
    wave = make_wave()
    cities = make_cities(40, with_contacts=False)
    for city, state in zip(cities[:10], ["complete"] * 6 + ["partial"] * 4):
        Response.objects.create(wave=wave, city=city, state=state, synthetic=True)
    logs = []
    build_demo(DemoContext(data_dir=None, log=logs.append))
    assert Contact.objects.count() == 40
    assert all(c.email.endswith("@example.org") and c.person.startswith("Demo Contact") for c in Contact.objects.all())
    assert Invitation.objects.filter(wave=wave).count() == 40
    assert set(Invitation.objects.filter(city__in=cities[:6]).values_list("status", flat=True)) == {"complete"}
    assert set(Invitation.objects.filter(city__in=cities[6:10]).values_list("status", flat=True)) == {"partial"}
    assert len(set(Invitation.objects.values_list("status", flat=True))) >= 5
    # every status the respondent's actions decide comes from real link use and answers
    from citydip.fieldwork.statuses import unsupported_statuses
    from citydip.survey.models import AccessToken

    opened = Invitation.objects.filter(wave=wave, status="opened")
    assert opened.exists() and not unsupported_statuses(wave)
    used = set(AccessToken.objects.filter(kind="invitation", last_used__isnull=False)
               .values_list("response__city_id", flat=True))
    assert set(opened.values_list("city_id", flat=True)) <= used
    assert set(AccessToken.objects.filter(kind="invitation").values_list("response__city_id", flat=True)) == set(
        Invitation.objects.filter(sent_at__isnull=False).values_list("city_id", flat=True))
    assert ContactEvent.objects.exists()
    build_demo(DemoContext(data_dir=None, log=logs.append))  # a second run changes nothing
    assert Invitation.objects.count() == 40 and "skipped" in logs[-1]


def test_the_demo_skips_without_a_wave():
    logs = []
    build_demo(DemoContext(data_dir=None, log=logs.append))
    assert "skipped" in logs[0] and not Invitation.objects.exists()
