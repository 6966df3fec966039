"""A demo-like case study: Essen (accepted) with two survey waves, a partnership with evidence, the demo's
synthetic case documents, events, field visit, codings and memo, and one interview (verbatim consent) with a
coded quotation; Lodz proposed. Built from the reports' small study and the demo steps of qda and cases."""
from datetime import UTC, date, datetime

import pytest

QUOTE = "We opened a small China desk in the economic development agency"


@pytest.fixture
def study(db, tmp_path):
    from citydip.analysis.models import CaseStudy, Covariate
    from citydip.cases import demo_data as cases_demo
    from citydip.demo.steps import DemoContext
    from citydip.frame.models import City
    from citydip.partnerships.models import Evidence, Partnership
    from citydip.qda import demo_data as qda_demo
    from citydip.qda.documents import create_document
    from citydip.qda.models import Code, Interview, Segment
    from citydip.survey.models import Response, Wave
    from tests.reports.study import build_study
    from tests.survey.web_fixtures import make_place

    wave, responses = build_study(tmp_path, synthetic=True)
    City.objects.update(in_frame=True)
    essen = City.objects.get(urau_code="DE001C")
    lodz = City.objects.get(urau_code="PL001C")
    later = Wave.objects.create(name="wave 2", questionnaire=wave.questionnaire)
    Response.objects.create(wave=later, city=essen, language="en", state="complete", synthetic=True,
                            submitted=datetime(2027, 5, 4, tzinfo=UTC),
                            answers={"coop_status": "past", "bri": "no", "goals": ["trade"],
                                     "partners": [{"partner_name": "Nanjing", "partner_year": 1990}]})
    nanjing = make_place("1799962", "Nanjing", "南京")
    nanjing.lat, nanjing.lon = 32.06, 118.78
    nanjing.save()
    essen.lat, essen.lon = 51.45, 7.01
    essen.save()
    tie = Partnership.objects.create(city=essen, place=nanjing, kind="sister", year_signed=1990, status="ended")
    Evidence.objects.create(partnership=tie, source="wikidata", reference="https://www.wikidata.org/wiki/Q2066",
                            status="ended", date=date(2022, 6, 30))
    Covariate.objects.create(level="city", city=essen, variable="gdp_per_head", value=41000, year=2021,
                             source="Eurostat (test)")
    Covariate.objects.create(level="city", city=lodz, variable="gdp_per_head", value=19000, year=2021,
                             source="Eurostat (test)")
    case = CaseStudy.objects.create(city=essen, status="proposed", rationale={
        "why": "stands out by gdp_per_head (z = +1.20)", "covariates": {"gdp_per_head": 41000.0},
        "z": {"gdp_per_head": 1.2}, "rule": {"method": "max-min diversity", "distance": "Euclidean on z-scores",
                                              "candidates": 3, "constraints": {"max_per_country": 2}, "seed": 1}})
    other = CaseStudy.objects.create(city=lodz, status="proposed", rationale={"why": "large and eastern"})
    context = DemoContext(data_dir=None, log=lambda m: None, quiet=True)
    qda_demo.build_demo(context)  # codebook, coders, synthetic interviews (EU officials among them)
    interview = Interview.objects.create(institution_type="city", role="head of the China desk", city=essen,
                                         case=case, date=date(2026, 4, 21), consent_verbatim=True,
                                         attribution="function", synthetic=True)
    transcript = create_document(f"Interviewer: What changed?\n\nR: {QUOTE}, and later closed it.\n",
                                 f"Interview {interview.pseudonym}", interview=interview, synthetic=True)
    start = transcript.text.index(QUOTE)
    coder = qda_demo.demo_coders()["a"]
    Segment.objects.create(document=transcript, start=start, end=start + len(QUOTE),
                           code=Code.objects.get(name="institutionalisation"), coder=coder,
                           created=datetime(2026, 4, 22, tzinfo=UTC))
    cases_demo.build_demo(context)  # accepts the proposed cases (Essen first: it has an interview)
    case.refresh_from_db()
    other.refresh_from_db()
    return {"case": case, "other": other, "interview": interview, "transcript": transcript, "essen": essen,
            "lodz": lodz, "tie": tie, "waves": (wave, later)}
