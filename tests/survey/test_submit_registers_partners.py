from citydip.partnerships.models import Evidence, Partnership
from citydip.survey.models import Response
from citydip.survey.responses import submit
from tests.survey.web_fixtures import city, make_place, mini_wave  # noqa: F401


def test_a_submitted_response_puts_its_partners_in_the_register(mini_wave, city,
                                                                 django_capture_on_commit_callbacks):
    place = make_place("1791247", "Wuhan", "武汉市")
    response = Response.objects.create(wave=mini_wave, city=city, state="partial", answers={
        "coop_status": "current",
        "partners": [{"partner_name": "Wuhan", "partner_place_id": "1791247", "partner_kind": "sister",
                      "partner_year": 1999, "partner_status": "active", "partner_areas": ["economy"]}]})
    with django_capture_on_commit_callbacks(execute=True):
        submit(response.pk, finalise=lambda answers: answers)
    partnership = Partnership.objects.get(city=city, place=place)
    evidence = partnership.evidence.get()
    assert evidence.source == Evidence.Source.SURVEY and evidence.year_signed == 1999
    assert partnership.year_signed == 1999 and partnership.kind == "sister"


def test_a_partner_that_cannot_be_placed_never_costs_the_submission(mini_wave, city,
                                                                     django_capture_on_commit_callbacks):
    response = Response.objects.create(wave=mini_wave, city=city, state="partial", answers={
        "coop_status": "current", "partners": [{"partner_name": "Atlantis", "partner_place_id": "no-such-place"}]})
    with django_capture_on_commit_callbacks(execute=True):
        submit(response.pk, finalise=lambda answers: answers)
    assert Response.objects.get(pk=response.pk).state == Response.State.COMPLETE
    assert not Partnership.objects.exists()
