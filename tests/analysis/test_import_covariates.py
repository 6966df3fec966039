"""`citydip covariates import`: long-form CSV, every bad row reported by line and field, all or nothing."""
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from citydip.analysis.models import Covariate

FIXTURES = Path(__file__).parent.parent / "fixtures" / "analysis"


def run(name, *extra):
    call_command("covariates", "import", str(FIXTURES / name), *extra)


def test_it_imports_city_and_country_values_with_their_source(small_frame):
    run("covariates_good.csv")
    assert Covariate.objects.count() == 4
    value = Covariate.objects.get(city=small_frame["C1"])
    assert (value.variable, value.value, value.year, value.level) == ("gdp_per_head", 52000.5, 2021, "city")
    assert value.source == "Eurostat urb_cecfi (test)" and not value.synthetic
    assert Covariate.objects.get(country_id="GR").value == 11.1  # EL is read as GR
    assert Covariate.objects.get(country_id="DE").year is None


def test_importing_again_replaces_rather_than_duplicates(small_frame):
    run("covariates_good.csv")
    run("covariates_good.csv", "--synthetic")
    assert Covariate.objects.count() == 4
    assert Covariate.objects.filter(synthetic=True).count() == 4


def test_it_reports_every_bad_row_with_line_and_field_and_imports_nothing(small_frame):
    with pytest.raises(CommandError) as raised:
        run("covariates_bad.csv")
    message = str(raised.value)
    assert "[covariates_bad.csv · line 3 · id] no frame city has city_id 'NOPE'" in message
    assert "line 4 · level" in message and "ANALYSIS-E012" in message
    for field, code in (("id", "E013"), ("variable", "E014"), ("value", "E015"), ("year", "E016"), ("source", "E017")):
        assert f"line 5 · {field}" in message and f"ANALYSIS-{code}" in message
    assert "line 6 · variable] the same level, id, variable and year as line 2" in message
    assert Covariate.objects.count() == 0


def test_it_names_the_missing_columns(small_frame):
    with pytest.raises(CommandError, match=r"line 1\] missing column\(s\) year, source"):
        run("covariates_missing_column.csv")


def test_it_rejects_a_file_that_does_not_exist(db):
    with pytest.raises(CommandError, match="ANALYSIS-E010"):
        call_command("covariates", "import", "/nonexistent/covariates.csv")


def test_the_analysis_joins_the_latest_value_of_each_covariate(small_frame):
    from citydip.analysis import dataset

    run("covariates_good.csv")
    Covariate.objects.create(level="city", city=small_frame["C1"], variable="gdp_per_head", value=1.0, year=2015, source="old")
    cities = dataset.load().cities.set_index("name")
    assert cities.loc["C1", "gdp_per_head"] == 52000.5
    assert cities.loc["A2", "country_unemployment_rate"] == 3.1


@pytest.mark.parametrize("code", ["-99", "-98", "-97", "-99.0"])
def test_it_rejects_missing_value_codes_so_they_never_enter_a_model(small_frame, tmp_path, code):
    path = tmp_path / "codes.csv"
    path.write_text("level,id,variable,value,year,source\ncity,DE_A1,airport,1,2021,test\n"
                    f"city,DE_A2,airport,{code},2021,test\n", encoding="utf-8")
    with pytest.raises(CommandError) as raised:
        call_command("covariates", "import", str(path))
    assert "line 3 · value" in str(raised.value) and "ANALYSIS-E025" in str(raised.value)
    assert "missing-value code" in str(raised.value)
    assert Covariate.objects.count() == 0
