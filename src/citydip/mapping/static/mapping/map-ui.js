/* citydip map: the filter form and the legend, filled from the data (window.CitydipMapUI). */
(function () {
  "use strict";

  function option(select, value, label) {
    var o = document.createElement("option");
    o.value = value;
    o.textContent = label;
    select.appendChild(o);
  }

  function fillForm(form, data) {
    var e = form.elements;
    Object.keys(data.countries).forEach(function (iso) { option(e.country, iso, data.countries[iso] + " (" + iso + ")"); });
    data.sizeClasses.forEach(function (label) { option(e.size, label, label); });
    data.kinds.forEach(function (k) { option(e.kind, k.code, k.label); });
    data.areas.forEach(function (a, i) { option(e.area, String(i), a); });
    data.sources.forEach(function (s, i) { option(e.source, String(i), s); });
    var box = document.getElementById("f-statuses");
    data.statuses.forEach(function (s) {
      var label = document.createElement("label"), input = document.createElement("input");
      label.className = "inline";
      input.type = "checkbox";
      input.name = "status-" + s.code;
      input.checked = input.defaultChecked = true;
      var swatch = document.createElement("span");
      swatch.className = "swatch status-" + s.code;
      var count = document.createElement("span");
      count.className = "muted";
      count.setAttribute("data-status-count", s.code);
      label.appendChild(input);
      label.appendChild(swatch);
      label.appendChild(document.createTextNode(" " + s.label + " "));
      label.appendChild(count);
      box.appendChild(label);
    });
  }

  function item(list, swatchClass, text) {
    var li = document.createElement("li"), swatch = document.createElement("span");
    swatch.className = "swatch " + swatchClass;
    li.appendChild(swatch);
    li.appendChild(document.createTextNode(" " + text));
    list.appendChild(li);
  }

  function fillLegend(legend, data) {
    var heading = document.createElement("h2");
    heading.textContent = "Legend";
    legend.appendChild(heading);
    var list = document.createElement("ul");
    data.statuses.forEach(function (s) { item(list, "status-" + s.code, s.label + " (EU city; size = population)"); });
    item(list, "line-survey", "tie confirmed by the survey");
    item(list, "line-open", "tie from open data");
    item(list, "place", "partner place (size = number of EU partners)");
    legend.appendChild(list);
    var choro = document.createElement("p");
    choro.textContent = "Provinces: number of ties";
    legend.appendChild(choro);
    var scale = document.createElement("ul");
    scale.className = "choro-scale";
    window.CitydipMapData.CLASS_LABELS.forEach(function (label, i) { item(scale, "choro-" + i, label); });
    legend.appendChild(scale);
    var synthetic = data.cities.some(function (c) { return c.flags & data.flags.synthetic; });
    if (synthetic) {
      var note = document.createElement("p");
      note.innerHTML = "<span class='badge synthetic'>synthetic</span> Some survey answers are demo data.";
      legend.appendChild(note);
    }
  }

  function wire(form, root, map, views, update) {
    form.addEventListener("change", update);
    form.addEventListener("reset", function () { window.setTimeout(update, 0); });
    form.addEventListener("submit", function (event) { event.preventDefault(); update(); });
    root.querySelectorAll("[data-view]").forEach(function (button) {
      button.addEventListener("click", function () { map.fitBounds(views[button.dataset.view]); });
    });
  }

  window.CitydipMapUI = {fillForm: fillForm, fillLegend: fillLegend, wire: wire};
}());
