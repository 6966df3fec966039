"""`citydip survey check-form FORM`: a summary and exit 0, or errors naming sheet, row and column."""
import os
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from tests.survey.form_fixtures import INSTRUMENT, fixture, md_to_xlsx

SRC = str(Path(__file__).resolve().parents[2] / "src")


def check(path):
    out = StringIO()
    call_command("survey", "check-form", str(path), stdout=out)
    return out.getvalue()


def test_it_summarises_the_studys_instrument():
    out = check(INSTRUMENT)
    assert "form eu_china_cities version 2026.2" in out
    languages = next(line for line in out.splitlines() if line.startswith("languages: "))
    assert languages.startswith("languages: ") and "en (English, default)" in languages
    for named in ("de (Deutsch)", "pl (Polski)", "cs (Čeština)", "nl (Nederlands)", "el (Ελληνικά)", "sv (Svenska)"):
        assert named in languages
    assert "repeats: 2 (partners, former_partners)" in out and "problems: none" in out
    assert out.rstrip().endswith("ok: eu_china_cities.xlsx loads and renders")


def test_it_lists_unsupported_features_and_still_succeeds():
    out = check(fixture("unsupported_features.md"))
    assert "[survey · row 6 · type] question type 'geopoint' is not supported" in out
    assert "[settings · row 2 · instance_name]" in out
    assert "ok: unsupported_features.md loads and renders" in out


def test_it_reads_xlsx_written_from_a_markdown_form(tmp_path):
    path = md_to_xlsx(fixture("household_roster.md").read_text(), tmp_path / "roster.xlsx")
    assert "questions: 16" in check(path)


def test_it_fails_with_the_place_of_each_error(tmp_path):
    path = tmp_path / "broken.md"
    path.write_text("| survey |\n| | type | name | label | constraint |\n| | integer | n | N | . > |\n"
                    "| | text | t | T | regex(., 'x' |\n")
    with pytest.raises(CommandError) as caught:
        check(path)
    message = str(caught.value)
    assert "[broken.md · survey · row 2 · column constraint] cannot read the expression" in message
    assert "[broken.md · survey · row 3 · column constraint] cannot read the expression" in message
    assert message.count("(SURVEY-E003)") == 2


def test_it_exits_non_zero_from_the_command_line(tmp_path):
    path = tmp_path / "unclosed.md"
    path.write_text("| survey |\n| | type | name | label |\n| | begin_group | g | G |\n| | text | a | A |\n")
    env = {**os.environ, "PYTHONPATH": SRC, "DATABASE_URL": f"sqlite:///{tmp_path}/none.sqlite3"}
    result = subprocess.run([sys.executable, "-m", "citydip", "survey", "check-form", str(path)],
                            capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 1
    assert "[unclosed.md · survey · row 2] pyxform: [row : 2] Unmatched 'begin_group'" in result.stderr
    assert "Traceback" not in result.stderr


def test_every_error_code_of_the_form_engine_is_documented():
    import re

    root = Path(SRC) / "citydip" / "survey"
    sources = [*root.glob("xlsform/*.py"), *root.glob("commands/*.py"), root / "waves.py"]
    codes = {code for path in sources for code in re.findall(r"SURVEY-[EW]\d{3}", path.read_text())}
    documented = (Path(SRC).parent / "docs" / "survey.md").read_text()
    assert codes and sorted(code for code in codes if code not in documented) == []
