// Colour swatches: the colour comes from a data attribute and is set through the CSSOM (allowed by the CSP).
(function () {
  "use strict";
  document.querySelectorAll(".swatch[data-colour]").forEach(function (el) {
    el.style.backgroundColor = el.dataset.colour;
  });
})();
