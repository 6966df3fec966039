from django.test import Client

from citydip.gazetteer.models import Place
from tests.survey.web_fixtures import city, link, mini_wave  # noqa: F401


def test_it_suggests_places_for_what_the_official_types(link):
    Place.objects.create(place_id="1791247", name="Wuhan", name_zh="武汉", level="prefecture", population=9)
    Place.objects.create(place_id="1815286", name="Chengdu", name_zh="成都", level="prefecture", population=8)
    data = Client().get(f"/survey/r/{link}/suggest", {"q": "wuh"}).json()
    assert data["ok"] is True
    assert [r["place_id"] for r in data["results"]] == ["1791247"]
    assert {"place_id", "name", "name_zh", "province", "level"} <= set(data["results"][0])
    assert Client().get(f"/survey/r/{link}/suggest", {"q": "成都"}).json()["results"][0]["name"] == "Chengdu"


def test_it_needs_a_valid_token(db):
    response = Client().get("/survey/r/wrong/suggest", {"q": "wuh"})
    assert response.status_code == 404 and response.json()["code"] == "SURVEY-E204"
