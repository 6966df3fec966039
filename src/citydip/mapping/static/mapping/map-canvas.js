/* citydip map: what the two canvas layers (ties, cities) share (window.CitydipCanvasLayer).
 *
 * One canvas over the map's view, in the layer's pane, redrawn after each move, zoom or resize.
 * Subclasses implement _draw(ctx, topLeft), which lists what it drew in this._drawn ({x, y, r} in
 * container pixels), and _click(event), which can ask _hit for the item under the pointer. The bitmap is
 * reallocated only when the view's size changes; otherwise it is cleared (reallocating it at every
 * redraw cost a frame). */
(function () {
  "use strict";

  window.CitydipCanvasLayer = L.Layer.extend({
    _drawn: [],

    onAdd: function (map) {
      this._canvas = L.DomUtil.create("canvas", this.options.className + " leaflet-zoom-hide");
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

    _redraw: function () {
      var map = this._map, size = map.getSize(), ratio = window.devicePixelRatio || 1;
      var canvas = this._canvas, ctx = canvas.getContext("2d"), topLeft = map.containerPointToLayerPoint([0, 0]);
      L.DomUtil.setPosition(canvas, topLeft);
      if (canvas.width !== Math.round(size.x * ratio) || canvas.height !== Math.round(size.y * ratio)) {
        canvas.width = Math.round(size.x * ratio);
        canvas.height = Math.round(size.y * ratio);
        canvas.style.width = size.x + "px";
        canvas.style.height = size.y + "px";
      } else {
        ctx.setTransform(1, 0, 0, 1, 0, 0);
        ctx.clearRect(0, 0, canvas.width, canvas.height);
      }
      ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
      this._draw(ctx, topLeft);
    },

    /* The drawn item under a container point: the nearest within its radius (plus 3 px); the last
     * drawn wins a tie, as it is the one on top. */
    _hit: function (point) {
      var best = null, bestDistance = Infinity;
      for (var i = this._drawn.length - 1; i >= 0; i -= 1) {
        var d = this._drawn[i], distance = Math.hypot(d.x - point.x, d.y - point.y);
        if (distance <= d.r + 3 && distance < bestDistance) { best = d; bestDistance = distance; }
      }
      return best;
    }
  });
}());
