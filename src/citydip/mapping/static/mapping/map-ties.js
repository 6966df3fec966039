/* citydip map: ties (arcs) and partner places drawn on one canvas (window.CitydipTieLayer).
 *
 * Why not L.polyline / L.circleMarker with Leaflet's canvas renderer: at 26,000 ties they create and
 * project a LatLng object per vertex and a layer per place, about two seconds on a slow machine.
 * This layer keeps Web-Mercator coordinates in typed arrays, projects them with two multiplications
 * per point when the view changes, and draws each tie as one quadratic curve: tens of milliseconds.
 * Clicks are hit-tested against the drawn places (nearest within the symbol's radius). */
(function () {
  "use strict";
  var HALF = Math.PI * 6378137;

  var TieLayer = window.CitydipCanvasLayer.extend({
    options: {pane: "links", className: "citydip-ties", colours: {survey: "#D55E00", open: "#E69F00"},
              placeColour: "#009E73"},
    _places: [],

    setData: function (links, places, surveyBit, showLinks, showPlaces) {
      var n = links.length, coords = new Float64Array(n * 4), survey = new Uint8Array(n);
      links.forEach(function (link, i) {
        coords[i * 4] = link.city.mx;
        coords[i * 4 + 1] = link.city.my;
        coords[i * 4 + 2] = link.place.mx;
        coords[i * 4 + 3] = link.place.my;
        survey[i] = link.sources & surveyBit ? 1 : 0;
      });
      this._links = {coords: coords, survey: survey, n: showLinks ? n : 0};
      this._places = showPlaces ? places.map(function (entry) {
        return {entry: entry, x: entry.place.mx, y: entry.place.my, r: Math.min(12, 2.5 + Math.sqrt(entry.cities) * 1.5)};
      }).sort(function (a, b) { return b.r - a.r; }) : [];
      if (this._map) { this._redraw(); }
      return this;
    },

    /* Web-Mercator metres to canvas pixels at this view: x = ox + mx * k, y = oy - my * k (numbers, no
     * array per point: the loop over 26,000 ties calls nothing). */
    _draw: function (ctx, topLeft) {
      var scale = 256 * Math.pow(2, this._map.getZoom()), origin = this._map.getPixelOrigin().add(topLeft);
      this._k = scale / (2 * HALF);
      this._ox = scale / 2 - origin.x;
      this._oy = scale / 2 - origin.y;
      if (this._links) { this._drawLinks(ctx, 1, 0.6); this._drawLinks(ctx, 0, 0.35); }
      this._drawPlaces(ctx);
    },

    _drawLinks: function (ctx, surveyed, alpha) {
      var c = this._links.coords, s = this._links.survey, k = this._k, ox = this._ox, oy = this._oy;
      ctx.beginPath();
      for (var i = 0; i < this._links.n; i += 1) {
        if (s[i] !== surveyed) { continue; }
        var ax = ox + c[i * 4] * k, ay = oy - c[i * 4 + 1] * k, bx = ox + c[i * 4 + 2] * k, by = oy - c[i * 4 + 3] * k;
        var dx = bx - ax, dy = by - ay;
        ctx.moveTo(ax, ay);
        ctx.quadraticCurveTo((ax + bx) / 2 + dy * 0.15, (ay + by) / 2 - dx * 0.15, bx, by);
      }
      ctx.strokeStyle = this.options.colours[surveyed ? "survey" : "open"];
      ctx.globalAlpha = alpha;
      ctx.lineWidth = 0.8;
      ctx.stroke();
      ctx.globalAlpha = 1;
    },

    /* Places outside the view are skipped, and of places that fall on the same 2-pixel cell only the
     * first (the largest: setData sorts them so) is drawn: at the global list's 13,000 places most
     * overlap at continental zoom, and each circle drawn costs raster time. Only drawn places can be
     * clicked (this._drawn, hit-tested by CitydipCanvasLayer). */
    _drawPlaces: function (ctx) {
      var k = this._k, ox = this._ox, oy = this._oy, size = this._map.getSize(), cells = new Set(), drawn = [];
      ctx.fillStyle = this.options.placeColour;
      ctx.strokeStyle = "#ffffff";
      ctx.lineWidth = 0.6;
      ctx.globalAlpha = 0.85;
      this._places.forEach(function (p) {
        var x = ox + p.x * k, y = oy - p.y * k, cell = Math.round(x / 2) * 65536 + Math.round(y / 2);
        if (x < -p.r || y < -p.r || x > size.x + p.r || y > size.y + p.r || cells.has(cell)) { return; }
        cells.add(cell);
        drawn.push({x: x, y: y, r: p.r, entry: p.entry});
        ctx.beginPath();
        ctx.arc(x, y, p.r, 0, 2 * Math.PI);
        ctx.fill();
        ctx.stroke();
      });
      ctx.globalAlpha = 1;
      this._drawn = drawn;
    },

    _click: function (event) {
      var hit = this._hit(event.containerPoint);
      if (hit) { this.fire("placeclick", {entry: hit.entry, latlng: event.latlng}); }
    }
  });

  window.CitydipTieLayer = TieLayer;
}());
