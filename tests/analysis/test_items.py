"""Every item of the instrument is analysed (or deliberately left to reading), and the item tables of
`citydip analyze` count what the answers say, including the non-cooperating branch and ended ties."""
import json
import random

import pandas as pd
import pytest
from django.core.management import call_command

from citydip.analysis.items import COVERAGE, DESCRIPTIVE_ONLY
from citydip.survey.demo_data import INSTRUMENT, with_a_current_tie
from citydip.survey.models import Wave
from citydip.survey.synthetic import AnswerGenerator
from citydip.survey.waves import store_questionnaire
from citydip.survey.xlsform import load_form, validate_all
from tests.analysis import builders

COUNTRIES = ("DE", "FR", "PL", "IT")


def instrument_items():
    form = load_form(INSTRUMENT)
    return {q.name for q in form.questions() if q.is_input and q.type != "calculate"}


def test_every_item_of_the_instrument_is_analysed_or_listed_as_descriptive_only():
    unused = instrument_items() - set(COVERAGE) - set(DESCRIPTIVE_ONLY)
    assert unused == set(), f"items no analysis output uses: {sorted(unused)}"
    assert not set(COVERAGE) & set(DESCRIPTIVE_ONLY)


@pytest.fixture
def edition_2_study(db):
    """40 cities answering edition 2 (generated from the instrument, each answer valid): 16 cooperate
    now (every other one with an ended tie), 12 cooperated in the past, 12 never did."""
    questionnaire, form = store_questionnaire(INSTRUMENT.read_bytes(), INSTRUMENT.name)
    wave = Wave.objects.create(name="wave 2", questionnaire=questionnaire)
    rng = random.Random(14)
    generator = AnswerGenerator(form, rng)
    statuses = ["current"] * 16 + ["past"] * 12 + ["never"] * 12
    for i, status in enumerate(statuses):
        city = builders.city(f"City {i}", COUNTRIES[i % 4], population=60_000 + 10_000 * i)
        preset = {"consent": "yes", "coop_status": status}
        if status == "current":
            partners = [{"partner_name": "Wuhan", "partner_status": "active"}]
            if i % 2:
                partners.append({"partner_name": "Xi'an", "partner_status": "ended", "partner_end_year": 2021,
                                 "partner_ended_by": "our_city", "partner_end_reasons": ["politics"],
                                 "partner_council": "yes"})
            preset["partners"] = with_a_current_tie(partners)
        if status == "past":
            preset["former_partners"] = [{"former_name": "Harbin", "former_ended_by": "lapsed",
                                          "former_end_reasons": ["no_activity"], "former_council": "no"}]
            preset["no_coop_reasons"] = ["ended_partner"] if i % 3 == 0 else ["priorities"]
        answers = generator.generate(preset)
        assert validate_all(form, answers) == {}
        builders.respond(wave, city, answers)
    return form


def test_analyze_writes_a_table_for_every_item_and_the_noncooperating_branch(edition_2_study, tmp_path):
    call_command("analyze", "--output", str(tmp_path))
    index = json.loads((tmp_path / "index.json").read_text())
    written = {entry["name"] for entry in index["outputs"]}
    skipped = {entry["name"]: entry["reason"] for entry in index["skipped"]}
    for item, output in COVERAGE.items():
        if item in ("importance", "partner_place_id", "former_place_id"):
            continue  # edition 1's item; the network needs the gazetteer; ended_partnerships carries it
        found = any(name == output or name.startswith(output + "_") for name in written)
        assert found or output in skipped, f"{item}: {output} neither written nor skipped"
    for name in ("item_initiator", "item_bri", "item_change_2020", "noncoop_past_contacts", "noncoop_no_coop_reasons",
                 "noncoop_future_interest", "noncoop_other_asian_partners", "noncoop_willing_contact",
                 "coordination_by_country", "ended_partnerships", "item_brokers", "item_thm_ties"):
        assert name in written, name


def test_the_noncooperating_reasons_count_each_branch(edition_2_study, tmp_path):
    call_command("analyze", "--output", str(tmp_path))
    table = pd.read_csv(tmp_path / "tables" / "noncoop_no_coop_reasons.csv").set_index("choice")
    assert table.loc["ended_partner", "past_cities"] == 4 and table.loc["ended_partner", "never_cities"] == 0
    assert table["past_answered"].iloc[0] == 12 and table["never_answered"].iloc[0] == 12
    assert table.loc["ended_partner", "label"].startswith("The partner in China")


def test_ended_ties_come_from_both_branches(edition_2_study, tmp_path):
    call_command("analyze", "--output", str(tmp_path))
    ties = pd.read_csv(tmp_path / "tables" / "ended_partnerships.csv")
    assert (ties["reported_by"] == "city cooperating now").sum() == 8
    assert (ties["reported_by"] == "city that cooperated before").sum() == 12
    assert "city_id" not in ties.columns  # the reporting city is given by country only
    by = pd.read_csv(tmp_path / "tables" / "ended_ended_by.csv").set_index("choice")
    assert by.loc["our_city", "cities"] == 8 and by.loc["lapsed", "cities"] == 12


def test_the_report_has_a_section_for_the_noncooperating_cities(edition_2_study, tmp_path):
    from citydip.reports import sections

    call_command("analyze", "--output", str(tmp_path))
    index = json.loads((tmp_path / "index.json").read_text())
    chapters = sections.analysis_chapters(tmp_path, index)
    titles = {anchor: title for anchor, title, _, _ in sections.CHAPTERS}
    assert titles["noncooperating"] == "Cities that do not cooperate"
    names = {item["name"] for item in chapters["noncooperating"]}
    assert {"noncoop_no_coop_reasons", "noncoop_future_interest", "noncoop_other_asian_partners"} <= names
    assert "ended_partnerships" in {item["name"] for item in chapters["ended"]}
    assert "item_thm_pressure" in {item["name"] for item in chapters["context"]}
    assert "coordination_by_country" in {item["name"] for item in chapters["coordination"]}


def form_wording(name):
    """The question's English wording as the form engine reads it (a second reader of the same file)."""
    return load_form(INSTRUMENT).node(name).label["en"]


def test_item_tables_are_titled_with_the_question_wording_and_the_variable_name(edition_2_study, tmp_path):
    call_command("analyze", "--output", str(tmp_path))
    titles = {entry["name"]: entry["title"] for entry in json.loads((tmp_path / "index.json").read_text())["outputs"]}
    wording = form_wording("publish_city_name")
    assert wording == "May we name your city when we publish results?"
    assert titles["item_publish_city_name"] == f"Answers to “{wording}” (variable publish_city_name)"
    assert titles["item_security_review"] == ("Answers to “Have national authorities reviewed, or given guidance on, "
                                              "your city's cooperation with China…” (variable security_review)")
    assert titles["item_bri"] == ("Answers to “Is the cooperation linked to China's Belt and Road Initiative "
                                  "(the ‘New Silk Road’)?” (variable bri)")  # its own quotation marks made single
    assert titles["noncoop_future_interest"] == ("Cities not cooperating now: “Would your city be interested in "
                                                 "cooperating with a city in China in the future?” (variable future_interest)")
    assert titles["ended_ended_by"] == "Ties that ended: “Who ended the tie?” (variables partner_ended_by, former_ended_by)"
    for name, title in titles.items():
        if not name.startswith(("item_", "noncoop_")):
            continue
        item = name.split("_", 1)[1]
        assert title.endswith(f"” (variable {item})"), title
        quoted = title[title.index("“") + 1:title.rindex("”")]
        full = " ".join(form_wording(item).split()).replace("“", "‘").replace("”", "’")
        if quoted != full:  # shortened: whole words of the wording, then an ellipsis, and short enough to read
            assert quoted.endswith("…") and len(quoted) <= 101 and full.startswith(quoted[:-1]), title
            assert full[len(quoted) - 1] in " ,(", title
    caption = (tmp_path / "tables" / "item_publish_city_name.tex").read_text()
    assert f"\\caption{{Answers to “{wording}” (variable publish\\_city\\_name). cities that answered" in caption


def test_the_tables_show_the_choices_in_the_questionnaires_words(edition_2_study, tmp_path):
    call_command("analyze", "--output", str(tmp_path))
    position = pd.read_csv(tmp_path / "tables" / "item_respondent_position.csv")
    form = edition_2_study
    question = form.node("respondent_position")
    assert list(position["label"]) == [form.choice_label(question, c, "en") for c in position["choice"]]
    assert "Head of the international relations office" in set(position["label"])  # the codebook keeps the codes too
    ties = pd.read_csv(tmp_path / "tables" / "ended_partnerships.csv")
    before = ties[ties["reported_by"] == "city that cooperated before"]
    assert set(before["ended_by"]) == {"Nobody: it lapsed"} and set(before["council"]) == {"No"}
    assert set(before["end_reasons"]) == {"No activity or results"}
    assert "Political concerns (e.g. human rights)" in set(ties["end_reasons"])
    coordination = pd.read_csv(tmp_path / "tables" / "coordination_by_country.csv")  # headed by whom, not by variable
    assert list(coordination.columns[:4]) == ["country", "cities", "national government: answered", "national government: mean"]
    assert "embassy or consulates of China: mean" in coordination.columns
    assert not [c for c in coordination.columns if c.startswith("coord_")]
    kinds = pd.read_csv(tmp_path / "tables" / "partners_kind_status.csv")
    assert {"Active", "Ended"} <= set(kinds.columns)
    assert set(kinds["partner_kind"]) <= {form.choice_label(form.node("partner_kind"), c.name, "en")
                                          for c in form.choice_list(form.node("partner_kind"))}


def german_only_form():
    """A questionnaire whose texts are all in German: no English wording to show."""
    return builders.xlsform(
        [["type", "name", "label::Deutsch (de)"],
         ["select_one coop_status", "coop_status", "Kooperiert Ihre Stadt mit Städten in China?"],
         ["select_one yes_no", "publish_city_name", "Dürfen wir Ihre Stadt nennen?"]],
        [["list_name", "name", "label::Deutsch (de)"],
         ["coop_status", "never", "Nie"], ["yes_no", "yes", "Ja"], ["yes_no", "no", "Nein"]])


@pytest.mark.parametrize("content", [b"", german_only_form()], ids=["no readable form", "no English texts"])
def test_without_an_english_wording_the_title_names_the_variable_and_says_so(db, tmp_path, content):
    wave = builders.wave()
    wave.questionnaire.content = content
    wave.questionnaire.save()
    for i, answer in enumerate(["yes", "yes", "no", "yes", "no", "yes"]):
        builders.respond(wave, builders.city(f"City {i}", COUNTRIES[i % 4]),
                         {"coop_status": "never", "publish_city_name": answer})
    call_command("analyze", "--output", str(tmp_path))
    titles = {entry["name"]: entry["title"] for entry in json.loads((tmp_path / "index.json").read_text())["outputs"]}
    assert titles["item_publish_city_name"] == ("Answers to variable publish_city_name "
                                                "(no English question text in the questionnaire)")
    table = pd.read_csv(tmp_path / "tables" / "item_publish_city_name.csv").set_index("choice")
    assert table.loc["yes", "cities"] == 4 and table.loc["yes", "label"] == "yes"  # the code where there is no label
