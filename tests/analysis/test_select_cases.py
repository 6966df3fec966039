"""`citydip cases select`: constraints, consent, diversity against random draws, seed, CSV, CaseStudy rows."""
import csv
import io

import numpy as np
import pytest
from django.core.management import CommandError, call_command

from citydip.analysis import dataset
from citydip.analysis.cases import Request, diversity, select
from citydip.analysis.models import CaseStudy


def consenting(data):
    cities = data.cities
    return set(cities[(cities["current"] == 1) & (cities["followup_consent"] == "yes") & cities["respondent"]]["city_id"])


def test_it_chooses_ten_consenting_cooperating_cities_at_most_two_per_country(study):
    data = dataset.load()
    selection = select(data, Request(n=10, seed=1))
    chosen = selection.chosen
    assert len(chosen) == 10 and chosen["city_id"].is_unique
    assert set(chosen["city_id"]) <= consenting(data)
    assert chosen["country"].value_counts().max() <= 2


def test_it_honours_include_exclude_and_a_lower_cap(study):
    data = dataset.load()
    pool = sorted(consenting(data))
    include, exclude = pool[:1], pool[1:6]
    selection = select(data, Request(n=6, max_per_country=1, include=tuple(include), exclude=tuple(exclude), seed=2))
    assert include[0] in set(selection.chosen["city_id"])
    assert not set(exclude) & set(selection.chosen["city_id"])
    assert selection.chosen["country"].value_counts().max() == 1


def test_it_is_more_diverse_than_random_draws_of_ten(study):
    selection = select(dataset.load(), Request(n=10, seed=1))
    assert selection.random["draws"] == 1000
    assert selection.diversity["min_distance"] > selection.random["min_distance"]["p95"]
    assert selection.random["min_distance"]["percentile"] == 100.0
    measured = diversity(np.sqrt(((selection.z[:, None] - selection.z[None]) ** 2).sum(axis=2)), selection.index)
    assert measured[0] == pytest.approx(selection.diversity["min_distance"])


def test_the_same_seed_gives_the_same_cities(study):
    data = dataset.load()
    first = select(data, Request(n=10, seed=5))
    second = select(dataset.load(), Request(n=10, seed=5))
    assert list(first.chosen["city_id"]) == list(second.chosen["city_id"])
    assert first.random == second.random


def test_it_refuses_a_non_consenting_include_and_impossible_constraints(study):
    data = dataset.load()
    refusing = data.cities[data.cities["followup_consent"] == "no"]["city_id"].iloc[0]
    with pytest.raises(Exception, match="ANALYSIS-E021"):
        select(data, Request(n=10, include=(refusing,)))
    with pytest.raises(Exception, match="ANALYSIS-E022"):
        select(data, Request(n=10, max_per_country=1))  # six countries only
    with pytest.raises(Exception, match="ANALYSIS-E020"):
        select(data, Request(n=10, exclude=("NOT_A_CITY",)))


def test_the_command_prints_writes_the_csv_and_the_figure_and_stores_case_studies(study, tmp_path):
    out = io.StringIO()
    target = tmp_path / "cases.csv"
    call_command("cases", "select", "-n", "10", "--output", str(target), "--seed", "3", stdout=out)
    printed = out.getvalue()
    assert "random draws of 10 under the same constraints" in printed and "percentile" in printed
    with target.open() as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 10
    assert list(rows[0])[:5] == ["city_id", "name", "country_iso2", "population", "log_population"]
    assert (tmp_path / "cases.png").stat().st_size > 0 and (tmp_path / "cases.svg").exists()
    cases = CaseStudy.objects.all()
    assert cases.count() == 10 and {c.status for c in cases} == {"proposed"}
    rationale = cases[0].rationale
    assert rationale["rule"]["seed"] == 3 and "log_population" in rationale["covariates"] and rationale["why"]


def test_a_new_selection_keeps_cases_in_progress_and_withdraws_stale_proposals(study):
    call_command("cases", "select", "-n", "10", "--seed", "3", stdout=io.StringIO())
    busy = CaseStudy.objects.order_by("pk").first()
    busy.status = "fieldwork"
    busy.save()
    keep = busy.city.city_id
    call_command("cases", "select", "-n", "4", "--seed", "4", "--include", keep, stdout=io.StringIO())
    busy.refresh_from_db()
    assert busy.status == "fieldwork"
    assert CaseStudy.objects.filter(status="proposed").count() == 3
    others = CaseStudy.objects.exclude(status__in=["proposed", "fieldwork"])
    assert others.exists() and {c.status for c in others} == {"dropped"}
    assert all("not chosen again" in c.notes for c in others)


def test_the_command_reports_an_error_in_one_line(study):
    with pytest.raises(CommandError, match="ANALYSIS-E022"):
        call_command("cases", "select", "-n", "50", stdout=io.StringIO())


def _brute_force(distances, countries, n, cap, forced):
    """The largest minimum pairwise distance over every feasible n-subset (itertools, no solver)."""
    import itertools

    best = -1.0
    for subset in itertools.combinations(range(len(countries)), n):
        if not set(forced) <= set(subset):
            continue
        if max(sum(countries[i] == c for i in subset) for c in set(countries)) > cap:
            continue
        best = max(best, min(distances[i, j] for i, j in itertools.combinations(subset, 2)))
    return best


@pytest.mark.parametrize("seed,forced", [(1, []), (2, [3]), (3, [0, 7])])
def test_the_exact_solver_reaches_the_brute_force_optimum(seed, forced):
    import numpy as np

    from citydip.analysis.cases import pairwise, solve

    rng = np.random.default_rng(seed)
    z = rng.normal(size=(16, 3))
    countries = list("AABBCCDDEEFFGGHH")
    distances = pairwise(z)
    chosen, (minimum, _), method = solve(distances, countries, 5, 1, forced, rng)
    assert method.startswith("exact") and set(forced) <= set(chosen) and len(set(chosen)) == 5
    assert max(sum(countries[i] == c for i in chosen) for c in set(countries)) <= 1
    assert minimum == pytest.approx(_brute_force(distances, countries, 5, 1, forced), abs=1e-12)


def test_beyond_the_exact_size_the_output_says_it_used_a_heuristic(monkeypatch):
    import numpy as np

    from citydip.analysis import maxmin
    from citydip.analysis.cases import pairwise, solve

    monkeypatch.setattr(maxmin, "EXACT_MAX_CANDIDATES", 10)
    rng = np.random.default_rng(0)
    chosen, _, method = solve(pairwise(rng.normal(size=(16, 3))), list("AABBCCDDEEFFGGHH"), 5, 1, [], rng)
    assert len(chosen) == 5 and method.startswith("heuristic") and "not proved" in method


def test_the_demo_like_selection_reports_the_exact_method(study, capsys):
    from citydip.analysis import dataset
    from citydip.analysis.cases import Request, select

    selection = select(dataset.load(), Request(n=6, seed=1))
    assert selection.diversity["method"].startswith("exact")
