import re

from django.urls import reverse

from citydip.core.models import AuditEvent
from citydip.partnerships.importer import import_pairs
from citydip.partnerships.models import ImportedRow, Partnership, ReviewDecision

PAIRS = "tests/fixtures/partnerships/pairs_small.csv"


def queued(eu, cn):
    return ImportedRow.objects.get(eu_name=eu, cn_name=cn, outcome="review")


def test_the_queue_lists_rows_with_their_candidates(gazetteer, frame, researcher, client_for):
    import_pairs(PAIRS, "test")
    html = client_for(researcher).get(reverse("partnerships:review")).content.decode()
    assert "Ixelles (BE) – Beijing" in html and "Bruxelles/Brussel" in html
    assert "Hamburg (DE) – Suzhou" in html and "Anhui" in html


def test_a_researcher_picks_the_place_and_the_partnership_is_recorded(gazetteer, frame, researcher, client_for):
    import_pairs(PAIRS, "test")
    row = queued("Hamburg", "Suzhou")
    response = client_for(researcher).post(reverse("partnerships:review-decide", args=[row.pk]),
                                           {"city": frame["Hamburg"].pk, "place": "1886760", "action": "accept", "confirm": "yes"})
    assert response.status_code == 302
    row.refresh_from_db()
    assert row.outcome == "matched" and row.partnership.place.place_id == "1886760"
    evidence = row.partnership.evidence.get()
    assert (evidence.source, evidence.reference, evidence.recorded_by) == ("import", "test#hamburg-suzhou", researcher)
    assert AuditEvent.objects.filter(action="partnerships.review").exists()


def test_a_typed_place_id_wins_over_the_candidates(gazetteer, frame, researcher, client_for):
    import_pairs(PAIRS, "test")
    row = queued("Hamburg", "Suzhou")
    client_for(researcher).post(reverse("partnerships:review-decide", args=[row.pk]),
                                {"city": frame["Hamburg"].pk, "place": "1886760", "place_id": "1793743", "confirm": "yes"})
    assert Partnership.objects.filter(city=frame["Hamburg"], place__place_id="1793743").exists()


def test_a_rejected_row_leaves_the_queue_and_makes_no_partnership(gazetteer, frame, researcher, client_for):
    import_pairs(PAIRS, "test")
    row = queued("Ixelles", "Beijing")
    client_for(researcher).post(reverse("partnerships:review-decide", args=[row.pk]), {"action": "reject",
                                                                                        "confirm": "yes"})
    row.refresh_from_db()
    assert row.outcome == "rejected" and "rita_researcher" in row.reason
    assert not Partnership.objects.filter(place__place_id="1816670").exists()


def test_a_re_import_remembers_decisions_and_asks_nothing_again(gazetteer, frame, researcher, client_for):
    import_pairs(PAIRS, "test")
    client = client_for(researcher)
    client.post(reverse("partnerships:review-decide", args=[queued("Hamburg", "Suzhou").pk]),
                {"city": frame["Hamburg"].pk, "place": "1886760", "confirm": "yes"})
    client.post(reverse("partnerships:review-decide", args=[queued("Ixelles", "Beijing").pk]),
                {"action": "reject", "confirm": "yes"})
    partnerships = list(Partnership.objects.values())
    run = import_pairs(PAIRS, "test")
    assert run.counts["review"] == 0 and run.counts["matched"] == 4 and run.counts["rejected"] == 2
    assert list(Partnership.objects.values()) == partnerships
    other_source = import_pairs(PAIRS, "another listing")
    assert other_source.counts["review"] == 0 and ReviewDecision.objects.count() == 2


def test_a_decision_needs_both_sides(gazetteer, frame, researcher, client_for):
    import_pairs(PAIRS, "test")
    row = queued("Hamburg", "Suzhou")
    client_for(researcher).post(reverse("partnerships:review-decide", args=[row.pk]), {"place": "nowhere", "confirm": "yes"})
    row.refresh_from_db()
    assert row.outcome == "review"


def test_only_researchers_review(gazetteer, frame, fieldworker, coder, client_for):
    import_pairs(PAIRS, "test")
    row = queued("Hamburg", "Suzhou")
    for user in (fieldworker, coder):
        client = client_for(user)
        assert client.get(reverse("partnerships:review")).status_code == 403
        assert client.post(reverse("partnerships:review-decide", args=[row.pk]), {"action": "reject"}).status_code == 403
    row.refresh_from_db()
    assert row.outcome == "review"


def test_a_decision_is_confirmed_before_it_is_recorded(gazetteer, frame, researcher, client_for):
    import_pairs(PAIRS, "test")
    row = queued("Hamburg", "Suzhou")
    page = client_for(researcher).post(reverse("partnerships:review-decide", args=[row.pk]),
                                       {"city": frame["Hamburg"].pk, "place": "1886760", "action": "accept"})
    text = page.content.decode()
    assert page.status_code == 200 and "Confirm the decision" in text and "Record a partnership of Hamburg" in text
    row.refresh_from_db()
    assert row.outcome == "review" and not ReviewDecision.objects.exists()
    rejecting = client_for(researcher).post(reverse("partnerships:review-decide", args=[row.pk]), {"action": "reject"})
    assert "Reject this row" in rejecting.content.decode() and not ReviewDecision.objects.exists()


def test_every_decision_can_be_undone(gazetteer, frame, researcher, client_for):
    import_pairs(PAIRS, "test")
    client = client_for(researcher)
    before = set(Partnership.objects.values_list("pk", flat=True))
    row = queued("Hamburg", "Suzhou")
    client.post(reverse("partnerships:review-decide", args=[row.pk]),
                {"city": frame["Hamburg"].pk, "place": "1886760", "confirm": "yes"})
    client.post(reverse("partnerships:review-decide", args=[queued("Ixelles", "Beijing").pk]),
                {"action": "reject", "confirm": "yes"})
    assert set(Partnership.objects.values_list("pk", flat=True)) != before
    page = client.get(reverse("partnerships:review")).content.decode()
    assert "Recent decisions" in page and page.count(">Undo</button>") == 2
    for decision in ReviewDecision.objects.all():
        client.post(reverse("partnerships:review-undo", args=[decision.pk]))
    assert not ReviewDecision.objects.exists()
    assert set(Partnership.objects.values_list("pk", flat=True)) == before
    assert queued("Hamburg", "Suzhou").partnership is None and queued("Ixelles", "Beijing")
    undo = AuditEvent.objects.filter(action="partnerships.review_undo")
    assert undo.count() == 2 and undo.first().user == researcher
    assert import_pairs(PAIRS, "test").counts["review"] == 2  # asked again, as before the decisions


def test_no_candidate_is_pre_selected_unless_the_match_is_certain(gazetteer, frame, researcher, client_for):
    import_pairs(PAIRS, "test")
    html = client_for(researcher).get(reverse("partnerships:review")).content.decode()
    for row in ImportedRow.objects.filter(outcome="review"):
        section = html.split(f'id="row-{row.pk}"')[1].split("</section>")[0]
        city_sure = row.city_id and "EU:" not in row.reason
        place_sure = row.place_id and "CN:" not in row.reason
        checked = section.count(" checked>")
        assert checked == bool(city_sure) + bool(place_sure), (row, row.reason)
    ixelles = html.split("Ixelles (BE) – Beijing")[1].split("</section>")[0]  # Brussels is only a guess
    assert re.search(r'name="city" value="\d+" checked', ixelles) is None and "Bruxelles" in ixelles
