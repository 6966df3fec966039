"""The JSON endpoints: roles, statuses, the anonymised view and the compact format."""
import gzip
import json

import pytest


def fetch(client, name, prefix="/map/data/"):
    response = client.get(f"{prefix}{name}.json")
    assert response.status_code == 200, response.content[:200]
    return response.json()


def statuses_by_name(payload):
    codes = [s["code"] for s in payload["statuses"]]
    return {row[2]: codes[row[8]] for row in payload["rows"]}


def test_it_gives_each_city_its_status(map_world, researcher, client_for):
    statuses = statuses_by_name(fetch(client_for(researcher), "cities"))
    assert statuses == {"Lyon": "coop_survey", "Milano": "coop_open", "Porto": "not_coop", "Gdańsk": "no_answer",
                        "Graz": "not_surveyed", "Utrecht": "coop_survey"}


def test_it_flags_synthetic_and_confidential_cities_for_researchers(map_world, researcher, client_for):
    payload = fetch(client_for(researcher), "cities")
    flags = {row[2]: row[9] for row in payload["rows"]}
    assert flags["Lyon"] == payload["flags"]["synthetic"]
    assert flags["Utrecht"] == payload["flags"]["confidential"]


def test_it_sends_every_tie_to_researchers_with_its_sources(map_world, researcher, client_for):
    payload = fetch(client_for(researcher), "links")
    assert len(payload["rows"]) == 4
    sources = payload["sources"]
    utrecht = map_world["cities"]["Utrecht"].pk
    nanjing = map_world["places"]["Nanjing"].pk
    row = next(r for r in payload["rows"] if r[0] == utrecht and r[1] == nanjing)
    assert row[3] == 2015 and row[6] == (1 << sources.index("survey")) | (1 << sources.index("import"))


@pytest.mark.parametrize("persona", ["fieldworker", "coder"])
def test_roles_without_survey_access_get_the_anonymised_data(map_world, persona, request, client_for):
    client = client_for(request.getfixturevalue(persona))
    assert statuses_by_name(fetch(client, "cities"))["Utrecht"] == "coop_open"
    assert fetch(client, "links")["audience"] == "anonymised"


def test_the_anonymised_view_keeps_only_open_data_of_a_confidential_city(map_world, fieldworker, client_for):
    payload = fetch(client_for(fieldworker), "links")
    utrecht = map_world["cities"]["Utrecht"].pk
    rows = [r for r in payload["rows"] if r[0] == utrecht]
    assert len(rows) == 1, "the survey-only tie to Chengdu is hidden"
    city, place, kind, year, status, areas, sources = rows[0]
    assert place == map_world["places"]["Nanjing"].pk
    assert payload["kinds"][kind]["code"] == "friendship" and year == 2000, "facts from the import, not the survey"
    assert areas == 0 and sources == 1 << payload["sources"].index("import")
    cities = fetch(client_for(fieldworker), "cities")
    assert {row[2]: row[9] for row in cities["rows"]}["Utrecht"] == 0, "no confidential flag leaks either"


def test_synthetic_answers_stay_marked_in_the_anonymised_view(map_world, coder, client_for):
    payload = fetch(client_for(coder), "cities")
    assert {row[2]: row[9] for row in payload["rows"]}["Lyon"] == payload["flags"]["synthetic"]


def test_places_carry_their_province(map_world, researcher, client_for):
    payload = fetch(client_for(researcher), "places")
    provinces = {row[2]: row[8] for row in payload["rows"]}
    assert provinces == {"Guangzhou": "CN-GD", "Shanghai": "CN-SH", "Chengdu": "CN-SC", "Nanjing": "CN-JS"}
    assert payload["provinces"]["CN-SC"] == {"name": "Sichuan", "name_zh": "四川"}


def test_outlines_ship_with_the_package(map_world, researcher, client_for):
    payload = fetch(client_for(researcher), "outlines")
    isos = {f["properties"]["iso2"] for f in payload["countries"]["features"]}
    assert {"FR", "DE", "PL", "CN"} <= isos
    assert len(payload["provinces"]["features"]) == 31


def test_the_data_is_gzipped_when_the_browser_accepts_it(map_world, researcher, client_for):
    response = client_for(researcher).get("/map/data/outlines.json", HTTP_ACCEPT_ENCODING="gzip")
    assert response["Content-Encoding"] == "gzip"
    assert json.loads(gzip.decompress(response.content))["partner_country"] == "CN"


def test_an_outsider_without_a_role_cannot_see_the_map_or_its_data(map_world, outsider, client_for):
    client = client_for(outsider)
    assert client.get("/map/").status_code == 403
    assert client.get("/map/data/cities.json").status_code == 403


def test_anonymous_visitors_are_sent_to_login(map_world, client):
    assert client.get("/map/data/cities.json").status_code == 302


def test_an_unknown_dataset_is_not_found(map_world, researcher, client_for):
    assert client_for(researcher).get("/map/data/secrets.json").status_code == 404


@pytest.mark.parametrize("persona", ["admin_user", "researcher", "fieldworker", "coder"])
def test_every_role_opens_the_map_page(map_world, persona, request, client_for):
    response = client_for(request.getfixturevalue(persona)).get("/map/")
    assert response.status_code == 200
    assert b'id="citydip-map"' in response.content and b"<script>" not in response.content


def test_the_payload_is_computed_once_and_shared_through_the_database(map_world, researcher, client_for,
                                                                      django_assert_max_num_queries):
    from citydip.mapping.models import MapPayload

    client = client_for(researcher)
    first = client.get("/map/data/map.json", HTTP_ACCEPT_ENCODING="gzip").content
    assert MapPayload.objects.filter(name="map", audience="full").count() == 1
    with django_assert_max_num_queries(16):  # the fingerprint and one row: no recomputation
        again = client.get("/map/data/map.json", HTTP_ACCEPT_ENCODING="gzip").content
    assert again == first


def test_an_edit_in_place_shows_at_the_next_load(transactional_db, researcher, client_for):
    """Committed for real (no test transaction), as a researcher's edit is: the stored payload is dropped."""
    from citydip.mapping.models import MapPayload
    from citydip.partnerships.models import Partnership
    from tests.mapping.conftest import build_world

    build_world()
    client = client_for(researcher)
    before = json.loads(client.get("/map/data/map.json").content)
    assert MapPayload.objects.count() == 1
    tie = Partnership.objects.get(city__name="Milano")
    tie.kind = "friendship"
    tie.save()
    assert MapPayload.objects.count() == 0
    after = json.loads(client.get("/map/data/map.json").content)
    milano = next(row[0] for row in after["cities"]["rows"] if row[2] == "Milano")
    kinds_before = {before["links"]["kinds"][row[2]]["code"] for row in before["links"]["rows"] if row[0] == milano}
    kinds_after = {after["links"]["kinds"][row[2]]["code"] for row in after["links"]["rows"] if row[0] == milano}
    assert kinds_before == {"sister"} and kinds_after == {"friendship"}
