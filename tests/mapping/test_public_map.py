"""The public, anonymised map: off by default, switched by admins and researchers."""
import pytest

from citydip.core.models import AuditEvent
from citydip.mapping.models import MapSettings


def test_the_public_map_is_off_by_default(map_world, client):
    assert client.get("/map/public/").status_code == 404
    assert client.get("/map/public/data/cities.json").status_code == 404


def test_a_researcher_switches_the_public_map_on_and_it_is_audited(map_world, researcher, client_for):
    response = client_for(researcher).post("/map/public/switch/", {"public": "on"})
    assert response.status_code == 302
    assert MapSettings.load().public is True
    assert AuditEvent.objects.filter(action="map.public on").exists()


@pytest.mark.parametrize("persona", ["fieldworker", "coder"])
def test_other_roles_cannot_switch_the_public_map(map_world, persona, request, client_for):
    client = client_for(request.getfixturevalue(persona))
    assert client.post("/map/public/switch/", {"public": "on"}).status_code == 403
    assert MapSettings.load().public is False


def test_when_on_anyone_sees_the_anonymised_map(map_world, client):
    MapSettings.objects.create(pk=1, public=True)
    page = client.get("/map/public/")
    assert page.status_code == 200 and b"/map/public/data/map.json" in page.content
    cities = client.get("/map/public/data/cities.json").json()
    assert cities["audience"] == "anonymised"
    codes = [s["code"] for s in cities["statuses"]]
    assert {row[2]: codes[row[8]] for row in cities["rows"]}["Utrecht"] == "coop_open"
    links = client.get("/map/public/data/links.json").json()
    assert len(links["rows"]) == 3
    assert client.get("/map/public/data/outlines.json").status_code == 200


def test_switching_off_closes_the_public_map_again(map_world, admin_user, client_for, client):
    MapSettings.objects.create(pk=1, public=True)
    client_for(admin_user).post("/map/public/switch/", {})
    assert client.get("/map/public/").status_code == 404
