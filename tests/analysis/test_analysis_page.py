"""The analysis page and its run files: researchers and admins only; tables, figures and case studies shown."""
import pytest
from django.test import RequestFactory
from django.urls import reverse

from citydip.analysis.city_sections import city_section
from citydip.analysis.models import AnalysisRun, CaseStudy
from citydip.analysis.publish import Publisher
from tests.analysis import builders


@pytest.fixture
def run(db, tmp_path):
    import pandas as pd

    from citydip.analysis.publish import plt

    out = Publisher(tmp_path / "out")
    out.table("prevalence_overall", pd.DataFrame([{"group": "all", "n": 4, "share": 0.5}]), "Cities cooperating now")
    fig, ax = plt.subplots()
    ax.plot([0, 1], [0, 1])
    out.figure("prevalence_by_country", fig, "Cooperating, by country")
    out.skip("typology", "too few cities")
    (tmp_path / "secret.txt").write_text("not listed")
    return AnalysisRun.objects.create(started="2026-01-01T00:00Z", output_dir=str(out.directory), outputs=out.entries,
                                      skipped=out.skipped, database_state={"checksum": "ab" * 32, "counts": {"frame_cities": 4}})


@pytest.fixture
def case(db):
    city = builders.city("Lyon", "FR", 520_000, urau="FR003C")
    return CaseStudy.objects.create(city=city, rationale={"why": "stands out by log_population (z = +1.20)",
                                                          "covariates": {"log_population": 13.16}},
                                    status_reason="proposed by `cases select`")


@pytest.mark.parametrize("persona", ["researcher", "admin_user"])
def test_researchers_and_admins_see_the_latest_run_and_the_case_studies(persona, request, client_for, run, case):
    response = client_for(request.getfixturevalue(persona)).get(reverse("analysis:index"))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Cities cooperating now" in page and "<td>0.5</td>" in page
    assert reverse("analysis:run-file", args=[run.pk, "figures/prevalence_by_country.png"]) in page
    assert "typology" in page and "too few cities" in page
    assert "Lyon" in page and "stands out by log_population" in page and "proposed" in page


@pytest.mark.parametrize("persona", ["fieldworker", "coder", "outsider"])
def test_other_roles_are_refused(persona, request, client_for, run):
    client = client_for(request.getfixturevalue(persona))
    assert client.get(reverse("analysis:index")).status_code == 403
    assert client.get(reverse("analysis:run-file", args=[run.pk, "tables/prevalence_overall.csv"])).status_code == 403


def test_an_anonymous_visitor_is_sent_to_the_login(client, db):
    response = client.get(reverse("analysis:index"))
    assert response.status_code == 302 and "login" in response["Location"]


def test_the_page_offers_the_button_when_there_is_nothing_yet(researcher, client_for):
    page = client_for(researcher).get(reverse("analysis:index")).content.decode()
    assert f'action="{reverse("analysis:run")}"' in page and "No analysis run yet: press Run the analysis." in page
    assert "command line is the interface" not in page and "citydip cases select -n 10" in page


def test_a_run_serves_only_the_files_it_lists(researcher, client_for, run):
    client = client_for(researcher)
    response = client.get(reverse("analysis:run-file", args=[run.pk, "tables/prevalence_overall.csv"]))
    assert response.status_code == 200 and b"group,n,share" in b"".join(response.streaming_content)
    svg = client.get(reverse("analysis:run-file", args=[run.pk, "figures/prevalence_by_country.svg"]))
    assert svg["Content-Type"] == "image/svg+xml"
    assert client.get(reverse("analysis:run-file", args=[run.pk, "../secret.txt"])).status_code == 404
    assert client.get(reverse("analysis:run-file", args=[run.pk, "index.json"])).status_code == 404


def test_the_city_section_shows_the_case_study_status_to_researchers_only(researcher, fieldworker, case):
    request = RequestFactory().get("/")
    request.user = researcher
    section = city_section(request, case.city)
    assert section["context"]["case"] == case and section["template"] == "analysis/city_section.html"
    request.user = fieldworker
    assert city_section(request, case.city) is None
    request.user = researcher
    assert city_section(request, builders.city("Elsewhere", "FR")) is None


def test_the_home_panel_counts_case_studies_by_status(researcher, coder, case, client_for):
    from citydip.analysis.home import home_panel

    request = RequestFactory().get("/")
    request.user = researcher
    assert home_panel(request)["context"]["statuses"] == {"proposed": 1}
    request.user = coder
    assert home_panel(request) is None
    assert "Case studies" in client_for(researcher).get(reverse("home")).content.decode()


def test_the_city_section_template_renders_status_and_reason(case):
    from django.template.loader import render_to_string

    html = render_to_string("analysis/city_section.html", {"panel": {"case": case}})
    assert "proposed by `cases select`" in html and "stands out by log_population" in html
