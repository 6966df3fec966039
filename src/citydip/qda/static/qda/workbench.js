// The coding workbench: select text, apply codes, see coded stretches, write memos.
// Offsets sent to and read from the server are CHARACTER offsets (Unicode code points), as REFI-QDA
// counts them; JavaScript strings count UTF-16 units, so every offset is converted at the boundary.
// No inline script or style (strict CSP): colours are set through element.style (CSSOM).
(function () {
  "use strict";
  var root = document.getElementById("workbench");
  if (!root) { return; }
  var textBox = document.getElementById("doc-text");
  var text = textBox.textContent;
  var codes = {};
  JSON.parse(document.getElementById("qda-codes").textContent).forEach(function (c) { codes[c.id] = c; });
  var state = { segments: [], memos: [], selection: null };

  // --- offsets: code points <-> UTF-16 units ---------------------------------------------------
  var u16OfCp = [0];
  (function () {
    var u16 = 0;
    for (var ch of text) { u16 += ch.length; u16OfCp.push(u16); }
  })();
  function cpOfU16(u16) {
    var lo = 0, hi = u16OfCp.length - 1;
    while (lo < hi) { var mid = (lo + hi) >> 1; if (u16OfCp[mid] < u16) { lo = mid + 1; } else { hi = mid; } }
    return lo;
  }

  // --- server -------------------------------------------------------------------------------------
  function send(url, body) {
    return fetch(url, {
      method: "POST", credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRFToken": root.dataset.csrf },
      body: JSON.stringify(body || {})
    }).then(function (r) { return r.json().then(function (data) { if (!r.ok) { throw data; } return data; }); });
  }
  function shownCoders() {
    return Array.prototype.filter.call(document.querySelectorAll(".coder-toggle"), function (el) { return el.checked; })
      .map(function (el) { return el.value; });
  }
  function load() {
    var url = root.dataset.codingUrl + "?coders=" + shownCoders().join(",");
    return fetch(url, { credentials: "same-origin" }).then(function (r) { return r.json(); }).then(function (data) {
      state.segments = data.segments;
      state.memos = data.memos;
      render();
    });
  }

  // --- rendering ----------------------------------------------------------------------------------
  function render() {
    var cuts = new Set([0, text.length]);
    state.segments.forEach(function (s) { cuts.add(u16OfCp[s.start]); cuts.add(u16OfCp[s.end]); });
    var points = Array.from(cuts).sort(function (a, b) { return a - b; });
    textBox.textContent = "";
    for (var i = 0; i + 1 < points.length; i++) {
      var a = points[i], b = points[i + 1];
      var covering = state.segments.filter(function (s) { return u16OfCp[s.start] <= a && u16OfCp[s.end] >= b; });
      if (!covering.length) { textBox.appendChild(document.createTextNode(text.slice(a, b))); continue; }
      var span = document.createElement("span");
      span.className = "coded" + (covering.length > 1 ? " multi" : "") + (covering.every(function (s) { return !s.mine; }) ? " other" : "");
      span.textContent = text.slice(a, b);
      span.style.backgroundColor = (codes[covering[covering.length - 1].code] || {}).colour || "#ffd54f";
      span.title = covering.map(function (s) { return (codes[s.code] || {}).name + " (" + s.coder + ")"; }).join("; ");
      span.dataset.segments = covering.map(function (s) { return s.id; }).join(",");
      textBox.appendChild(span);
    }
    renderSegments();
    renderMemos();
  }
  function excerpt(s) {
    var t = text.slice(u16OfCp[s.start], u16OfCp[s.end]).replace(/\s+/g, " ");
    return t.length > 70 ? t.slice(0, 67) + "…" : t;
  }
  function renderSegments() {
    var list = document.getElementById("segment-list");
    list.textContent = "";
    var target = document.getElementById("memo-target");
    Array.prototype.slice.call(target.options).forEach(function (o) { if (o.value.indexOf("segment:") === 0) { o.remove(); } });
    state.segments.forEach(function (s) {
      var li = document.createElement("li");
      li.dataset.segment = s.id;
      var sw = document.createElement("span");
      sw.className = "swatch";
      sw.style.backgroundColor = (codes[s.code] || {}).colour;
      li.appendChild(sw);
      li.appendChild(document.createTextNode(" " + (codes[s.code] || {}).name + " · " + s.coder + " · “" + excerpt(s) + "” "));
      if (s.mine) {
        var del = document.createElement("button");
        del.type = "button"; del.className = "secondary"; del.textContent = "remove";
        del.addEventListener("click", function () { removeSegment(s.id); });
        li.appendChild(del);
      }
      list.appendChild(li);
      var opt = document.createElement("option");
      opt.value = "segment:" + s.id;
      opt.textContent = "segment " + (codes[s.code] || {}).name + ": " + excerpt(s);
      target.appendChild(opt);
    });
  }
  function renderMemos() {
    var list = document.getElementById("memo-list");
    list.textContent = "";
    state.memos.forEach(function (m) {
      var li = document.createElement("li");
      li.textContent = "[" + m.target + "] " + m.author + ": " + m.text;
      list.appendChild(li);
    });
  }

  // --- selection and actions ----------------------------------------------------------------------
  function offsetIn(node, offset) {
    var range = document.createRange();
    range.selectNodeContents(textBox);
    range.setEnd(node, offset);
    return range.toString().length;
  }
  function readSelection() {
    var sel = window.getSelection();
    if (!sel.rangeCount || sel.isCollapsed) { return null; }
    var range = sel.getRangeAt(0);
    if (!textBox.contains(range.startContainer) || !textBox.contains(range.endContainer)) { return null; }
    var start = cpOfU16(offsetIn(range.startContainer, range.startOffset));
    var end = cpOfU16(offsetIn(range.endContainer, range.endOffset));
    return end > start ? { start: start, end: end } : null;
  }
  function noteSelection() {
    var chosen = readSelection();
    if (chosen) {
      state.selection = chosen;
      document.getElementById("selection-info").textContent = "Selected characters " + chosen.start + "–" + chosen.end + ".";
    }
  }
  function showError(err) {
    document.getElementById("coding-error").textContent = (err && err.error) ? err.error : String(err);
  }
  function applyCodes() {
    noteSelection();
    var chosen = Array.prototype.filter.call(document.querySelectorAll("input[name=code]"), function (el) { return el.checked; })
      .map(function (el) { return Number(el.value); });
    if (!state.selection) { showError({ error: "Select some text first." }); return; }
    if (!chosen.length) { showError({ error: "Tick one or more codes." }); return; }
    showError("");
    send(root.dataset.addUrl, { start: state.selection.start, end: state.selection.end, codes: chosen })
      .then(function () { state.selection = null; window.getSelection().removeAllRanges(); return load(); })
      .then(function () { document.getElementById("selection-info").textContent = "Coded."; })
      .catch(showError);
  }
  function removeSegment(id) {
    send(root.dataset.deleteUrl.replace("/0/", "/" + id + "/")).then(load).catch(showError);
  }
  function addMemo() {
    var parts = document.getElementById("memo-target").value.split(":");
    var box = document.getElementById("memo-text");
    send(root.dataset.memoUrl, { target: parts[0], target_id: Number(parts[1]), text: box.value })
      .then(function () { box.value = ""; return load(); }).catch(showError);
  }

  textBox.addEventListener("mouseup", noteSelection);
  textBox.addEventListener("keyup", noteSelection);
  document.getElementById("apply-codes").addEventListener("click", applyCodes);
  document.getElementById("add-memo").addEventListener("click", addMemo);
  document.querySelectorAll(".coder-toggle").forEach(function (el) { el.addEventListener("change", load); });
  load();
})();
