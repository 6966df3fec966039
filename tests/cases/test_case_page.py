"""The case page shows every source of an accepted case; researchers add status, events and visits."""
from citydip.cases.models import CaseEvent, FieldVisit
from citydip.core.models import AuditEvent
from tests.cases.conftest import QUOTE


def test_the_demo_step_accepts_three_cases_with_synthetic_material(study):
    from citydip.analysis.models import CaseStudy
    from citydip.qda.models import Document

    case = study["case"]
    assert case.status == "accepted" and study["other"].status == "accepted"  # only two proposals: both taken
    documents = Document.objects.filter(case=case, kind="case_document")
    assert sorted(documents.values_list("doc_type", flat=True)) == ["agreement", "council_resolution", "press"]
    assert set(documents.values_list("language", flat=True)) == {"en", "zh"}
    assert all(d.synthetic for d in documents) and all(e.synthetic for e in case.events.all())
    assert case.field_visits.get().synthetic and documents.filter(segments__isnull=False).exists()
    assert CaseStudy.objects.filter(status="accepted").count() == 2


def test_a_case_page_shows_every_source_of_an_accepted_case(study, researcher, client_for):
    case = study["case"]
    page = client_for(researcher).get(f"/cases/{case.pk}/").content.decode()
    expected = [
        "accepted for the demo",  # status with its reason
        "stands out by gdp_per_head",  # why chosen
        "580,000", "Eurostat (test)",  # frame facts, covariates
        "wave 1", "wave 2", 'class="changed"',  # answers in every wave, with what changed
        "Nanjing", "https://www.wikidata.org/wiki/Q2066",  # partnerships with evidence
        "1990", "tie signed", "tie ended", "2022-06-30", "delegation from Nanjing", "answered the survey wave",
        "2018-03-22", "field visit",  # timeline from every source
        study["interview"].pseudonym, "Agreement on friendly cooperation", "council resolution",  # interviews, documents
        "demo_coder_a: ", "<progress",  # coding progress per coder
        "Council conditions (synthetic)",  # memos
        "City official A", "Chamber of commerce C",  # field-visit log
        QUOTE,  # themes with a consented quotation
    ]
    missing = [text for text in expected if text not in page]
    assert missing == []
    assert AuditEvent.objects.filter(action="cases.view", object_id=str(case.pk)).exists()


def test_the_timeline_is_in_date_order_and_includes_researcher_events(study, researcher, client_for):
    from citydip.cases.workspace import timeline

    case = study["case"]
    response = client_for(researcher).post(f"/cases/{case.pk}/events/", {
        "date": "2019-09-01", "kind": "delegation", "title": "mayor travels to Nanjing",
        "source": "Westdeutsche Zeitung, 2 Sept 2019"})
    assert response.status_code == 302
    events = timeline(case)
    assert [e.date for e in events] == sorted(e.date for e in events)
    added = next(e for e in events if e.title == "mayor travels to Nanjing")
    assert added.source == "Westdeutsche Zeitung, 2 Sept 2019"
    assert AuditEvent.objects.filter(action="cases.event").exists()


def test_an_event_needs_a_source(study, researcher, client_for):
    case = study["case"]
    response = client_for(researcher).post(f"/cases/{case.pk}/events/", {"date": "2019-09-01", "kind": "other",
                                                                         "title": "something"})
    assert response.status_code == 400 and not CaseEvent.objects.filter(title="something").exists()


def test_a_status_change_keeps_its_reason_on_the_case_and_the_timeline(study, researcher, client_for):
    case = study["case"]
    client_for(researcher).post(f"/cases/{case.pk}/status/", {"status": "dropped",
                                                              "reason": "the city declined interviews"})
    case.refresh_from_db()
    assert (case.status, case.status_reason) == ("dropped", "the city declined interviews")
    event = case.events.get(kind="status", added_by__isnull=False)
    assert event.title == "status: accepted → dropped" and event.description == "the city declined interviews"
    assert AuditEvent.objects.get(action="cases.status").detail["new"] == "dropped"


def test_a_field_visit_is_logged_with_pseudonyms(study, researcher, client_for):
    case = study["case"]
    bad = client_for(researcher).post(f"/cases/{case.pk}/visits/", {"start": "2026-05-03", "end": "2026-05-01"})
    assert bad.status_code == 400
    client_for(researcher).post(f"/cases/{case.pk}/visits/", {"start": "2026-05-01", "end": "2026-05-03",
                                                              "people_met": "City official 7\n\nNGO 2", "notes": "ok"})
    visit = FieldVisit.objects.get(start="2026-05-01")
    assert visit.people() == ["City official 7", "NGO 2"] and visit.researcher == researcher


def test_a_coder_may_not_open_a_case(study, coder, client_for):
    assert client_for(coder).get(f"/cases/{study['case'].pk}/").status_code == 403
