"""Every call is checked when the form loads; what still fails at run time is caught in one place.

- A wrong number or kind of arguments, for every function, is a located error (sheet, row, column,
  the function, what it expects) in load_form and in check-form, never a traceback.
- A failure at run time (a regex() pattern taken from an answer) shows the respondent the page with
  the question, never a 500, and the wave page lists it with sheet, row and column.
- Refusals name sheet and row: the search() appearance, a file that is not next to the form, a
  column header written twice (sheet, header row and both columns). File types are sniffed.
"""
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client
from hypothesis import given, settings
from hypothesis import strategies as st

from citydip.core.errors import CitydipErrors
from citydip.survey import tokens
from citydip.survey.models import AccessToken, Response
from citydip.survey.xlsform import collect_failures, load_form, validate_all
from citydip.survey.xlsform.expression_functions import SIGNATURES
from tests.survey.form_fixtures import md_to_xlsx
from tests.survey.web_fixtures import make_city, make_wave

SRC = str(Path(__file__).resolve().parents[2] / "src")
COLUMNS = ["relevant", "constraint", "calculation", "choice_filter", "required"]


def form_with(column, expression):
    kind = "select_one yn" if column == "choice_filter" else "calculate" if column == "calculation" else "text"
    return ("| survey |\n| | type | name | label | " + column + " |\n| | text | a | A | |\n"
            f"| | {kind} | b | B | {expression} |\n"
            "| choices |\n| | list_name | name | label |\n| | yn | yes | Yes |\n| | yn | no | No |\n").encode()


def wrong_calls():
    """(function, expression) with a wrong number of arguments for that function."""
    def wrong_counts(name):
        low, high, _ = SIGNATURES[name]
        counts = [n for n in range(0, 5) if n < low or (high is not None and n > high)]
        return st.sampled_from(counts) if counts else st.nothing()

    names = [n for n in SIGNATURES if SIGNATURES[n][0] > 0 or SIGNATURES[n][1] is not None]
    return st.sampled_from(names).flatmap(lambda name: wrong_counts(name).map(
        lambda count: (name, f"{name}({', '.join(['${a}'] * count)})")))


@settings(max_examples=60, deadline=None)
@given(call=wrong_calls(), column=st.sampled_from(COLUMNS))
def test_a_wrong_number_of_arguments_is_a_located_error(call, column):
    name, expression = call
    with pytest.raises(CitydipErrors) as caught:
        load_form(form_with(column, expression), "wrong.md")
    errors = [e for e in caught.value.errors if e.code == "SURVEY-E003"]
    assert errors, caught.value
    error = errors[0]
    assert error.location == {"file": "wrong.md", "sheet": "survey", "row": 3, "column": column}
    assert f"{name}() takes" in error.message and "argument" in error.message


@pytest.mark.parametrize("expression, expected", [
    ("substr(${a}, 'x')", "substr() expects a number as argument 2"),
    ("round(2.5, 'x')", "round() expects a number as argument 2"),
    ("count('x')", "count() expects a node-set"),
    ("indexed-repeat('a', ${a}, 1)", "indexed-repeat() expects a ${reference} as argument 1"),
    ("if(${a} = 'x', true())", "if() takes exactly 3 arguments, not 2"),
])
def test_an_argument_of_the_wrong_kind_is_a_located_error(expression, expected):
    with pytest.raises(CitydipErrors) as caught:
        load_form(form_with("relevant", expression), "kinds.md")
    assert expected in caught.value.errors[0].message
    assert caught.value.errors[0].location["row"] == 3


def test_check_form_names_the_row_of_a_wrong_if_without_a_traceback(tmp_path):
    path = tmp_path / "if.md"
    path.write_bytes(form_with("relevant", "if(${a}='x', true())"))
    env = {**os.environ, "PYTHONPATH": SRC}
    result = subprocess.run([sys.executable, "-m", "citydip", "survey", "check-form", str(path)],
                            capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 1
    assert "[if.md · survey · row 3 · column relevant] if() takes exactly 3 arguments, not 2" in result.stderr
    assert "Traceback" not in result.stderr


REGEX_FORM = ("| survey |\n| | type | name | label | constraint | relevant |\n| | text | pattern | A pattern | | |\n"
              "| | text | code | A code | regex(., ${pattern}) | |\n| | note | shown | Shown | | regex('x', ${pattern}) |\n")


def test_a_failure_at_run_time_is_caught_once_and_located():
    form = load_form(REGEX_FORM.encode(), "regex.md")
    with collect_failures() as failures:
        assert validate_all(form, {"pattern": "(", "code": "x"}) == {}  # the constraint counts as met
    assert [(f.row, f.column) for f in failures] == [(3, "constraint")]
    assert "regex()" in failures[0].message and "SURVEY-E007" in str(failures[0])


def test_the_respondent_sees_the_page_and_the_researcher_the_failure(db, tmp_path, researcher, client_for):
    path = tmp_path / "regex.md"
    path.write_text(REGEX_FORM)
    wave = make_wave(path, name="Regex wave")
    token = tokens.issue(wave, make_city(), "und", AccessToken.Kind.TEST)
    Response.objects.filter(wave=wave).update(answers={"pattern": "(", "code": "x"}, state="partial")
    page = Client().get(f"/survey/r/{token}/")
    assert page.status_code == 200
    html = page.content.decode()
    assert 'name="code"' in html and "Shown" in html
    saved = Client().post(f"/survey/r/{token}/", {"page": "page-1", "action": "next", "pattern": "(", "code": "y"})
    assert saved.status_code in (200, 302)
    listing = client_for(researcher).get(f"/survey/wave/{wave.pk}/").content.decode()
    assert "[survey · row 3 · constraint] regex()" in listing
    assert "[survey · row 4 · relevant] regex()" in listing


def test_the_search_appearance_is_refused_with_its_row():
    source = ("| survey |\n| | type | name | label | appearance |\n| | select_one fruit | f | F | search('fruits') |\n"
              "| choices |\n| | list_name | name | label |\n| | fruit | a | A |\n")
    with pytest.raises(CitydipErrors) as caught:
        load_form(source.encode(), "search.md")
    error = caught.value.errors[0]
    assert error.code == "SURVEY-E008" and error.location["row"] == 2 and error.location["column"] == "appearance"


def test_a_missing_choice_file_is_refused_with_its_row():
    source = "| survey |\n| | type | name | label |\n| | text | a | A |\n| | select_one_from_file towns.csv | t | T |\n"
    with pytest.raises(CitydipErrors) as caught:
        load_form(source.encode(), "files.md")
    assert [(e.code, e.location["row"]) for e in caught.value.errors] == [("SURVEY-E009", 3)]
    form = load_form(source.encode(), "files.md", files={"towns.csv": b"name,label\nkrk,Krak\xc3\xb3w\n"})
    assert [(c.name, c.label) for c in form.choices["towns"]] == [("krk", {"und": "Kraków"})]


def test_a_duplicate_column_header_names_the_sheet_the_header_row_and_both_columns(tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "survey"
    sheet.append(["type", "name", "label", "label"])
    sheet.append(["text", "a", "A", "B"])
    path = tmp_path / "dup.xlsx"
    book.save(path)
    with pytest.raises(CitydipErrors) as caught:
        load_form(path)
    error = caught.value.errors[0]
    assert error.code == "SURVEY-E001"
    assert error.location == {"file": "dup.xlsx", "sheet": "survey", "row": 1, "column": "C, D"}
    assert "'label' is written twice" in error.message


@pytest.mark.parametrize("name", ["form.xlsx", "form.xls", "form.txt"])
def test_the_file_type_is_read_from_the_content_not_the_name(tmp_path, name):
    markdown = "| survey |\n| | type | name | label |\n| | text | a | A |\n"
    xlsx = md_to_xlsx(markdown, tmp_path / "real.xlsx").read_bytes()
    for data in (markdown.encode(), xlsx, b"survey,type,name,label\n,text,a,A\n"):
        assert [q.name for q in load_form(data, name).questions()] == ["a"]


def test_notes_without_names_load_and_are_named_as_pyxform_names_them():
    source = ("| survey |\n| | type | name | label |\n| | note | | First |\n| | note | | Second |\n"
              "| | begin group | g | G |\n| | text | a | A |\n| | end group | | |\n")
    form = load_form(source.encode(), "blank.md")
    assert [q.name for q in form.questions()] == ["generated_note_name_2", "generated_note_name_3", "a"]


@pytest.mark.parametrize("rows, row, column", [
    ("| | textx | a | A |\n", 3, "type"),  # pyxform: Unknown question type 'textx'.
    ("| | select_one nolist | a | A |\n", 3, "type"),  # pyxform: There should be a choices sheet …
    ("| | text | a | |\n", 3, "label"),  # pyxform: The survey element named 'a' has no label or hint.
])
def test_pyxforms_refusals_without_a_row_get_one(rows, row, column):
    source = "| survey |\n| | type | name | label |\n| | text | b | B |\n" + rows
    with pytest.raises(CitydipErrors) as caught:
        load_form(source.encode(), "pyx.md")
    error = caught.value.errors[0]
    assert error.code == "SURVEY-E002"
    assert (error.location.get("sheet"), error.location.get("row"), error.location.get("column")) == ("survey", row, column)
