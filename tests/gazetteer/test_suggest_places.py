from django.test import Client
from django.urls import reverse

from citydip.gazetteer.match import suggest


def test_it_suggests_places_for_the_first_letters_in_any_spelling(gazetteer):
    assert suggest("Shangh")[0]["place_id"] == "1796236"
    assert suggest("Szangh")[0]["name"] == "Shanghai"
    assert suggest("北京")[0]["place_id"] == "1816670"
    assert set(suggest("Chengdu")[0]) >= {"place_id", "name", "name_zh", "province", "level"}


def test_it_lists_prc_places_before_taiwan(gazetteer):
    names = [(s["name"], s["country_code"]) for s in suggest("Tai", limit=20)]
    codes = [c for _, c in names]
    assert codes.index("TW") > codes.index("CN") if "TW" in codes else True


def test_it_limits_the_suggestions(gazetteer):
    assert len(suggest("Su", limit=3)) == 3
    assert suggest("") == []


def test_the_suggest_endpoint_answers_json_to_every_role(gazetteer, coder, client_for):
    response = client_for(coder).get(reverse("gazetteer:suggest"), {"q": "Pekin"})
    assert response.status_code == 200
    assert response.json()["results"][0]["place_id"] == "1816670"


def test_the_suggest_endpoint_refuses_a_user_without_a_role(gazetteer, outsider, client_for):
    assert client_for(outsider).get(reverse("gazetteer:suggest"), {"q": "Pekin"}).status_code == 403


def test_the_suggest_endpoint_needs_a_login(gazetteer):
    response = Client().get(reverse("gazetteer:suggest"), {"q": "Pekin"})
    assert response.status_code in (302, 401, 403)
