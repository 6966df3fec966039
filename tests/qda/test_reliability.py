"""Reliability of coding in the database: units, uncoded text, disagreements, consent."""
from datetime import UTC, datetime

import pytest

from citydip.qda.documents import create_document
from citydip.qda.models import Code, Segment
from citydip.qda.reliability import reliability

TEXT = "A: One.\n\nB: Two.\n\nA: Three.\n\nB: Four.\n"
WHEN = datetime(2026, 1, 1, tzinfo=UTC)


def code_phrase(document, phrase, code, coder):
    start = document.text.index(phrase)
    Segment.objects.create(document=document, start=start, end=start + len(phrase), code=code, coder=coder,
                           created=WHEN)


@pytest.fixture
def coded(db, two_coders):
    one, two = two_coders
    document = create_document(TEXT, "t")
    code = Code.objects.create(name="x")
    code_phrase(document, "One", code, one)
    code_phrase(document, "One", code, two)
    code_phrase(document, "Three", code, one)
    return document, code, one, two


def test_it_measures_agreement_per_paragraph(coded):
    document, code, one, two = coded
    report = reliability(unit_kind="paragraph")
    row = report.rows[0]
    assert row["units"] == 4 and row["percent"] == pytest.approx(0.75)
    assert row["cohen"] == pytest.approx(0.5) and row["alpha"] == pytest.approx(1 - 7 * 2 / (2 * 3 * 5))  # by hand: 8 values, 3 ones
    assert [d["unit"].text for d in report.disagreements] == ["A: Three."]


def test_excluding_uncoded_text_drops_units_nobody_coded(coded):
    report = reliability(unit_kind="paragraph", include_uncoded=False)
    assert report.rows[0]["units"] == 2 and report.rows[0]["percent"] == pytest.approx(0.5)


def test_speaker_turns_are_units_too(coded):
    assert reliability(unit_kind="turn").rows[0]["units"] == 4


def test_a_coder_who_did_not_code_a_document_counts_as_missing_not_as_disagreeing(coded, db):
    from tests.conftest import make_user

    document, code, one, two = coded
    third = make_user("coder_three", "coder")
    report = reliability(coders=[one, two, third])
    assert report.rows[0]["percent"] == pytest.approx(0.75)
    assert report.rows[0]["fleiss"] is None  # no unit coded by all three


def test_a_withdrawn_interview_leaves_the_reliability_figures(coded):
    from django.utils import timezone as tz

    from citydip.qda.models import Interview

    document, *_ = coded
    document.interview = Interview.objects.create(institution_type="city", withdrawn_at=tz.now())
    document.save()
    assert reliability().units == []


def test_the_demo_coders_disagree_somewhat(demo_qda):
    report = reliability()
    assert 0.5 < report.overall["alpha"] < 0.95
    assert report.disagreements


def test_a_researcher_resolves_a_disagreement_by_choosing_a_version(coded, researcher, client_for):
    from citydip.qda.models import Resolution

    document, code, one, two = coded
    unit = reliability().disagreements[0]["unit"]
    response = client_for(researcher).post("/qda/reliability/resolve/", {
        "document": document.pk, "code": code.pk, "coder": two.pk, "unit_kind": "paragraph",
        "start": unit.start, "end": unit.end, "next": "/qda/reliability/"})
    assert response.status_code == 302
    resolution = Resolution.objects.get()
    assert resolution.applies is False and resolution.chosen_coder == two and resolution.decided_by == researcher
    page = client_for(researcher).get("/qda/reliability/").content.decode()
    assert "coder_two's version (by rita_researcher)" in page


def test_the_reliability_page_compares_the_coders_the_researcher_ticks(coded, researcher, client_for):
    from tests.conftest import make_user

    document, code, one, two = coded
    third = make_user("coder_three", "coder")
    code_phrase(document, "Two", code, third)
    client = client_for(researcher)
    everyone = client.get("/qda/reliability/").content.decode()
    assert "coders: coder_one, coder_three, coder_two." in everyone
    pair = client.get(f"/qda/reliability/?unit=paragraph&uncoded=include&level=nominal&coders={one.pk}&coders={two.pk}")
    text = pair.content.decode()
    assert "coders: coder_one, coder_two." in text
    assert '<td class="num" data-measure="cohen">0.500</td>' in text


def test_building_the_demo_twice_changes_nothing(demo_qda):
    from citydip.demo.steps import DemoContext
    from citydip.qda.demo_data import build_demo
    from citydip.qda.models import Document, Interview, Memo

    before = (Interview.objects.count(), Document.objects.count(), Segment.objects.count(), Memo.objects.count())
    build_demo(DemoContext(data_dir=None, log=lambda msg: None))
    assert (Interview.objects.count(), Document.objects.count(), Segment.objects.count(),
            Memo.objects.count()) == before == (6, 6, 43, 1)
