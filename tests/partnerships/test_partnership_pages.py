from django.urls import reverse

from citydip.partnerships.importer import import_pairs

PAIRS = "tests/fixtures/partnerships/pairs_small.csv"


def test_the_register_lists_partnerships_and_flagged_ties(gazetteer, frame, fieldworker, client_for):
    import_pairs(PAIRS, "test")
    html = client_for(fieldworker).get(reverse("partnerships:index")).content.decode()
    assert "Hamburg" in html and "Shanghai" in html and "Saarland" in html
    assert "Review queue" not in html  # read-only for other roles


def test_the_register_filters_by_country_and_kind(gazetteer, frame, researcher, client_for):
    import_pairs(PAIRS, "test")
    client = client_for(researcher)
    html = client.get(reverse("partnerships:index"), {"country": "AT"}).content.decode()
    assert "Chengdu" in html and "Shanghai" not in html
    html = client.get(reverse("partnerships:index"), {"kind": "sister"}).content.decode()
    assert "Shanghai" in html and "Chengdu" not in html
    assert "Review queue" in html


def test_a_place_page_lists_its_eu_partners(gazetteer, frame, coder, client_for):
    import_pairs(PAIRS, "test")
    html = client_for(coder).get(reverse("gazetteer:place", args=["1796236"])).content.decode()
    assert "Hamburg" in html and "import: test" in html


def test_a_user_without_a_role_cannot_read_the_register(gazetteer, outsider, client_for):
    assert client_for(outsider).get(reverse("partnerships:index")).status_code == 403


def test_the_home_page_shows_the_register_and_the_queue(gazetteer, frame, researcher, client_for):
    import_pairs(PAIRS, "test")
    html = client_for(researcher).get(reverse("home")).content.decode()
    assert "3 partnerships between 3 frame cities" in html and "2 rows to review" in html
