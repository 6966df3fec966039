"""A corpus of 27 XLSForms written for these tests in the documented shapes of ODK, KoboToolbox and
SurveyCTO forms (tests/fixtures/survey/corpus/): household rosters, a health facility assessment,
cascading selects from CSV, XML and GeoJSON files, choice-label lookups through secondary instances
and jr:itext, range/rank/trigger, metadata, blank names, nested repeats, multilingual forms with
per-language hints and media columns, a CSV-format form and a 600-row two-language form.

For each form: it loads; check-form reports it; pyxform's XForm of the same form has as many
questions, groups, repeats, bindings and languages as the engine's model; a filled submission
round-trips through the JSON API; and headless Chromium renders every page the answers lead to
(one browser for all forms).
"""
import json
import random
import re
from pathlib import Path
from xml.etree import ElementTree

import pytest
from django.test import Client

from citydip.survey import tokens
from citydip.survey.commands.check_form import check, summary
from citydip.survey.models import AccessToken, Response
from citydip.survey.page_fields import field_id
from citydip.survey.page_flow import Flow, page_key
from citydip.survey.respond_answers import prune_all
from citydip.survey.review import load_wave_form
from citydip.survey.synthetic import AnswerGenerator
from citydip.survey.xlsform import calculated, fields, is_relevant, load_form, to_xform
from citydip.survey.xlsform.model import STORED_META_TYPES
from tests.survey.web_fixtures import make_city, make_wave

CORPUS = Path(__file__).resolve().parent.parent / "fixtures" / "survey" / "corpus"
FORMS = sorted(p for p in CORPUS.iterdir() if p.name[:2].isdigit() and p.suffix in (".md", ".csv", ".xlsx", ".xls"))
X = {"h": "http://www.w3.org/1999/xhtml", "x": "http://www.w3.org/2002/xforms"}


def test_the_corpus_has_at_least_25_forms():
    assert len(FORMS) >= 25


@pytest.mark.parametrize("path", FORMS, ids=lambda p: p.stem)
def test_it_loads_and_check_form_reports_it(path):
    lines = summary(check(path))
    assert lines[0].startswith("form ") and lines[-1] == f"ok: {path.name} loads and renders"
    assert not any(line.startswith("expression failures") for line in lines)


def xform_counts(xml):
    root = ElementTree.fromstring(xml)
    model = root.find("h:head/x:model", X)
    primary = model.find("x:instance", X)[0]
    leaves = {"/" + "/".join(path) for path in _leaf_paths(primary, [primary.tag.split("}")[-1]])}
    binds = [b for b in model.findall("x:bind", X) if "/meta/" not in b.get("nodeset")]
    body = root.find("h:body", X)
    repeats = body.findall(".//x:repeat", X)
    wrappers = {id(g) for g in body.iter(f"{{{X['x']}}}group") if g.find("x:repeat", X) is not None}
    languages = {t.get("lang") for t in model.findall("x:itext/x:translation", X)} - {"default"}
    return {
        "questions": sum(1 for b in binds if b.get("nodeset") in leaves),
        "groups": sum(1 for g in body.iter(f"{{{X['x']}}}group") if id(g) not in wrappers),
        "repeats": len(repeats),
        "relevant": sum(1 for b in binds if b.get("relevant")),
        "constraint": sum(1 for b in binds if b.get("constraint")),
        "calculate": sum(1 for b in binds if b.get("calculate")),
        "languages": {re.search(r"\((\w+)\)", lang).group(1) if "(" in lang else lang for lang in languages},
    }


def _leaf_paths(element, path):
    for child in element:
        name = child.tag.split("}")[-1]
        if child.get("{http://openrosa.org/javarosa}template") is not None:
            continue  # a repeat's template: the same nodes again
        if len(child):
            yield from _leaf_paths(child, path + [name])
        elif name != "instanceID":
            yield path + [name]


def model_counts(form):
    nodes = list(form.walk())
    return {
        "questions": len(form.questions()),
        "groups": len(form.groups()),
        "repeats": len(form.repeats()),
        "relevant": sum(1 for n in nodes if n.relevant),
        "constraint": sum(1 for n in nodes if getattr(n, "constraint", "")),
        "calculate": sum(1 for n in nodes if getattr(n, "calculation", "")),
        "languages": {code for code in form.languages if code != "und"},
    }


@pytest.mark.parametrize("path", FORMS, ids=lambda p: p.stem)
def test_it_counts_what_pyxforms_xform_has(path):
    form = load_form(path)
    theirs, mine = xform_counts(to_xform(path)), model_counts(form)
    if any(p.code == "SURVEY-W005" for p in form.problems):  # an unsupported function: that binding is dropped
        for key in ("relevant", "constraint", "calculate"):
            theirs.pop(key), mine.pop(key)
    if not theirs["languages"]:  # one language without a code: pyxform writes no translations
        theirs.pop("languages"), mine.pop("languages")
    assert mine == theirs


# Answers the generator cannot guess (texts that must match a pattern), by form.
PRESETS = {
    "household_roster": {"hh_id": "KR0042"},
    "constraints": {"phone": "+48123456789", "email": "ana@example.org", "postcode": "31005", "initials": "AK"},
}


def generated(form, seed):
    answers = AnswerGenerator(form, random.Random(seed), form.default_language).generate(PRESETS.get(form.form_id))
    return prune_all(form, answers)


@pytest.mark.parametrize("path", FORMS, ids=lambda p: p.stem)
def test_a_filled_submission_round_trips_through_the_json_api(db, path):
    wave = make_wave(path, name=path.stem)
    form = load_wave_form(wave)
    token = tokens.issue(wave, make_city(), form.default_language, AccessToken.Kind.TEST)
    answers = generated(form, 7)
    posted = {k: v for k, v in answers.items() if not _is_calculated_or_meta(form, k)}
    reply = Client().post(f"/api/v1/responses/{token}", json.dumps({"answers": posted, "submit": True}),
                          content_type="application/json")
    assert reply.status_code == 200, reply.content.decode()[:1500]
    stored = Client().get(f"/api/v1/responses/{token}").json()
    assert stored["state"] == "complete"
    kept = {k: v for k, v in stored["answers"].items() if not _is_meta(form, k)}
    assert {k: v for k, v in kept.items() if not _is_calculated_or_meta(form, k)} == posted
    assert Response.objects.get().answers == stored["answers"]
    for question in form.questions():
        if question.type in STORED_META_TYPES:
            assert stored["answers"].get(question.name), f"{question.type} is stored at submission"


def _is_meta(form, name):
    return any(q.name == name and q.is_meta for q in form.questions())


def _is_calculated_or_meta(form, name):
    return any(q.name == name and (q.type == "calculate" or q.is_meta) for q in form.questions())


def test_chromium_renders_every_page_of_every_form(transactional_db, live_server, page):
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    for path in FORMS:
        wave = make_wave(path, name=path.stem)
        form = load_wave_form(wave)
        city = make_city(f"City {path.stem[:2]}", "FR", f"FR{path.stem[:2]}9C")
        token = tokens.issue(wave, city, form.default_language, AccessToken.Kind.TEST)
        answers = generated(form, 3)
        Response.objects.filter(wave=wave).update(answers=answers, state="partial")
        for shown in Flow(form, answers).relevant:
            reply = page.goto(f"{live_server.url}/survey/r/{token}/?page={page_key(shown)}")
            assert reply.status == 200, f"{path.name} page {page_key(shown)}"
            assert page.locator("#page-form").count() == 1, f"{path.name} page {page_key(shown)}"
            for question, field_path in fields(shown.nodes, answers):
                if question.is_input and question.type != "rank":
                    visible = page.locator(f"#{field_id(field_path)}, [id^='{field_id(field_path)}-']")
                    assert visible.count() >= 1, f"{path.name}: {field_path} is not on page {page_key(shown)}"
    assert errors == []


def test_the_browser_recomputes_calculations_and_reads_instances_as_the_server(transactional_db, live_server, page):
    """08_label_lookup_itext: `planting` is shown when a calculation read from the crop list says
    'wet', `rain_notes` when an instance() path does; both change live as the crop changes."""
    wave = make_wave(CORPUS / "08_label_lookup_itext.md", name="crops")
    token = tokens.issue(wave, make_city(), "en", AccessToken.Kind.TEST)
    page.goto(f"{live_server.url}/survey/r/{token}/")
    planting, notes = page.locator("#f-planting").locator("xpath=ancestor::*[@data-relevant][1]"), \
        page.locator("#f-rain_notes").locator("xpath=ancestor::*[@data-relevant][1]")
    assert planting.is_hidden() and notes.is_hidden()
    page.check("input[name=crop][value=maize]")
    assert planting.is_visible() and notes.is_visible()
    page.check("input[name=crop][value=sorghum]")
    assert planting.is_hidden() and notes.is_hidden()
    page.wait_for_load_state("networkidle")  # the background save of the changed answer has finished
    page.goto("about:blank")
    form = load_wave_form(wave)
    for crop, shown in (("maize", True), ("sorghum", False)):  # the server's verdicts, the same
        answers = calculated(form, {"crop": crop})
        assert is_relevant(form, form.node("planting"), answers) is shown
        assert is_relevant(form, form.node("rain_notes"), answers) is shown
