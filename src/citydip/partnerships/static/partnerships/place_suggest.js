// Type-ahead for the "place id" fields of the review queue: asks /gazetteer/suggest and fills a datalist.
(function () {
  "use strict";
  document.querySelectorAll("input[data-suggest-url]").forEach(function (input) {
    var list = document.getElementById(input.getAttribute("list"));
    var timer = null;
    input.addEventListener("input", function () {
      clearTimeout(timer);
      var q = input.value.trim();
      if (q.length < 2 || /^\d+$|^CN-/i.test(q)) { return; }
      timer = setTimeout(function () {
        fetch(input.dataset.suggestUrl + "?q=" + encodeURIComponent(q), {credentials: "same-origin"})
          .then(function (response) { return response.ok ? response.json() : {results: []}; })
          .then(function (data) {
            list.replaceChildren();
            data.results.forEach(function (place) {
              var option = document.createElement("option");
              option.value = place.place_id;
              option.label = place.name + " " + place.name_zh + " (" + place.province + ", " + place.level + ")";
              list.appendChild(option);
            });
          });
      }, 200);
    });
  });
})();
