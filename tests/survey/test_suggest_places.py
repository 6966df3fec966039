from django.test import Client

from tests.survey.web_fixtures import city, link, make_place, mini_wave  # noqa: F401


def test_it_suggests_places_for_what_the_official_types(link):
    make_place("1791247", "Wuhan", "武汉", population=9)
    make_place("1815286", "Chengdu", "成都", population=8)
    data = Client().get(f"/survey/r/{link}/suggest", {"q": "wuh"}).json()
    assert data["ok"] is True
    assert [r["place_id"] for r in data["results"]] == ["1791247"]
    assert {"place_id", "name", "name_zh", "province", "level"} <= set(data["results"][0])
    assert Client().get(f"/survey/r/{link}/suggest", {"q": "成都"}).json()["results"][0]["name"] == "Chengdu"


def test_it_needs_a_valid_token(db):
    response = Client().get("/survey/r/wrong/suggest", {"q": "wuh"})
    assert response.status_code == 404 and response.json()["code"] == "SURVEY-E204"


def test_a_chosen_place_is_stored_with_the_typed_text_and_shown_again(link):
    make_place("1791247", "Wuhan", "武汉")
    client = Client()
    client.post(f"/survey/r/{link}/", {"page": "status_page", "coop_status": "current", "action": "next"})
    client.post(f"/survey/r/{link}/", {"page": "partners", "partners.__count": "1", "action": "save",
                                       "partners[0].partner_name": "Wuhan", "partners[0].partner_place_id": "1791247"})
    from citydip.survey.models import Response

    assert Response.objects.get().answers["partners"] == [{"partner_name": "Wuhan", "partner_place_id": "1791247"}]
    text = client.get(f"/survey/r/{link}/?page=partners").content.decode()
    assert 'role="combobox"' in text and 'value="1791247"' in text and "Wuhan 武汉" in text
