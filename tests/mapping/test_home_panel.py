"""The map's home-page panel."""


def test_the_home_page_counts_cities_by_map_status(map_world, researcher, client_for):
    page = client_for(researcher).get("/").content.decode()
    assert "cooperating (survey): <strong>2</strong>" in page
    assert "not surveyed: <strong>1</strong>" in page and "4 ties with partner places." in page


def test_the_panel_follows_the_anonymised_view_for_fieldworkers(map_world, fieldworker, client_for):
    page = client_for(fieldworker).get("/").content.decode()
    assert "cooperating (survey): <strong>1</strong>" in page and "3 ties with partner places." in page


def test_there_is_no_panel_without_cities(db, researcher, client_for):
    assert "Open the map" not in client_for(researcher).get("/").content.decode()
