/* citydip map: the Leaflet page. Data from the JSON endpoints named in the data-* attributes of
 * #citydip-map, or from an inline <script type="application/json" id="citydip-map-data"> block
 * (the self-contained map.html of `citydip map build`). No inline script or style: CSP-safe. */
(function () {
  "use strict";
  var D = window.CitydipMapData;
  var VIEWS = {europe: [[34, -12], [66, 35]]};  // + partner and all, from the partner country's outlines
  var LINE_COLOURS = {survey: "#D55E00", open: "#E69F00"};
  var PLACE_COLOUR = "#009E73";
  var root = document.getElementById("citydip-map");
  if (!root) { return; }
  var form = document.getElementById("map-filters");
  var state = {map: null, data: null, result: null, timings: {}};

  function esc(value) {
    return String(value === null || value === undefined ? "" : value).replace(/[&<>"']/g, function (c) {
      return {"&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;"}[c];
    });
  }

  function fetchJson(url) {
    return fetch(url, {credentials: "same-origin"}).then(function (r) {
      if (!r.ok) { throw new Error(url + ": HTTP " + r.status); }
      return r.json();
    });
  }

  /* Two requests: the map data (cities, links and places from one computation) and the outlines. */
  function loadData() {
    var inline = document.getElementById("citydip-map-data");
    if (inline) { return Promise.resolve(JSON.parse(inline.textContent)); }
    return Promise.all([fetchJson(root.dataset.map), fetchJson(root.dataset.outlines)]).then(function (parts) {
      return {cities: parts[0].cities, links: parts[0].links, places: parts[0].places, outlines: parts[1]};
    });
  }

  function createMap(outlines, data) {
    var map = L.map("map-canvas", {preferCanvas: true, zoomSnap: 0.25, minZoom: 2, maxZoom: 12,
                                   worldCopyJump: true});
    ["outlines", "provinces", "links", "cities"].forEach(function (name, i) {
      map.createPane(name).style.zIndex = 250 + i * 50;
    });
    if (root.dataset.tiles) {
      L.tileLayer(root.dataset.tiles, {attribution: "Tiles: see settings"}).addTo(map);
    }
    map.attributionControl.addAttribution("Outlines: Natural Earth; subdivisions: " + esc(outlines.provinces_source));
    state.partnerName = outlines.partner_name;
    VIEWS.partner = outlines.partner_bounds;
    VIEWS.all = [[Math.min(VIEWS.europe[0][0], VIEWS.partner[0][0]), Math.min(VIEWS.europe[0][1], VIEWS.partner[0][1])],
                 [Math.max(VIEWS.europe[1][0], VIEWS.partner[1][0]), Math.max(VIEWS.europe[1][1], VIEWS.partner[1][1])]];
    var frameCountries = data.countries, partner = outlines.partner_country;
    L.geoJSON(outlines.countries, {pane: "outlines", interactive: false, style: function (feature) {
      var iso = feature.properties.iso2;
      var fill = frameCountries[iso] ? "#e9e9e9" : (iso === partner ? "#f1ece1" : "#fafafa");
      return {fillColor: fill, fillOpacity: 1, color: "#8c8c8c", weight: 0.6};
    }}).addTo(map);
    if (outlines.provinces) {
      state.provinceLayer = L.geoJSON(outlines.provinces, {pane: "provinces", style: provinceStyle,
        onEachFeature: function (feature, layer) {
          layer.bindTooltip(function () { return provinceTooltip(feature); }, {sticky: true});
        }}).addTo(map);
    }
    map.fitBounds(VIEWS.all);
    return map;
  }

  var CHORO = ["#f7f7f7", "#c7e9b4", "#7fcdbb", "#41b6c4", "#2c7fb8", "#253494"];
  function provinceStyle(feature) {
    var counts = state.result ? state.result.provinceCounts : {};
    var n = counts[feature.properties.id] || 0;
    return {fillColor: CHORO[D.choroplethClass(n)], fillOpacity: 0.85, color: "#7a7a7a", weight: 0.5};
  }

  function provinceTooltip(feature) {
    var n = (state.result && state.result.provinceCounts[feature.properties.id]) || 0;
    return esc(feature.properties.name) + " " + esc(feature.properties.name_zh) + ": " + n + " ties";
  }

  function radiusFor(pop) {
    return Math.max(3.5, Math.min(14, 3 + Math.sqrt((pop || 50000) / 50000) * 1.6));
  }

  function colourOf(status) {
    var found = state.data.statuses.filter(function (s) { return s.code === status; })[0];
    return found ? found.colour : "#999999";
  }

  function sourceNames(mask) {
    return state.data.sources.filter(function (s, i) { return mask & (1 << i); }).join(", ");
  }

  function areaNames(mask) {
    return state.data.areas.filter(function (s, i) { return mask & (1 << i); }).join(", ");
  }

  function cityPopup(city) {
    var d = state.data, status = d.statuses.filter(function (s) { return s.code === city.status; })[0];
    var html = "<h3 class='popup-title'>" + esc(city.name) + " <span class='muted'>" + esc(city.country) + "</span></h3>";
    html += "<p>" + (city.pop ? Number(city.pop).toLocaleString("en") + " inhabitants · " : "") +
      "<span class='swatch status-" + esc(city.status) + "'></span> " + esc(status ? status.label : city.status) + "</p>";
    if (city.flags & d.flags.synthetic) { html += "<p><span class='badge synthetic'>synthetic survey answer (demo)</span></p>"; }
    if (city.flags & d.flags.confidential) { html += "<p><span class='badge warn'>confidential: not for publication</span></p>"; }
    if (city.links.length) {
      html += "<ul class='popup-links'>" + city.links.map(linkItem).join("") + "</ul>";
    } else {
      html += "<p class='muted'>No known partnership in " + esc(state.partnerName || "the partner country") + ".</p>";
    }
    if (root.dataset.cityUrl) {
      html += "<p><a href='" + esc(root.dataset.cityUrl.replace("{pk}", city.pk)) + "'>City page</a></p>";
    }
    return html;
  }

  function linkItem(link) {
    var p = link.place, bits = [link.kind, link.year || "year unknown", link.status];
    var areas = areaNames(link.areas);
    return "<li><strong>" + esc(p.name) + "</strong> " + esc(p.zh) +
      (p.province && state.data.provinces[p.province] ? " (" + esc(state.data.provinces[p.province].name) + ")" : "") +
      "<br><span class='muted'>" + esc(bits.join(" · ")) + (areas ? " · " + esc(areas) : "") +
      " · source: " + esc(sourceNames(link.sources)) + "</span></li>";
  }

  function placePopup(entry) {
    var p = entry.place, names = state.result.links.filter(function (l) { return l.place === p; })
      .map(function (l) { return esc(l.city.name) + " (" + esc(l.city.country) + ")"; });
    return "<h3 class='popup-title'>" + esc(p.name) + " " + esc(p.zh) + "</h3><p>" + entry.cities +
      " EU partner " + (entry.cities === 1 ? "city" : "cities") + "</p><p class='muted'>" +
      names.slice(0, 25).join(", ") + (names.length > 25 ? " …" : "") + "</p>";
  }

  function drawTies(result) {
    if (!state.ties) {
      state.ties = new window.CitydipTieLayer({pane: "links", colours: LINE_COLOURS, placeColour: PLACE_COLOUR});
      state.ties.on("placeclick", function (event) {
        L.popup().setLatLng(event.latlng).setContent(placePopup(event.entry)).openOn(state.map);
      });
      state.ties.addTo(state.map);
    }
    state.ties.setData(result.links, result.places, state.data.surveyBit, form.elements.lines.checked,
                       form.elements.places.checked);
  }

  function isCoop(city) {
    return city.status === "coop_survey" || city.status === "coop_open";
  }

  function openCity(city) {
    L.popup({maxWidth: 360, offset: [0, -radiusFor(city.pop)]}).setLatLng([city.lat, city.lon])
      .setContent(cityPopup(city)).openOn(state.map);
  }

  function drawCities(cities) {
    if (!state.cities) {
      state.cities = new window.CitydipCityLayer({pane: "cities", colourOf: function (city) { return colourOf(city.status); },
                                                  radiusOf: function (city) { return radiusFor(city.pop); }, isCoop: isCoop});
      state.cities.on("cityclick", function (event) { openCity(event.city); });
      state.cities.addTo(state.map);
    }
    state.cities.setData(cities);
  }

  function readFilters() {
    var e = form.elements, statuses = {};
    state.data.statuses.forEach(function (s) { statuses[s.code] = e["status-" + s.code].checked; });
    return {country: e.country.value, size: e.size.value, kind: e.kind.value,
            area: e.area.value === "" ? -1 : Number(e.area.value),
            source: e.source.value === "" ? -1 : Number(e.source.value),
            yearFrom: Number(e.year_from.value) || 0, yearTo: Number(e.year_to.value) || 0,
            yearUnknown: e.year_unknown.checked, statuses: statuses};
  }

  function update() {
    var t0 = performance.now();
    var result = D.apply(state.data, readFilters());
    state.result = result;
    var t1 = performance.now();
    drawCities(result.cities);
    var t2 = performance.now();
    drawTies(result);
    var t3 = performance.now();
    if (state.provinceLayer) { state.provinceLayer.setStyle(provinceStyle); }
    showCounts(result);
    state.timings.update = {filter: t1 - t0, cities: t2 - t1, ties: t3 - t2};
    root.dataset.ready = "1";
  }

  function showCounts(result) {
    var counts = {cities: result.cities.length, links: result.links.length, places: result.places.length};
    document.getElementById("map-counts").innerHTML =
      "<span data-count='cities'>" + counts.cities + "</span> cities · <span data-count='links'>" + counts.links +
      "</span> ties · <span data-count='places'>" + counts.places + "</span> partner places";
    state.data.statuses.forEach(function (s) {
      var cell = document.querySelector("[data-status-count='" + s.code + "']");
      if (cell) { cell.textContent = result.statusCounts[s.code] || 0; }
    });
    root.dataset.cities = counts.cities;
    root.dataset.ties = counts.links;
  }

  /* /map/?city=<pk> (the link on a city's page): zoom to the city and open its popup. */
  function focusCity(pk) {
    var city = pk && state.data.cities.filter(function (c) { return String(c.pk) === String(pk); })[0];
    if (!city) { return; }
    state.map.setView([city.lat, city.lon], Math.max(state.map.getZoom(), window.CitydipCityLayer.SINGLE_FROM + 1));
    openCity(city);
  }

  window.CitydipMap = {state: state, update: update, readFilters: readFilters, focusCity: focusCity};
  loadData().then(function (raw) {
    state.timings.loaded = performance.now();
    state.data = D.decode(raw);
    state.timings.decoded = performance.now();
    window.CitydipMapUI.fillForm(form, state.data);
    window.CitydipMapUI.fillLegend(document.getElementById("map-legend"), state.data, LINE_COLOURS, PLACE_COLOUR);
    state.map = createMap(raw.outlines, state.data);
    window.CitydipMapUI.wire(form, root, state.map, VIEWS, update);
    state.timings.mapped = performance.now();
    update();
    state.timings.ready = performance.now();
    focusCity(new URLSearchParams(window.location.search).get("city"));
  }).catch(function (error) {
    document.getElementById("map-counts").textContent = "The map could not load its data: " + error.message;
    root.dataset.error = error.message;
  });
}());
