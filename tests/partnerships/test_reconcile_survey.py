from django.core.management import call_command
from django.utils import timezone

from citydip.partnerships.importer import import_pairs
from citydip.partnerships.models import Evidence, Partnership
from citydip.survey.models import Questionnaire, Response, Wave
from citydip.survey.partner_evidence import record_survey_partners
from citydip.survey.reconcile import reconcile

PAIRS = "tests/fixtures/partnerships/pairs_small.csv"


def response_for(city, partners, state="complete"):
    questionnaire = Questionnaire.objects.create(form_id="t", filename="t.xlsx", content=b"", checksum=str(city.pk))
    wave = Wave.objects.create(name="w", questionnaire=questionnaire)
    return Response.objects.create(wave=wave, city=city, state=state, submitted=timezone.now(),
                                   answers={"coop_status": "current", "partners": partners})


def partner(name="", place_id="", kind="sister", year=1986, status="active", areas=("economy",)):
    return {"partner_name": name, "partner_place_id": place_id, "partner_kind": kind, "partner_year": year,
            "partner_status": status, "partner_areas": list(areas)}


def test_survey_partners_become_partnerships_with_survey_evidence(gazetteer, frame):
    response = response_for(frame["Wien"], [partner("Chengdu", "1815286"), partner("Pékin"), partner("Suzhou")])
    outcomes = record_survey_partners(response)
    assert [o.partnership is not None for o in outcomes] == [True, True, False]
    assert "ambiguous" in outcomes[2].reason
    beijing = Partnership.objects.get(city=frame["Wien"], place__place_id="1816670")
    evidence = beijing.evidence.get()
    assert (evidence.source, evidence.kind, evidence.year_signed, evidence.areas) == ("survey", "sister", 1986, ["economy"])


def test_recording_again_updates_instead_of_duplicating(gazetteer, frame):
    response = response_for(frame["Wien"], [partner("Chengdu"), partner("Peking")])
    record_survey_partners(response)
    response.answers["partners"] = [partner("Chengdu", year=1990)]
    record_survey_partners(response)
    assert Evidence.objects.filter(source="survey").count() == 1
    assert Evidence.objects.get(source="survey").year_signed == 1990
    assert not Partnership.objects.filter(place__place_id="1816670").exists()


def test_reconcile_sorts_partnerships_into_open_only_survey_only_and_both(gazetteer, frame):
    import_pairs(PAIRS, "test")
    response_for(frame["Hamburg"], [partner("Shanghai", year=1989), partner("Wuhan")])
    report = reconcile()
    [hamburg] = report.cities
    assert [p.place.name for p in hamburg.only_survey] == ["Wuhan"]
    [(both, diffs)] = hamburg.both
    assert both.place.name == "Shanghai" and diffs == {"year_signed": ("1989", "1986")}
    assert hamburg.only_open == []


def test_reconcile_lists_open_data_a_city_did_not_report(gazetteer, frame, capsys, tmp_path):
    import_pairs(PAIRS, "test")
    response_for(frame["Düsseldorf"], [])
    output = tmp_path / "reconcile.csv"
    call_command("partnerships", "reconcile", "--output", str(output))
    out = capsys.readouterr().out
    assert "only in open data: Chongqing" in out
    assert "only_open" in output.read_text(encoding="utf-8")
