"""Helpers of the survey's browser tests: a wave of the study's instrument, filling pages, axe-core.

Questions are answered by their XLSForm names and choice names, never by label, so one test runs
unchanged in every language of the instrument.
"""
import hashlib
from pathlib import Path

from citydip.survey.models import Questionnaire, Wave
from tests.survey.web_fixtures import make_place

ROOT = Path(__file__).resolve().parents[2]
INSTRUMENT = ROOT / "src" / "citydip" / "survey" / "instruments" / "eu_china_cities.xlsx"
AXE = ROOT / "tests" / "fixtures" / "survey" / "vendor" / "axe.min.js"
NEXT = "#page-form .form-actions button[value=next]"
SAMPLES = {"integer": 2005, "decimal": 1.5, "date": "2024-01-31"}


def instrument_wave():
    content = INSTRUMENT.read_bytes()
    questionnaire = Questionnaire.objects.create(
        form_id="eu_china_cities", filename=INSTRUMENT.name, content=content,
        checksum=hashlib.sha256(content).hexdigest(), languages=["en", "de", "fr", "es", "it", "pl"],
        default_language="en")
    return Wave.objects.create(name="Wave 1", questionnaire=questionnaire)


def chinese_places():
    rows = [("1791247", "Wuhan", "武汉"), ("1815286", "Chengdu", "成都"), ("1886760", "Suzhou", "苏州"),
            ("CN-SC", "Sichuan", "四川")]
    return [make_place(pid, name, zh, "province" if pid.startswith("CN-") else "prefecture") for pid, name, zh in rows]


def axe_violations(page):
    """Violations of impact serious or critical on the current page (axe-core, WCAG 2.x A/AA rules)."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        # page.add_script_tag would add an inline <script>, which the strict CSP (rightly) blocks; a
        # DevTools evaluation is not subject to CSP, so the pages are checked with their real policy.
        page.evaluate(AXE.read_text(encoding="utf-8") + "\n;undefined")
    result = page.evaluate("""async () => {
        const r = await axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']}});
        return r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
                 .map(v => ({id: v.id, impact: v.impact, nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 3)}));
    }""")
    return result


def visible_questions(page):
    """``[{"path", "name", "kind"}]`` of the questions shown on the page."""
    return page.evaluate("""() => Array.from(document.querySelectorAll('#page-form .question[data-path]'))
        .filter(el => el.offsetParent !== null)
        .map(el => {
            const path = el.getAttribute('data-path');
            const input = el.querySelector('input:not([type=hidden]), textarea, select');
            let kind = input ? (input.tagName === 'INPUT' ? input.type : input.tagName.toLowerCase()) : 'none';
            if (input && input.getAttribute('role') === 'combobox') kind = 'place';
            return {path, name: path.split('.').pop(), kind, type: el.getAttribute('data-type')};
        })""")


def fill_page(page, wanted, place_queries=(), prefix=""):
    """Answer every shown question (whose path starts with ``prefix``): ``wanted[name]`` where given,
    else the first choice or a sample."""
    places, answered = list(place_queries), set()
    while True:  # an answer may show further questions (skip logic live): answer those too
        new = [q for q in visible_questions(page) if q["path"].startswith(prefix) and q["path"] not in answered]
        if not new:
            return
        for question in new:
            answered.add(question["path"])
            answer_question(page, question, wanted, places)


def answer_question(page, question, wanted, places):
    path, name, kind = question["path"], question["name"], question["kind"]
    value = wanted.get(name, SAMPLES.get(question["type"]))
    if kind == "radio":
        selector = f'input[name="{path}"]' + (f'[value="{value}"]' if value else "")
        page.locator(selector).first.check()
    elif kind == "checkbox":
        for choice in value or [None]:
            selector = f'input[name="{path}"]' + (f'[value="{choice}"]' if choice else "")
            page.locator(selector).first.check()
    elif kind == "place":
        choose_place(page, path, places.pop(0) if places else "Wuhan")
    elif kind in ("text", "textarea", "date"):
        page.fill(f'[name="{path}"]', str(value if value is not None else "Office of international relations"))




def choose_place(page, path, query):
    field = page.locator(f'[name="{path}"]')
    field.fill("")
    field.press_sequentially(query[:3], delay=20)
    option = page.locator(f'#{field.get_attribute("aria-controls")} [role=option]').first
    option.wait_for(state="visible")
    option.click()


def next_page(page):
    with page.expect_navigation():
        page.click(NEXT)


def settle(page):
    """Wait for form.js's background save, so no request is running when the test database is flushed."""
    page.evaluate("() => window.CitydipForm ? window.CitydipForm.saveNow() : null")
