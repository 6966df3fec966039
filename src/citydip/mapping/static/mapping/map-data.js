/* citydip map: decoding of the compact JSON rows and the filters (no DOM, no Leaflet).
 * Exposes window.CitydipMapData = {decode, apply, linkFilterActive, choroplethClass}. */
(function () {
  "use strict";

  var R = 6378137, MAX_LAT = 85.0511287798;

  /* Web-Mercator metres (EPSG:3857) of a latitude and longitude: the canvas layers draw from these. */
  function mercator(lat, lon) {
    var s = Math.sin(Math.max(Math.min(lat, MAX_LAT), -MAX_LAT) * Math.PI / 180);
    return [lon * Math.PI / 180 * R, R * Math.log((1 + s) / (1 - s)) / 2];
  }

  function withMercator(item) {
    var m = mercator(item.lat, item.lon);
    item.mx = m[0];
    item.my = m[1];
    return item;
  }

  function byPk(items) {
    var index = {};
    items.forEach(function (item) { index[item.pk] = item; });
    return index;
  }

  function decode(raw) {
    var meta = raw.cities, statuses = meta.statuses;
    var cities = meta.rows.map(function (r, i) {
      return withMercator({i: i, pk: r[0], id: r[1], name: r[2], country: r[3], lat: r[4], lon: r[5], pop: r[6],
                           size: r[7], status: statuses[r[8]].code, flags: r[9], links: [], mx: 0, my: 0});
    });
    var places = raw.places.rows.map(function (r, i) {
      return withMercator({i: i, pk: r[0], id: r[1], name: r[2], zh: r[3], lat: r[4], lon: r[5], level: r[6],
                           country: r[7], province: r[8], mx: 0, my: 0});
    });
    var cityIndex = byPk(cities), placeIndex = byPk(places);
    var kinds = raw.links.kinds, linkStatuses = raw.links.statuses;
    var links = [];
    raw.links.rows.forEach(function (r) {
      var city = cityIndex[r[0]], place = placeIndex[r[1]];
      if (!city || !place) { return; }
      var link = {city: city, place: place, kind: kinds[r[2]].code, year: r[3], status: linkStatuses[r[4]],
                  areas: r[5], sources: r[6]};
      city.links.push(link);
      links.push(link);
    });
    return {
      cities: cities, places: places, links: links, statuses: statuses,
      kinds: kinds, areas: raw.links.areas, sources: raw.links.sources,
      countries: meta.countries, sizeClasses: meta.size_classes, flags: meta.flags,
      provinces: raw.places.provinces, audience: meta.audience,
      surveyBit: 1 << raw.links.sources.indexOf("survey")
    };
  }

  function linkFilterActive(f) {
    return Boolean(f.kind || f.area >= 0 || f.source >= 0 || f.yearFrom || f.yearTo || !f.yearUnknown);
  }

  function linkPasses(link, f) {
    if (f.kind && link.kind !== f.kind) { return false; }
    if (f.area >= 0 && !(link.areas & (1 << f.area))) { return false; }
    if (f.source >= 0 && !(link.sources & (1 << f.source))) { return false; }
    if (link.year === null || link.year === undefined) { return f.yearUnknown; }
    if (f.yearFrom && link.year < f.yearFrom) { return false; }
    if (f.yearTo && link.year > f.yearTo) { return false; }
    return true;
  }

  function cityPasses(city, f) {
    return (!f.country || city.country === f.country) && (!f.size || city.size === f.size);
  }

  /* The cities, links, places and province counts that the filters let through. A city passes when
   * its country, size class and status pass and, if a filter on ties is set, it has a tie that passes.
   * A place's count is the number of distinct passing cities tied to it. Indexed by the positions that
   * decode() gives (typed arrays, no string keys): the global list's 26,000 ties filter in a few ms. */
  function apply(data, f) {
    var linkFilter = linkFilterActive(f), nPlaces = data.places.length;
    var links = [], statusCounts = {}, provinceCounts = {};
    var cityHasLink = new Uint8Array(data.cities.length), placeCount = new Int32Array(nPlaces);
    var pairs = new Set();
    data.links.forEach(function (link) {
      var city = link.city;
      if (!cityPasses(city, f) || !f.statuses[city.status] || !linkPasses(link, f)) { return; }
      links.push(link);
      cityHasLink[city.i] = 1;
      var place = link.place;
      if (place.province) { provinceCounts[place.province] = (provinceCounts[place.province] || 0) + 1; }
      var pair = city.i * nPlaces + place.i;
      if (!pairs.has(pair)) {
        pairs.add(pair);
        placeCount[place.i] += 1;
      }
    });
    var cities = [];
    data.cities.forEach(function (city) {
      if (!cityPasses(city, f)) { return; }
      if (linkFilter && !cityHasLink[city.i] && !hasPassingLink(city, f)) { return; }
      statusCounts[city.status] = (statusCounts[city.status] || 0) + 1;
      if (f.statuses[city.status]) { cities.push(city); }
    });
    var places = [];
    for (var i = 0; i < nPlaces; i += 1) {
      if (placeCount[i]) { places.push({place: data.places[i], cities: placeCount[i]}); }
    }
    return {cities: cities, links: links, places: places, statusCounts: statusCounts,
            provinceCounts: provinceCounts};
  }

  function hasPassingLink(city, f) {
    // Status counts in the legend count cities of every status that have a passing tie.
    return city.links.some(function (link) { return linkPasses(link, f); });
  }

  /* Choropleth classes on a doubling scale: 0 | 1 | 2-3 | 4-7 | 8-15 | 16+ */
  var CLASS_LABELS = ["0", "1", "2–3", "4–7", "8–15", "16+"];
  function choroplethClass(n) {
    if (!n) { return 0; }
    return Math.min(5, 1 + Math.floor(Math.log(n) / Math.LN2));
  }

  window.CitydipMapData = {decode: decode, apply: apply, linkFilterActive: linkFilterActive,
                           choroplethClass: choroplethClass, CLASS_LABELS: CLASS_LABELS};
}());
