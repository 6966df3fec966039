from django.urls import reverse


def test_a_researcher_searches_places_and_sees_what_the_matcher_says(gazetteer, researcher, client_for):
    response = client_for(researcher).get(reverse("gazetteer:index"), {"q": "Peking"})
    assert response.status_code == 200
    assert "Beijing" in response.content.decode()


def test_the_place_page_shows_names_with_their_sources(gazetteer, coder, client_for):
    response = client_for(coder).get(reverse("gazetteer:place", args=["1816670"]))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Pékin" in html and "French exonym" in html and "北京" in html


def test_a_user_without_a_role_cannot_see_the_gazetteer(gazetteer, outsider, client_for):
    assert client_for(outsider).get(reverse("gazetteer:index")).status_code == 403


def test_an_unknown_place_is_not_found(gazetteer, researcher, client_for):
    assert client_for(researcher).get(reverse("gazetteer:place", args=["nowhere"])).status_code == 404
