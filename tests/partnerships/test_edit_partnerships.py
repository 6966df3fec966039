"""A researcher adds, corrects and ends a partnership, with its evidence, from a city's or a place's page."""
from django.urls import reverse

from citydip.core.models import AuditEvent
from citydip.gazetteer.models import Place
from citydip.partnerships.models import Evidence, Partnership, disagreements


def test_a_partnership_is_added_from_the_city_page(gazetteer, frame, researcher, client_for):
    client = client_for(researcher)
    hamburg = frame["Hamburg"]
    city_page = client.get(reverse("frame:city-detail", args=[hamburg.pk])).content.decode()
    add_url = f"{reverse('partnerships:add')}?city={hamburg.pk}"
    assert add_url in city_page
    form = client.get(add_url).content.decode()
    assert f'value="{hamburg.pk}" selected' in form
    missing = client.post(reverse("partnerships:add"), {"city": hamburg.pk, "place_id": "1886760", "kind": "sister"})
    assert missing.status_code == 200 and "This field is required" in missing.content.decode()
    done = client.post(reverse("partnerships:add"), {
        "city": hamburg.pk, "place_id": "1886760", "kind": "sister", "year_signed": "2004", "status": "active",
        "areas": ["economy", "culture"], "reference": "City council resolution 17/2004", "date": "2004-05-01"})
    partnership = Partnership.objects.get(city=hamburg, place__place_id="1886760")
    assert done["Location"] == reverse("partnerships:partnership", args=[partnership.pk])
    assert (partnership.kind, partnership.year_signed, partnership.status) == ("sister", 2004, "active")
    evidence = partnership.evidence.get()
    assert evidence.source == Evidence.Source.MANUAL and evidence.recorded_by == researcher
    assert evidence.reference == "City council resolution 17/2004" and evidence.areas == ["economy", "culture"]
    assert AuditEvent.objects.get(action="partnerships.manual").user == researcher


def test_an_unknown_place_is_refused(gazetteer, frame, researcher, client_for):
    page = client_for(researcher).post(reverse("partnerships:add"), {
        "city": frame["Hamburg"].pk, "place_id": "999999999", "reference": "x"})
    assert "No place of the gazetteer has this id" in page.content.decode() and not Partnership.objects.exists()


def test_a_correction_keeps_what_other_sources_said(gazetteer, frame, researcher, client_for):
    client = client_for(researcher)
    client.post(reverse("partnerships:add"), {"city": frame["Hamburg"].pk, "place_id": "1886760",
                                              "year_signed": "2004", "reference": "a list"})
    partnership = Partnership.objects.get()
    Evidence.objects.create(partnership=partnership, source="import", source_name="wiki", year_signed=2006)
    page = client.get(reverse("partnerships:partnership", args=[partnership.pk])).content.decode()
    assert "Correct the facts" in page and "End the partnership" in page
    client.post(reverse("partnerships:partnership", args=[partnership.pk]),
                {"year_signed": "2005", "reference": "Signed copy in the city archive"})
    partnership.refresh_from_db()
    assert partnership.year_signed == 2005 and partnership.evidence.count() == 3
    assert "import: wiki" in disagreements(partnership)["year_signed"]
    assert AuditEvent.objects.filter(action="partnerships.correct").exists()


def test_a_partnership_is_ended_with_evidence_from_the_place_page(gazetteer, frame, researcher, client_for):
    client = client_for(researcher)
    client.post(reverse("partnerships:add"), {"city": frame["Hamburg"].pk, "place_id": "1886760",
                                              "status": "active", "reference": "a list"})
    partnership = Partnership.objects.get()
    place_page = client.get(reverse("gazetteer:place", args=["1886760"])).content.decode()
    assert reverse("partnerships:partnership", args=[partnership.pk]) in place_page
    assert f"{reverse('partnerships:add')}?place=1886760" in place_page
    refused = client.post(reverse("partnerships:end", args=[partnership.pk]), {"reference": ""}, follow=True)
    assert "Say where the end is documented" in refused.content.decode()
    client.post(reverse("partnerships:end", args=[partnership.pk]), {"reference": "Letter of 3 March 2021"})
    partnership.refresh_from_db()
    assert partnership.status == "ended"
    assert partnership.evidence.filter(status="ended", reference="Letter of 3 March 2021").exists()
    assert AuditEvent.objects.filter(action="partnerships.end").exists()


def test_only_researchers_edit_the_register(gazetteer, frame, fieldworker, coder, client_for):
    partnership = Partnership.objects.create(city=frame["Hamburg"], place=Place.objects.get(place_id="1886760"))
    for user in (fieldworker, coder):
        client = client_for(user)
        assert client.get(reverse("partnerships:add")).status_code == 403
        assert client.get(reverse("partnerships:partnership", args=[partnership.pk])).status_code == 403
        assert client.post(reverse("partnerships:end", args=[partnership.pk]), {"reference": "x"}).status_code == 403
    assert partnership.evidence.count() == 0
