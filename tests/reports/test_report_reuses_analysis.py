"""The report reuses the latest `citydip analyze` run when it is current, and only then (reports/analysis_run.py)."""
import io
import json

import pytest
from django.core.management import call_command

from citydip.analysis.models import AnalysisRun
from citydip.reports.analysis_run import run_analysis
from citydip.survey.models import Response
from tests.analysis import builders

pytestmark = pytest.mark.django_db


@pytest.fixture
def analysed(db, tmp_path):
    builders.synthetic_study(n=80, seed=7)
    call_command("analyze", "--output", str(tmp_path / "analysis"), "--quiet", stdout=io.StringIO())
    return tmp_path / "analysis"


def reused(index, analysed):
    """The report's index is the analyze run's own (only `citydip analyze` records when it started)."""
    return index["provenance"].get("started") == json.loads((analysed / "index.json").read_text())["provenance"]["started"]


def test_a_current_run_is_copied_with_every_file_it_lists(analysed, tmp_path):
    index, _data = run_analysis(tmp_path / "report")
    assert reused(index, analysed)
    for name in index["provenance"]["files"]:
        assert (tmp_path / "report" / name).read_bytes() == (analysed / name).read_bytes(), name
    assert json.loads((tmp_path / "report" / "index.json").read_text()) == index


def test_changed_data_runs_the_analysis_again(analysed, tmp_path):
    response = Response.objects.filter(state="complete").first()
    response.answers = {**response.answers, "coop_status": "never" if response.answers.get("coop_status") != "never" else "current"}
    response.save()
    index, _data = run_analysis(tmp_path / "report")
    assert not reused(index, analysed) and "started" not in index["provenance"]
    assert index["provenance"]["database_state"] != AnalysisRun.objects.first().database_state


def test_a_touched_file_or_another_seed_runs_the_analysis_again(analysed, tmp_path):
    index, _data = run_analysis(tmp_path / "other-seed", seed=1)
    assert not reused(index, analysed)
    table = next(name for name in json.loads((analysed / "index.json").read_text())["provenance"]["files"]
                 if name.endswith(".csv"))
    (analysed / table).write_text("edited by hand\n")
    index, _data = run_analysis(tmp_path / "touched")
    assert not reused(index, analysed)
    assert (tmp_path / "touched" / table).read_text() != "edited by hand\n"
