/* citydip map: the frame's cities on one canvas, clustered by supercluster (window.CitydipCityLayer).
 *
 * Why not Leaflet.markercluster, used before: it makes a Leaflet marker per city and re-clusters all
 * of them on every filter change, and re-adds the visible ones on every zoom: 100-300 ms at 8,000
 * cities. supercluster (Mapbox's library, vendored) indexes 8,000 points in a few milliseconds; this
 * layer asks it for the clusters and cities in view and draws them on one canvas, the way
 * map-ties.js draws the ties. Clicks are hit-tested against what was drawn: a cluster zooms in to
 * where it splits, a city fires "cityclick" (map.js opens its popup). */
(function () {
  "use strict";
  var SINGLE_FROM = 7;  // from this zoom on, every city is drawn on its own
  var CLUSTER_FILL = "rgba(60,60,60,0.8)", CLUSTER_COOP = "rgba(213,94,0,0.88)";

  var CityLayer = window.CitydipCanvasLayer.extend({
    options: {pane: "cities", className: "citydip-cities", clusterRadius: 36, colourOf: null, radiusOf: null,
              isCoop: null},

    initialize: function (options) {
      L.setOptions(this, options);
      this._drawn = [];
      this._cities = [];
      this._features = [];
    },

    /* Index the cities to show (decoded cities: i, lat, lon, pop, status); redraw if on the map. Each
     * city's point feature is made once and reused by later filters. */
    setData: function (cities) {
      var isCoop = this.options.isCoop, features = this._features;
      this._cities = cities;
      this._index = new window.Supercluster({
        radius: this.options.clusterRadius, extent: 256, minZoom: 2, maxZoom: SINGLE_FROM - 1,
        map: function (props) { return {coop: props.coop}; },
        reduce: function (sum, props) { sum.coop += props.coop; }
      }).load(cities.map(function (city) {
        return features[city.i] || (features[city.i] = {
          type: "Feature", geometry: {type: "Point", coordinates: [city.lon, city.lat]},
          properties: {city: city, coop: isCoop(city) ? 1 : 0}});
      }));
      if (this._map) { this._redraw(); }
      return this;
    },

    count: function () { return this._cities.length; },

    /* What is drawn now, in container pixels: {x, y, count} for a cluster, {x, y, pk} for a city. */
    drawnItems: function () {
      return this._drawn.map(function (d) {
        return d.city ? {x: d.x, y: d.y, pk: d.city.pk} : {x: d.x, y: d.y, count: d.count};
      });
    },

    onAdd: function (map) {
      window.CitydipCanvasLayer.prototype.onAdd.call(this, map);
      map.on("mousemove", this._hover, this);
    },

    onRemove: function (map) {
      window.CitydipCanvasLayer.prototype.onRemove.call(this, map);
      map.off("mousemove", this._hover, this);
    },

    _draw: function (ctx) {
      var map = this._map;
      this._drawn = [];
      if (!this._index) { return; }
      var bounds = map.getBounds().pad(0.05), zoom = Math.round(map.getZoom());
      var features = this._index.getClusters([bounds.getWest(), bounds.getSouth(), bounds.getEast(),
                                              bounds.getNorth()], Math.min(zoom, SINGLE_FROM));
      var clusters = [], cities = [], self = this;
      features.forEach(function (feature) {
        var c = feature.geometry.coordinates, point = map.latLngToContainerPoint([c[1], c[0]]);
        var props = feature.properties;
        if (props.cluster) {
          var n = props.point_count;
          clusters.push({x: point.x, y: point.y, r: n < 10 ? 14 : (n < 100 ? 17 : 20), cluster: props.cluster_id,
                         count: n, coop: props.coop > 0});
        } else {
          cities.push({x: point.x, y: point.y, r: self.options.radiusOf(props.city), city: props.city,
                       colour: self.options.colourOf(props.city)});
        }
      });
      this._drawCities(ctx, cities);
      this._drawClusters(ctx, clusters);
      this._drawn = cities.concat(clusters);
    },

    /* One path per colour, filled once and outlined once (a fill and a stroke per city is what made
     * thousands of circles slow to draw). */
    _drawCities: function (ctx, cities) {
      var byColour = {};
      cities.forEach(function (d) { (byColour[d.colour] = byColour[d.colour] || []).push(d); });
      Object.keys(byColour).forEach(function (colour) {
        ctx.beginPath();
        byColour[colour].forEach(function (d) {
          ctx.moveTo(d.x + d.r, d.y);
          ctx.arc(d.x, d.y, d.r, 0, 2 * Math.PI);
        });
        ctx.globalAlpha = 0.9;
        ctx.fillStyle = colour;
        ctx.fill();
        ctx.globalAlpha = 1;
        ctx.lineWidth = 0.6;
        ctx.strokeStyle = "#333333";
        ctx.stroke();
      });
    },

    _drawClusters: function (ctx, clusters) {
      [false, true].forEach(function (coop) {
        ctx.beginPath();
        clusters.forEach(function (d) {
          if (d.coop !== coop) { return; }
          ctx.moveTo(d.x + d.r - 1, d.y);
          ctx.arc(d.x, d.y, d.r - 1, 0, 2 * Math.PI);
        });
        ctx.fillStyle = coop ? CLUSTER_COOP : CLUSTER_FILL;
        ctx.fill();
        ctx.lineWidth = 2;
        ctx.strokeStyle = "#ffffff";
        ctx.stroke();
      });
      ctx.fillStyle = "#ffffff";
      ctx.font = "600 12px system-ui, sans-serif";
      ctx.textAlign = "center";
      ctx.textBaseline = "middle";
      clusters.forEach(function (d) { ctx.fillText(String(d.count), d.x, d.y + 0.5); });
    },

    _click: function (event) {
      var hit = this._hit(event.containerPoint);
      if (!hit) { return; }
      if (hit.city) {
        this.fire("cityclick", {city: hit.city});
        return;
      }
      var zoom = Math.min(this._index.getClusterExpansionZoom(hit.cluster), SINGLE_FROM);
      this._map.setView(this._map.containerPointToLatLng([hit.x, hit.y]), Math.max(zoom, this._map.getZoom() + 1));
    },

    _hover: function (event) {
      this._map.getContainer().style.cursor = this._hit(event.containerPoint) ? "pointer" : "";
    }
  });

  window.CitydipCityLayer = CityLayer;
  window.CitydipCityLayer.SINGLE_FROM = SINGLE_FROM;
}());
