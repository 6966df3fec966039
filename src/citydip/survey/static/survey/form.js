/* The respondent's form in the browser: live skip logic, background saves, place suggestions.
 *
 * Everything here is an improvement over plain HTML, never a requirement: without JavaScript the
 * server shows and hides questions page by page and every button still works. Expressions are
 * evaluated by expressions.js (the same grammar as the server, tested with the same vectors).
 */
(function () {
  "use strict";
  var form = document.getElementById("page-form");
  var summary = document.getElementById("error-summary");
  if (summary) { summary.focus(); }
  if (!form) { return; }

  var stored = JSON.parse((document.getElementById("survey-answers") || {}).textContent || "{}") || {};
  var skip = { csrfmiddlewaretoken: 1, page: 1, lang: 1, action: 1 };

  function parsePath(path) {
    return path.split(".").map(function (part) {
      var m = /^(.+?)(?:\[(\d+)\])?$/.exec(part);
      return { name: m[1], index: m[2] === undefined ? null : parseInt(m[2], 10) };
    });
  }

  function setPath(answers, path, value) {
    var steps = parsePath(path), target = answers;
    for (var i = 0; i < steps.length - 1; i++) {
      var step = steps[i];
      if (!Array.isArray(target[step.name])) { target[step.name] = []; }
      var list = target[step.name];
      while (list.length <= step.index) { list.push({}); }
      target = list[step.index];
    }
    var last = steps[steps.length - 1].name;
    if (value === "" || value === null || (Array.isArray(value) && value.length === 0)) { delete target[last]; }
    else { target[last] = value; }
  }

  /* The answers as the server would store them if the page were saved now. */
  function currentAnswers() {
    var answers = JSON.parse(JSON.stringify(stored)), seen = {};
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name || skip[el.name] || /\.__count$/.test(el.name)) { return; }
      var top = parsePath(el.name)[0].name;
      if (!seen[top]) { seen[top] = true; delete answers[top]; }
    });
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name || skip[el.name] || /\.__count$/.test(el.name) || el.type === "submit") { return; }
      if (el.type === "checkbox" && el.value !== "OK") {
        var chosen = Array.prototype.filter.call(form.querySelectorAll('input[type=checkbox]'), function (box) {
          return box.name === el.name && box.checked;
        }).map(function (box) { return box.value; });
        setPath(answers, el.name, chosen);
      } else if (el.type === "radio" || el.type === "checkbox") {
        if (el.checked) { setPath(answers, el.name, el.value); }
      } else {
        setPath(answers, el.name, el.value.trim());
      }
    });
    return answers;
  }

  /* The choice lists and files that instance('list')/root/item[...] expressions read (the server
     sends those the page's conditions need). */
  var instances = JSON.parse((document.getElementById("survey-instances") || {}).textContent || "{}") || {};

  function evaluateRelevant(expression, answers, path) {
    var engine = window.CitydipExpressions;
    if (!engine) { return null; }
    try { return engine.evaluateBool ? engine.evaluateBool(expression, answers, path, true, { instances: instances })
                                     : Boolean(engine.evaluate(expression, answers, path, { instances: instances })); }
    catch (error) { return true; }  /* the server decides; never hide a question because of a browser error */
  }

  /* The form's calculations outside repeats, recomputed in form order as on the server
     (skip_logic.calculate_all and answer_value), so that a condition may read them. */
  var calculations = JSON.parse((document.getElementById("survey-calculations") || {}).textContent || "[]") || [];

  function calculate(answers) {
    var engine = window.CitydipExpressions;
    if (!engine) { return answers; }
    calculations.forEach(function (calculation) {
      var value;
      try { value = engine.evaluate(calculation[1], answers, calculation[0], { instances: instances }); }
      catch (error) { return; }  /* as runtime.py: a failing calculation stays as it was */
      if (value instanceof engine.NodeSet) { value = engine.toString(value); }
      if (typeof value === "boolean") { value = value ? "true" : "false"; }
      if (typeof value === "number" && !isFinite(value)) { value = ""; }
      if (value === "" || value === null || value === undefined) { delete answers[calculation[0]]; }
      else { answers[calculation[0]] = value; }
    });
    return answers;
  }

  function applySkipLogic() {
    var answers = calculate(currentAnswers());
    Array.prototype.forEach.call(form.querySelectorAll("[data-relevant]"), function (el) {
      var shown = evaluateRelevant(el.getAttribute("data-relevant"), answers, el.getAttribute("data-path"));
      if (shown !== null) { el.hidden = !shown; }
    });
  }

  /* Background saves: answers reach the server when they change and when the page is left. */
  var dirty = false, timer = null, pending = null;
  function saveData() {
    var data = new FormData(form);
    data.set("action", "save");
    return data;
  }
  function saveNow() {
    if (!dirty) { return pending || Promise.resolve(); }
    dirty = false;
    pending = fetch(form.getAttribute("data-save-url"), { method: "POST", body: saveData(), credentials: "same-origin",
      keepalive: true, headers: { "X-Requested-With": "fetch" } }).catch(function () { dirty = true; });
    return pending;
  }
  function changed() {
    dirty = true;
    applySkipLogic();
    clearTimeout(timer);
    timer = setTimeout(saveNow, 600);
  }
  form.addEventListener("change", changed);
  form.addEventListener("input", function (event) {
    if (event.target.type !== "text" && event.target.tagName !== "TEXTAREA") { return; }
    dirty = true;
    clearTimeout(timer);
    timer = setTimeout(function () { applySkipLogic(); saveNow(); }, 1200);
  });
  form.addEventListener("submit", function () { dirty = false; clearTimeout(timer); });
  window.addEventListener("pagehide", function () {
    if (dirty && navigator.sendBeacon) { navigator.sendBeacon(form.getAttribute("data-save-url"), saveData()); dirty = false; }
  });
  Array.prototype.forEach.call(document.querySelectorAll(".language-switch a"), function (link) {
    link.addEventListener("click", function (event) {
      if (!dirty) { return; }
      event.preventDefault();
      saveNow().then(function () { window.location.href = link.href; });
    });
  });

  window.CitydipForm = { currentAnswers: currentAnswers, applySkipLogic: applySkipLogic, saveNow: saveNow };
  applySkipLogic();
})();
