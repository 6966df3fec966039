"""The demo step: labelled synthetic covariates, deterministic, and a case selection."""
from citydip.analysis.demo_data import SOURCE, build_demo
from citydip.analysis.models import CaseStudy, Covariate
from citydip.demo.steps import DemoContext


def test_it_imports_labelled_synthetic_covariates_and_proposes_ten_cases(study):
    messages = []
    build_demo(DemoContext(data_dir=None, log=messages.append))
    assert Covariate.objects.count() == 80 * 5 + 6
    assert set(Covariate.objects.values_list("synthetic", "source").distinct()) == {(True, SOURCE)}
    assert CaseStudy.objects.filter(status="proposed").count() == 10
    first = dict(Covariate.objects.values_list("city__urau_code", "value").filter(variable="gdp_per_head", level="city"))
    build_demo(DemoContext(data_dir=None, log=messages.append))
    again = dict(Covariate.objects.values_list("city__urau_code", "value").filter(variable="gdp_per_head", level="city"))
    assert first == again and Covariate.objects.count() == 80 * 5 + 6
    assert any("synthetic" in m for m in messages)


def test_it_does_nothing_without_a_frame(db):
    messages = []
    build_demo(DemoContext(data_dir=None, log=messages.append))
    assert Covariate.objects.count() == 0 and "no frame cities" in messages[0]
