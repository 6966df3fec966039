"""On a demo-like study (80 synthetic cities, the analysis, qda and cases demo steps in the demo's order), an
accepted case's page shows every source the issue lists."""
import re

from citydip.demo.steps import DemoContext
from tests.analysis import builders


def test_an_accepted_demo_case_shows_every_source(db, researcher, client_for):
    from datetime import UTC, datetime

    from citydip.analysis import demo_data as analysis_demo
    from citydip.analysis.models import CaseStudy
    from citydip.cases import demo_data as cases_demo
    from citydip.qda import demo_data as qda_demo
    from citydip.survey.models import Response

    builders.synthetic_study(n=80, seed=7)
    Response.objects.filter(state="complete").update(submitted=datetime(2026, 5, 4, tzinfo=UTC))  # as the demo's
    context = DemoContext(data_dir=None, log=lambda m: None, quiet=True)
    for step in (analysis_demo, qda_demo, cases_demo):
        step.build_demo(context)
    accepted = list(CaseStudy.objects.filter(status="accepted"))
    assert len(accepted) == 3 and CaseStudy.objects.filter(status="proposed").count() == 7
    case = accepted[0]
    page = client_for(researcher).get(f"/cases/{case.pk}/").content.decode()
    sections = dict(re.findall(r'<section id="([a-z]+)" class="case-section">(.*?)</section>', page, re.S))
    assert set(sections) == {"status", "why", "facts", "answers", "partnerships", "timeline", "interviews",
                             "documents", "themes", "memos", "visits", "chapter"}
    assert "accepted for the demo" in sections["status"] and case.rationale["why"] in sections["why"]
    assert "synthetic (citydip demo)" in sections["facts"] and "<td><code>coop_status</code></td>" in sections["answers"]
    for kind in ("delegation", "agreement", "council resolution", "press", "field visit", "interview", "survey"):
        assert f'<span class="kind">{kind}</span>' in sections["timeline"], kind
    assert "City official" in sections["interviews"]
    assert all(t in sections["documents"] for t in ("agreement", "council resolution", "press", ">zh<", "<progress"))
    assert "一带一路" in sections["themes"] and "the mayor wanted a partner in China" in sections["themes"]
    assert "Council conditions (synthetic)" in sections["memos"] and "Chamber of commerce C" in sections["visits"]
