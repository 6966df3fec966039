/* Place suggestions for a partner-city field (WAI-ARIA combobox with a list box).
 *
 * The official types a name in any spelling; the server (gazetteer) suggests places; choosing one
 * fills the hidden place id next to the typed text. Typing again clears the choice, so the text and
 * the place never disagree. Without JavaScript the text alone is stored and matched later.
 */
(function () {
  "use strict";
  var form = document.getElementById("page-form");
  if (!form) { return; }
  var url = form.getAttribute("data-suggest-url");

  function setup(input) {
    var list = document.getElementById(input.getAttribute("aria-controls"));
    var hidden = document.getElementById(input.getAttribute("data-place-input"));
    var chosen = document.getElementById(hidden.id + "-chosen");
    var results = [], active = -1, timer = null, typed = input.value;

    function close() {
      list.hidden = true; input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant"); active = -1;
    }
    function describe(place) {
      return place.name + (place.name_zh ? " " + place.name_zh : "") + (place.province ? " (" + place.province + ")" : "");
    }
    function show(places) {
      results = places; list.innerHTML = ""; active = -1;
      places.forEach(function (place, i) {
        var option = document.createElement("li");
        option.id = list.id + "-" + i; option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false"); option.textContent = describe(place);
        option.addEventListener("mousedown", function (event) { event.preventDefault(); choose(i); });
        list.appendChild(option);
      });
      list.hidden = places.length === 0;
      input.setAttribute("aria-expanded", places.length ? "true" : "false");
    }
    function highlight(i) {
      Array.prototype.forEach.call(list.children, function (option, j) {
        option.setAttribute("aria-selected", j === i ? "true" : "false");
      });
      active = i;
      if (i >= 0) { input.setAttribute("aria-activedescendant", list.children[i].id); }
    }
    function choose(i) {
      var place = results[i];
      input.value = place.name; typed = input.value; hidden.value = place.place_id;
      chosen.textContent = describe(place);
      close();
      form.dispatchEvent(new Event("change"));
    }
    function fetchSuggestions() {
      var q = input.value.trim();
      if (q.length < 2) { show([]); return; }
      fetch(url + "?q=" + encodeURIComponent(q), { credentials: "same-origin" })
        .then(function (r) { return r.ok ? r.json() : { results: [] }; })
        .then(function (data) { if (input.value.trim() === q) { show(data.results || []); } })
        .catch(function () { show([]); });
    }
    input.addEventListener("input", function () {
      if (input.value !== typed) { hidden.value = ""; chosen.textContent = ""; }
      clearTimeout(timer); timer = setTimeout(fetchSuggestions, 200);
    });
    input.addEventListener("keydown", function (event) {
      if (list.hidden) { return; }
      if (event.key === "ArrowDown") { event.preventDefault(); highlight(Math.min(active + 1, results.length - 1)); }
      else if (event.key === "ArrowUp") { event.preventDefault(); highlight(Math.max(active - 1, 0)); }
      else if (event.key === "Enter" && active >= 0) { event.preventDefault(); choose(active); }
      else if (event.key === "Escape") { close(); }
    });
    input.addEventListener("blur", function () { setTimeout(close, 150); });
  }

  Array.prototype.forEach.call(form.querySelectorAll("input[data-place-input]"), setup);
})();
