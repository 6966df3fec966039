import pytest

pytestmark = pytest.mark.django_db


def test_the_home_page_shows_the_frame_size_by_country(small_frame, fieldworker, client_for):
    page = client_for(fieldworker).get("/").content.decode()
    assert "Sampling frame" in page and "6 cities in the frame" in page
    assert '<a href="/frame/?country=DE">Germany</a></td><td class="num">2</td>' in page
    assert "3 cities in the frame with an old, missing or GeoNames population" in page


def test_the_panel_is_hidden_from_users_without_a_role(small_frame, outsider, client_for):
    assert "cities in the frame" not in client_for(outsider).get("/").content.decode()


def test_the_versions_page_lists_each_build(small_frame, researcher, client_for):
    page = client_for(researcher).get("/frame/versions/").content.decode()
    assert "population above 50,000" in page and "7 new, 0 updated, 0 left" in page
