"""`citydip analyze --output DIR`: every file listed in index.json, hand-checked numbers, empty DB, same DB → same numbers."""
import io
import json

import pandas as pd
import pytest
from django.core.management import CommandError, call_command

from citydip.analysis import dataset, provenance
from citydip.analysis.models import AnalysisRun
from citydip.survey.models import Wave
from tests.analysis import builders

EXPECTED = {"coverage_by_country", "coverage_by_size_class", "weights_margins", "nonresponse_tests",
            "prevalence_overall", "prevalence_by_country", "prevalence_by_size_class", "partnerships_by_kind",
            "partnerships_by_status", "partnerships_by_year", "ranking_areas", "ranking_goals", "ranking_benefits",
            "ranking_obstacles", "importance", "coordination", "institutionalisation_items",
            "institutionalisation_reliability", "regression_cooperation", "regression_active_partner",
            "regression_importance", "regression_summary", "typology_selection", "typology_profiles",
            "typology_stability", "network_hubs", "network_provinces", "network_flows", "network_degrees"}


def analyze(directory):
    out = io.StringIO()
    call_command("analyze", "--output", str(directory), stdout=out)
    return json.loads((directory / "index.json").read_text()), out.getvalue()


def test_it_writes_every_table_and_figure_it_lists_and_the_same_database_gives_the_same_numbers(study, tmp_path):
    index, printed = analyze(tmp_path / "out")
    assert index["synthetic"]  # the study's answers are synthetic
    check_files(index, tmp_path / "out")
    assert "wrote" in printed and index["skipped"] == []
    again, _ = analyze(tmp_path / "again")
    state = index["provenance"]["database_state"]
    assert AnalysisRun.objects.count() == 2 and AnalysisRun.objects.first().database_state == state
    assert len(state["checksum"]) == 64 and state == again["provenance"]["database_state"]
    assert state["counts"]["frame_cities"] == 80 and state["counts"]["responses_synthetic"] > 0
    assert AnalysisRun.objects.first().versions["statsmodels"] and index["provenance"]["versions"]["pandas"]
    for entry in index["outputs"]:
        for name in entry["files"]:
            if not name.endswith(".png"):
                assert (tmp_path / "out" / name).read_bytes() == (tmp_path / "again" / name).read_bytes(), name


def check_files(index, directory):
    names = {e["name"] for e in index["outputs"] if e["kind"] == "table"}
    assert names >= EXPECTED, EXPECTED - names
    figures = {e["name"] for e in index["outputs"] if e["kind"] == "figure"}
    assert {"partnerships_by_year", "prevalence_by_country", "network_flows", "typology_profiles"} <= figures
    for entry in index["outputs"]:
        suffixes = {".csv", ".tex"} if entry["kind"] == "table" else {".png", ".svg"}
        assert {f[f.rindex("."):] for f in entry["files"]} == suffixes and entry["title"]
        for name in entry["files"]:
            assert (directory / name).stat().st_size > 0
    assert "\\toprule" in (directory / "tables" / "prevalence_by_country.tex").read_text()
    if index["synthetic"]:  # every table and figure of synthetic data says so
        for entry in index["outputs"]:
            assert entry["note"].startswith("SYNTHETIC DATA"), entry["name"]
            for name in entry["files"]:
                if name.endswith(".csv"):
                    assert pd.read_csv(directory / name)["synthetic_data"].all(), name
                elif name.endswith(".tex"):
                    assert "\\caption{" in (text := (directory / name).read_text()) and "SYNTHETIC DATA" in text, name
                elif name.endswith(".svg"):
                    assert "SYNTHETIC DATA" in (directory / name).read_text(), name
    assert "Belt and Road" in (directory / "figures" / "partnerships_by_year.svg").read_text()


def test_a_change_in_the_data_changes_the_checksum(small_frame):
    before = provenance.checksum(dataset.load())
    assert provenance.checksum(dataset.load()) == before
    builders.respond(Wave.current(), small_frame["A3"], {"coop_status": "never"})
    assert provenance.checksum(dataset.load()) != before


def test_the_prevalence_table_matches_the_hand_computation(small_frame, tmp_path):
    index, _ = analyze(tmp_path / "out")
    overall = pd.read_csv(tmp_path / "out" / "tables" / "prevalence_overall.csv").iloc[0]
    # four respondents: fewer than MIN_RESPONDENTS (5), so the counts are published and the shares suppressed
    assert (overall["n"], overall["cooperating"]) == (4, 2)
    assert overall[["share", "wilson_low", "weighted_share", "weighted_se"]].isna().all()
    assert overall["note"] == "suppressed: fewer than 5 respondents"
    assert pd.read_csv(tmp_path / "out" / "tables" / "weights_margins.csv")["weighted"].tolist() == pytest.approx(
        [7, 1, 7, 1])  # DE, IT; 50k–100k (with the empty 100k–250k), 250k–500k
    assert "suppressed: fewer than 5 respondents \\\\" in (tmp_path / "out" / "tables" / "prevalence_overall.tex").read_text()
    coverage = pd.read_csv(tmp_path / "out" / "tables" / "coverage_by_country.csv").set_index("country")
    assert coverage.loc["DE", ["frame", "invited", "usable"]].tolist() == [7, 3, 3]
    assert coverage.loc["FR", ["frame", "invited", "started", "usable"]].tolist() == [3, 1, 0, 0]
    skipped = {s["name"] for s in index["skipped"]}
    assert {"regression_cooperation", "typology", "network"} <= skipped


def test_an_empty_database_gives_an_index_of_what_was_skipped(db, tmp_path):
    index, printed = analyze(tmp_path / "out")
    assert {"prevalence", "network", "typology", "regression_cooperation"} <= {s["name"] for s in index["skipped"]}
    assert all(s["reason"] for s in index["skipped"])
    assert "skipped prevalence" in printed


def test_it_refuses_an_output_that_is_a_file(db, tmp_path):
    target = tmp_path / "file.txt"
    target.write_text("x")
    with pytest.raises(CommandError, match="ANALYSIS-E001"):
        call_command("analyze", "--output", str(target))



def test_the_parts_in_two_processes_give_byte_identical_outputs_to_one_process(study, tmp_path, monkeypatch):
    """CITYDIP_WORKERS selects the processes; every table and SVG is the same byte for byte (PNGs are
    not byte-stable, see above). Which part runs after which in a process depends on timing; what made
    that matter once is tested directly below and in test_fit_models.py."""
    indexes = {}
    for workers in ("1", "2"):
        monkeypatch.setenv("CITYDIP_WORKERS", workers)
        indexes[workers], _ = analyze(tmp_path / workers)
    one, two = indexes["1"], indexes["2"]
    assert one["outputs"] == two["outputs"] and one["skipped"] == two["skipped"] == []
    assert [e["name"] for e in two["outputs"]][:4] == ["weights_margins", "weights_summary", "coverage_by_country",
                                                       "coverage_by_size_class"], "in the order of PARTS"
    files = [name for entry in one["outputs"] for name in entry["files"] if not name.endswith(".png")]
    assert "tables/regression_importance.csv" in files and len(files) > 60
    for name in files:
        assert (tmp_path / "1" / name).read_bytes() == (tmp_path / "2" / name).read_bytes(), name
    check_files(two, tmp_path / "2")


def test_every_part_leaves_the_data_as_it_found_it(study, tmp_path):
    """The parts share one dataset (in one process, or inherited by a fork), so a part that added a
    column would change what the parts after it in the same process see: that is how the ordinal
    logit's last digits once depended on the process (docs/reliability.md)."""
    import copy

    from citydip.analysis.pipeline import PARTS, add_weights
    from citydip.analysis.publish import Publisher

    data = dataset.load()
    add_weights(data)
    before = copy.deepcopy(data)
    out = Publisher(tmp_path, synthetic=True)
    for name, part in PARTS:
        part(data, out)
        for frame in ("cities", "partners", "register"):
            pd.testing.assert_frame_equal(getattr(data, frame), getattr(before, frame), obj=f"{name}: data.{frame}")
        assert (data.covariates, data.answers, data.labels) == (before.covariates, before.answers, before.labels), name
    assert len(out.entries) > 40 and not out.skipped
