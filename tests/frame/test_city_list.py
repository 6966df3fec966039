import re

import pytest

from citydip.frame.models import City

URL = "/frame/"


def names_on(response):
    return re.findall(r'<a href="/frame/city/\d+/">([^<]+)</a>', response.content.decode())


@pytest.fixture
def client(small_frame, researcher, client_for):
    return client_for(researcher)


def test_it_lists_the_cities_in_the_frame_largest_first(client):
    response = client.get(URL)
    assert response.status_code == 200
    assert names_on(response) == ["Berlin", "Hamburg", "Łódź", "Thessaloniki", "Daugavpils", "Mechelen"]
    assert "6 cities" in response.content.decode()


def test_it_searches_by_name_and_code(client):
    assert names_on(client.get(URL, {"q": "ham"})) == ["Hamburg"]
    assert names_on(client.get(URL, {"q": "pl002c"})) == ["Łódź"]
    assert names_on(client.get(URL, {"q": "greece"})) == ["Thessaloniki"]


def test_it_filters_by_country_size_class_and_membership(client):
    assert names_on(client.get(URL, {"country": "DE"})) == ["Berlin", "Hamburg"]
    assert names_on(client.get(URL, {"size": "500k–1M"})) == ["Łódź"]
    assert names_on(client.get(URL, {"membership": "out"})) == ["Smallville"]
    assert len(names_on(client.get(URL, {"membership": "all"}))) == 7


def test_it_shows_cities_with_old_or_missing_populations(client):
    flagged = names_on(client.get(URL, {"population": "flagged", "membership": "all"}))
    assert sorted(flagged) == ["Daugavpils", "Mechelen", "Thessaloniki"]
    assert names_on(client.get(URL, {"population": "old"})) == ["Thessaloniki"]
    page = client.get(URL).content.decode()
    assert "from GeoNames</span>" in page and ">old</span>" in page


def test_it_sorts_by_a_column_both_ways(client):
    assert names_on(client.get(URL, {"sort": "name"}))[:3] == ["Berlin", "Daugavpils", "Hamburg"]
    ascending = names_on(client.get(URL, {"sort": "name"}))
    assert names_on(client.get(URL, {"sort": "-name"})) == ascending[::-1]
    assert names_on(client.get(URL, {"sort": "population"}))[0] == "Mechelen"
    page = client.get(URL, {"sort": "name"}).content.decode()
    assert 'aria-sort="ascending"><a href="?sort=-name">' in page


def test_a_bad_filter_value_falls_back_to_the_frame(client):
    response = client.get(URL, {"sort": "drop table", "country": "ZZ"})
    assert response.status_code == 200 and len(names_on(response)) == 6


def test_it_counts_cities_per_country_and_size_class(client):
    page = client.get(URL).content.decode()
    counts = page[page.index('<table class="counts"'):]
    assert re.search(r"Germany <span class=\"muted\">DE</span></th>(<td class=\"num\">\d+</td>)+", counts)
    assert '<td class="num" id="counts-total">6</td>' in counts
    germany = re.search(r"Germany <span class=\"muted\">DE</span></th>(.*?)</tr>", counts).group(1)
    assert re.findall(r">(\d+)<", germany)[-1] == "2"
    filtered = client.get(URL, {"country": "PL"}).content.decode()
    assert '<td class="num" id="counts-total">1</td>' in filtered


def test_it_pages_long_lists_and_keeps_the_filters(researcher, client_for, small_frame):
    germany = City.objects.get(urau_code="DE001C").country
    City.objects.bulk_create([City(name=f"Town {i:03d}", country=germany, population=60000 + i,
                                   urau_code=f"DE9{i:02d}C", size_class="50k–100k") for i in range(60)])
    client = client_for(researcher)
    first = client.get(URL, {"country": "DE", "sort": "name"}).content.decode()
    assert "Page 1 of 2" in first and 'href="?country=DE&amp;sort=name&amp;page=2"' in first
    second = client.get(URL, {"country": "DE", "sort": "name", "page": 2})
    assert names_on(second)[-1] == "Town 059" and len(names_on(second)) == 12
