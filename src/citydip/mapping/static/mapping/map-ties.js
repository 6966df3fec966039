/* citydip map: ties (arcs) and partner places drawn on one canvas (window.CitydipTieLayer).
 *
 * Why not L.polyline / L.circleMarker with Leaflet's canvas renderer: at 26,000 ties they create and
 * project a LatLng object per vertex and a layer per place, about two seconds on a slow machine.
 * This layer keeps Web-Mercator coordinates in typed arrays, projects them with two multiplications
 * per point when the view changes, and draws each tie as one quadratic curve: tens of milliseconds.
 * Clicks are hit-tested against the drawn places (nearest within the symbol's radius). */
(function () {
  "use strict";
  var R = 6378137, HALF = Math.PI * R, MAX_LAT = 85.0511287798;

  function mercator(lat, lon) {
    var s = Math.sin(Math.max(Math.min(lat, MAX_LAT), -MAX_LAT) * Math.PI / 180);
    return [lon * Math.PI / 180 * R, R * Math.log((1 + s) / (1 - s)) / 2];
  }

  var TieLayer = L.Layer.extend({
    options: {pane: "links", colours: {survey: "#D55E00", open: "#E69F00"}, placeColour: "#009E73"},
    _places: [],

    setData: function (links, places, surveyBit, showLinks, showPlaces) {
      var n = links.length, coords = new Float64Array(n * 4), survey = new Uint8Array(n);
      links.forEach(function (link, i) {
        var a = mercator(link.city.lat, link.city.lon), b = mercator(link.place.lat, link.place.lon);
        coords.set([a[0], a[1], b[0], b[1]], i * 4);
        survey[i] = link.sources & surveyBit ? 1 : 0;
      });
      this._links = {coords: coords, survey: survey, n: showLinks ? n : 0};
      this._places = showPlaces ? places.map(function (entry) {
        var m = mercator(entry.place.lat, entry.place.lon);
        return {entry: entry, x: m[0], y: m[1], r: Math.min(12, 2.5 + Math.sqrt(entry.cities) * 1.5)};
      }) : [];
      if (this._map) { this._redraw(); }
      return this;
    },

    onAdd: function (map) {
      this._canvas = L.DomUtil.create("canvas", "citydip-ties leaflet-zoom-hide");
      this.getPane().appendChild(this._canvas);
      map.on("moveend resize", this._redraw, this);
      map.on("click", this._click, this);
      this._redraw();
    },

    onRemove: function (map) {
      L.DomUtil.remove(this._canvas);
      map.off("moveend resize", this._redraw, this);
      map.off("click", this._click, this);
    },

    _toLayer: function (x, y, scale, origin) {
      return [scale * (0.5 + x / (2 * HALF)) - origin.x, scale * (0.5 - y / (2 * HALF)) - origin.y];
    },

    _redraw: function () {
      var map = this._map, size = map.getSize(), ratio = window.devicePixelRatio || 1;
      var topLeft = map.containerPointToLayerPoint([0, 0]);
      var canvas = this._canvas, ctx = canvas.getContext("2d");
      L.DomUtil.setPosition(canvas, topLeft);
      canvas.width = size.x * ratio;
      canvas.height = size.y * ratio;
      canvas.style.width = size.x + "px";
      canvas.style.height = size.y + "px";
      ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
      this._scale = 256 * Math.pow(2, map.getZoom());
      this._origin = map.getPixelOrigin().add(topLeft);
      if (this._links) { this._drawLinks(ctx, 1, 0.6); this._drawLinks(ctx, 0, 0.35); }
      this._drawPlaces(ctx);
    },

    _drawLinks: function (ctx, surveyed, alpha) {
      var c = this._links.coords, s = this._links.survey, scale = this._scale, origin = this._origin;
      ctx.beginPath();
      for (var i = 0; i < this._links.n; i += 1) {
        if (s[i] !== surveyed) { continue; }
        var a = this._toLayer(c[i * 4], c[i * 4 + 1], scale, origin);
        var b = this._toLayer(c[i * 4 + 2], c[i * 4 + 3], scale, origin);
        var dx = b[0] - a[0], dy = b[1] - a[1];
        ctx.moveTo(a[0], a[1]);
        ctx.quadraticCurveTo((a[0] + b[0]) / 2 + dy * 0.15, (a[1] + b[1]) / 2 - dx * 0.15, b[0], b[1]);
      }
      ctx.strokeStyle = this.options.colours[surveyed ? "survey" : "open"];
      ctx.globalAlpha = alpha;
      ctx.lineWidth = 0.8;
      ctx.stroke();
      ctx.globalAlpha = 1;
    },

    _drawPlaces: function (ctx) {
      var scale = this._scale, origin = this._origin, self = this;
      ctx.fillStyle = this.options.placeColour;
      ctx.strokeStyle = "#ffffff";
      ctx.lineWidth = 0.6;
      ctx.globalAlpha = 0.85;
      this._places.forEach(function (p) {
        var xy = self._toLayer(p.x, p.y, scale, origin);
        p.px = xy;
        ctx.beginPath();
        ctx.arc(xy[0], xy[1], p.r, 0, 2 * Math.PI);
        ctx.fill();
        ctx.stroke();
      });
      ctx.globalAlpha = 1;
    },

    /* The place under a click, if any: the nearest drawn place within its radius (plus 3 px). */
    _click: function (event) {
      var point = event.containerPoint, best = null, bestDistance = Infinity;
      this._places.forEach(function (p) {
        if (!p.px) { return; }
        var d = Math.hypot(p.px[0] - point.x, p.px[1] - point.y);
        if (d <= p.r + 3 && d < bestDistance) { best = p; bestDistance = d; }
      });
      if (best) { this.fire("placeclick", {entry: best.entry, latlng: event.latlng}); }
    }
  });

  window.CitydipTieLayer = TieLayer;
}());
