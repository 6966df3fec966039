"""The map in Chromium: markers, filters and counts, as the data says."""


def open_map(logged_in_page, live_server, user):
    page = logged_in_page(user)
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("response", lambda r: errors.append(f"{r.status} {r.url}")
            if r.status >= 400 and not r.url.endswith("/favicon.ico") else None)
    page.goto(live_server.url + "/map/")
    page.wait_for_selector("#citydip-map[data-ready='1']", timeout=15000)
    return page, errors


def counts(page):
    return {name: int(page.inner_text(f"[data-count='{name}']")) for name in ("cities", "links", "places")}


def marker_count(page):
    return page.evaluate("window.CitydipMap.state.cities.count()")


def drawn(page):
    return page.evaluate("window.CitydipMap.state.cities.drawnItems()")


def click_at(page, x, y):
    box = page.locator("#map-canvas").bounding_box()
    page.mouse.click(box["x"] + x, box["y"] + y)


def test_the_map_shows_every_city_and_tie_and_filters_change_the_counts(map_world, researcher, logged_in_page,
                                                                         live_server, artifact_path):
    page, errors = open_map(logged_in_page, live_server, researcher)
    assert counts(page) == {"cities": 6, "links": 4, "places": 4}
    assert marker_count(page) == 6
    page.screenshot(path=artifact_path("map-all.png"))

    page.select_option("#f-country", "NL")
    assert counts(page) == {"cities": 1, "links": 2, "places": 2}
    page.select_option("#f-country", "")

    page.select_option("#f-kind", "sister")
    assert counts(page) == {"cities": 2, "links": 2, "places": 2}, "Lyon and Milano have sister cities"
    page.select_option("#f-kind", "")

    page.fill("#f-year-from", "2000")
    page.uncheck("#f-year-unknown")
    assert counts(page)["links"] == 2, "only Utrecht's two ties of 2015"

    page.click("button[type=reset]")
    page.wait_for_selector("#citydip-map[data-ties='4']", state="attached")
    page.uncheck("input[name='status-not_surveyed']")
    page.uncheck("input[name='status-no_answer']")
    assert counts(page)["cities"] == 4 and marker_count(page) == 4
    assert page.inner_text("[data-status-count='not_surveyed']") == "1"
    assert errors == []


def test_a_city_popup_lists_its_partnerships_and_links_to_its_page(map_world, researcher, logged_in_page,
                                                                   live_server, artifact_path):
    page, _ = open_map(logged_in_page, live_server, researcher)
    milano = map_world["cities"]["Milano"].pk
    page.evaluate("window.CitydipMap.state.map.setView([45.46, 9.19], 8, {animate: false}); null")
    milano_drawn = [item for item in drawn(page) if item.get("pk") == milano]
    assert len(milano_drawn) == 1, "at zoom 8 every city is drawn on its own"
    click_at(page, milano_drawn[0]["x"], milano_drawn[0]["y"])
    popup = page.wait_for_selector(".leaflet-popup-content")
    text = popup.inner_text()
    assert "Shanghai" in text and "1979" in text and "wikidata" in text
    assert popup.query_selector("a").get_attribute("href") == f"/frame/city/{milano}/"
    page.screenshot(path=artifact_path("map-popup.png"))


def test_a_click_on_a_partner_place_names_its_eu_partners(map_world, researcher, logged_in_page, live_server):
    page, errors = open_map(logged_in_page, live_server, researcher)
    page.evaluate("window.CitydipMap.state.map.setView([23.12, 113.25], 6); null")
    page.wait_for_timeout(300)
    point = page.evaluate("(() => { const p = window.CitydipMap.state.map.latLngToContainerPoint([23.12, 113.25]);"
                          " return [p.x, p.y]; })()")
    click_at(page, *point)
    popup = page.wait_for_selector(".leaflet-popup-content")
    assert "Guangzhou" in popup.inner_text() and "Lyon (FR)" in popup.inner_text()
    assert errors == []


def test_a_link_from_a_city_page_opens_the_map_on_that_city(map_world, researcher, logged_in_page, live_server):
    page = logged_in_page(researcher)
    page.goto(f"{live_server.url}/map/?city={map_world['cities']['Porto'].pk}")
    popup = page.wait_for_selector(".leaflet-popup-content", timeout=15000)
    assert "Porto" in popup.inner_text() and "not cooperating" in popup.inner_text()


def test_nearby_cities_cluster_and_a_click_on_a_cluster_zooms_in_until_it_splits(map_world, researcher,
                                                                                  logged_in_page, live_server):
    page, errors = open_map(logged_in_page, live_server, researcher)
    page.evaluate("window.CitydipMap.state.map.setView([47, 5], 2, {animate: false}); null")
    items = drawn(page)
    clusters = [item for item in items if "count" in item]
    assert clusters, f"at zoom 2 the European cities of the test world cluster: {items}"
    assert sum(c["count"] for c in clusters) + len(items) - len(clusters) == 6, "every city once"
    click_at(page, clusters[0]["x"], clusters[0]["y"])
    page.wait_for_timeout(500)
    assert errors == []
    assert page.evaluate("window.CitydipMap.state.map.getZoom()") > 2
    after = drawn(page)
    assert max([c.get("count", 1) for c in after]) < clusters[0]["count"], "the cluster split"
    page.evaluate("window.CitydipMap.state.map.setView([47, 5], 7, {animate: false}); null")
    assert all("pk" in item for item in drawn(page)), "no cluster from zoom 7 on"
    assert errors == []
