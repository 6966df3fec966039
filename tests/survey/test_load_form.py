"""Loading XLSForms into the form model: features, languages, logic, and what is not supported."""
import pytest

from citydip.core.errors import CitydipErrors
from citydip.survey.xlsform import (
    calculate_all,
    choices_for,
    is_relevant,
    load_form,
    page_is_relevant,
    repeat_count,
    validate_all,
    validate_page,
)
from citydip.survey.xlsform.model import Repeat
from tests.survey.form_fixtures import fixture, md_to_xlsx

ROSTER = fixture("household_roster.md")


@pytest.fixture(scope="module")
def roster():
    return load_form(ROSTER)


def answers(**extra):
    base = {"country": "fr", "city": "paris", "members": 2, "confirm": "OK",
            "person": [{"person_name": "Ana", "age": 40, "works": "yes"}, {"person_name": "Bo", "age": 9}]}
    base.update(extra)
    return base


def test_it_reads_settings_languages_and_texts(roster):
    assert (roster.form_id, roster.version, roster.title) == ("household_roster", "7", "Household roster")
    assert roster.languages == ["en", "fr"] and roster.default_language == "en"
    city = roster.node("city")
    assert city.label == {"en": "City", "fr": "Ville"}
    assert roster.text(city.hint, "fr") == "Seulement les villes de ce pays"
    assert roster.node("country").appearance == "minimal"
    assert roster.problems == []


def test_it_keeps_the_row_of_every_question(roster):
    assert roster.node("members").source.row == 7
    assert roster.node("person_name").source.sheet == "survey"


def test_it_makes_field_list_groups_repeats_and_loose_runs_into_pages(roster):
    pages = roster.pages()
    assert [p.page_id for p in pages] == ["place", "page-1", "person", "page-2"]
    assert isinstance(pages[2].repeat, Repeat)
    assert [q.name for q in pages[0].questions()] == ["country", "city", "moved_in"]


def test_it_filters_choices_by_the_earlier_answer(roster):
    city = roster.node("city")
    assert [c.name for c in choices_for(roster, city, {"country": "fr"})] == ["paris", "lyon"]
    assert [c.name for c in choices_for(roster, city, {"country": "be"})] == ["liege"]


def test_it_calculates_inside_and_outside_repeats(roster):
    filled = calculate_all(roster, answers())
    assert [p["person_number"] for p in filled["person"]] == [1, 2]
    assert filled["adults"] == 2 and filled["first_name"] == "Ana"


def test_it_asks_repeats_as_often_as_repeat_count_says(roster):
    person = roster.node("person")
    assert repeat_count(roster, person, answers(members=3)) == 3
    errors = validate_page(roster, roster.pages()[2], answers(members=3), "fr")
    assert errors == {"person": "Cette partie doit être remplie 3 fois."}


def test_it_hides_questions_whose_condition_is_false(roster):
    works = roster.node("works")
    assert is_relevant(roster, works, answers(), "person[0].works")
    assert not is_relevant(roster, works, answers(), "person[1].works")


def test_it_validates_with_the_forms_messages_in_the_respondents_language(roster):
    errors = validate_all(roster, answers(country=None, members=31, city="liege", moved_in="2999-01-01"), "fr")
    assert errors["country"] == "Choisissez un pays"
    assert errors["members"] == "Entre 1 et 29"
    assert errors["moved_in"] == "Pas dans le futur"
    assert errors["city"] == "Choisissez l’une des options proposées."  # liège is not in France


def test_it_validates_types_and_constraints_inside_repeats(roster):
    people = [{"person_name": "x" * 41, "age": "old"}, {"person_name": "Bo", "age": 9}]
    errors = validate_all(roster, answers(person=people), "en")
    assert errors["person[0].person_name"] == "At most 40 letters"
    assert errors["person[0].age"] == "Enter a whole number, such as 12."
    assert "person[1].age" not in errors


def test_a_complete_response_has_no_errors(roster):
    assert validate_all(roster, calculate_all(roster, answers())) == {}


def test_a_page_whose_questions_are_all_hidden_is_not_shown(roster):
    page = roster.pages()[-1]
    assert page_is_relevant(roster, page, answers())


def test_it_reads_the_same_form_from_xlsx(tmp_path):
    path = md_to_xlsx(ROSTER.read_text(), tmp_path / "household_roster.xlsx")
    from_xlsx, from_md = load_form(path), load_form(ROSTER)
    assert [q.name for q in from_xlsx.questions()] == [q.name for q in from_md.questions()]
    assert from_xlsx.node("members").source.row == 7


def test_it_reads_the_older_xlsform_syntax():
    form = load_form(fixture("legacy_syntax.md"))
    assert form.node("sex").or_other and form.node("sex_other").relevant == "selected(${sex}, 'other')"
    assert "other" in [c.name for c in form.choices["sexes"]]
    assert form.node("meals").type == "select_multiple"
    assert form.node("note_adult").relevant == "${age} >= 18"
    assert form.languages == ["en"]


def test_it_names_every_unsupported_feature_with_its_place():
    form = load_form(fixture("unsupported_features.md"))
    named = {(p.feature, p.source.sheet, p.source.row) for p in form.problems}
    assert {
        ("type geopoint", "survey", 6), ("type image", "survey", 7), ("appearance likert", "survey", 10),
        ("format-date()", "survey", 11),
        ("column guidance_hint::English (en)", "survey", 5), ("setting instance_name", "settings", 2),
        ("language without code", "choices", 2),
    } <= named
    # range, select_one_from_file (towns.csv next to the form) and start/end/deviceid are supported now
    assert not {f for f, _, _ in named} & {"type range", "type select_one_from_file", "type start", "type end"}
    assert form.node("rating").range == (1.0, 5.0, 1.0) and form.node("rating").is_input
    assert [c.name for c in form.choices["towns"]] == ["krakow", "wroclaw"] and form.node("town").type == "select_one"
    assert not form.node("location").supported and not form.node("location").is_input
    assert form.node("year").calculation == ""  # the unsupported calculation is dropped, and said so
    # jr:choice-name(${happy}, '${happy}') reads the label from happy's list (yes_no)
    assert form.node("why").relevant == "${happy} = 'no' and jr:choice-name(${happy}, 'yes_no') != ''"


@pytest.mark.parametrize("markdown, code, row, column", [
    ("| | text | a | A | ${a} = = 1 |", "SURVEY-E003", 2, "relevant"),
    ("| | text | a | A | count-selected(${a} |", "SURVEY-E003", 2, "relevant"),
    ("| | begin_group | g | G | |", "SURVEY-E002", 2, None),
    ("| | text | a | A | ${nope} = 1 |", "SURVEY-E002", 2, "relevant"),
])
def test_it_rejects_a_broken_form_with_sheet_row_and_column(markdown, code, row, column):
    source = f"| survey |\n| | type | name | label | relevant |\n{markdown}\n"
    with pytest.raises(CitydipErrors) as caught:
        load_form(source.encode(), "broken.md")
    error = caught.value.errors[0]
    assert error.code == code and error.location["file"] == "broken.md"
    assert error.location.get("row") == row and error.location.get("column") == column


def test_it_rejects_a_name_used_twice_in_different_groups():
    source = ("| survey |\n| | type | name | label |\n| | begin_group | g1 | G1 |\n| | text | a | A |\n"
              "| | end_group | | |\n| | begin_group | g2 | G2 |\n| | text | a | A again |\n| | end_group | | |\n")
    with pytest.raises(CitydipErrors) as caught:
        load_form(source.encode(), "twice.md")
    assert [(e.code, e.location["row"]) for e in caught.value.errors] == [("SURVEY-E005", 6)]


def test_it_rejects_a_file_that_is_no_form(tmp_path):
    path = tmp_path / "letter.xlsx"
    path.write_bytes(b"Dear colleague")
    with pytest.raises(CitydipErrors) as caught:
        load_form(path)
    assert caught.value.code == "SURVEY-E001" and caught.value.location["file"] == "letter.xlsx"


def test_it_reads_headers_and_settings_in_capitals():
    source = ("| SURVEY |\n| | TYPE | NAME | LABEL::EN | RELEVANT |\n| | select_one yn | ok | Fine? | |\n"
              "| | text | why | Why not? | ${ok} = 'no' |\n| CHOICES |\n| | LIST_NAME | NAME | LABEL::EN |\n"
              "| | yn | yes | Yes |\n| | yn | no | No |\n| SETTINGS |\n| | FORM_ID | DEFAULT_LANGUAGE |\n| | caps | EN |\n")
    form = load_form(source.encode(), "caps.md")
    assert [q.name for q in form.questions()] == ["ok", "why"] and form.form_id == "caps"
    assert form.node("why").relevant == "${ok} = 'no'" and [c.name for c in form.choices["yn"]] == ["yes", "no"]
    assert form.languages == ["en"]


def test_it_fills_answers_into_labels(roster):
    from citydip.survey.xlsform import interpolate

    label = roster.text(roster.node("works").label, "fr")
    assert interpolate(label, answers(), "person[1].works") == "Bo travaille ?"


def test_a_required_acknowledge_must_be_ticked(roster):
    assert validate_all(roster, answers(confirm=None), "en") == {"confirm": "Answer this question."}


def test_sections_split_into_their_field_list_pages_and_runs_of_questions():
    source = ("| survey |\n| | type | name | label | appearance | calculation |\n"
              "| | text | first | First | | |\n"
              "| | begin_group | section | Section | | |\n"
              "| | text | s1 | S1 | | |\n"
              "| | begin_group | inner | Inner | field-list | |\n| | text | i1 | I1 | | |\n| | text | i2 | I2 | | |\n"
              "| | end_group | | | | |\n"
              "| | text | s2 | S2 | | |\n"
              "| | end_group | | | | |\n"
              "| | calculate | hidden | | | 1 + 1 |\n")
    form = load_form(source.encode(), "sections.md")
    pages = form.pages()
    assert [(p.page_id, [q.name for q in p.questions()]) for p in pages] == [
        ("page-1", ["first"]), ("section-1", ["s1"]), ("inner", ["i1", "i2"]), ("section-2", ["s2"]),
    ]
    assert form.text(pages[1].title) == "Section" and form.languages == ["und"]


def test_it_names_sheets_that_are_not_xlsform(tmp_path):
    path = md_to_xlsx("| survey |\n| | type | name | label |\n| | text | a | A |\n"
                      "| translator notes |\n| | remark |\n| | check wording |\n", tmp_path / "notes.xlsx")
    form = load_form(path)
    assert [(p.code, p.feature) for p in form.problems] == [("SURVEY-W007", "sheet translator notes")]


def test_a_long_run_of_loose_questions_is_split_into_pages():
    rows = "".join(f"| | text | q{i} | Q{i} |\n" for i in range(23))
    form = load_form(f"| survey |\n| | type | name | label |\n{rows}".encode(), "long.md")
    assert [len(p.questions()) for p in form.pages()] == [10, 10, 3]
    assert [p.page_id for p in form.pages()] == ["page-1", "page-2", "page-3"]
