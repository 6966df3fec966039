import random

import pytest

from citydip.demo.steps import DemoContext
from citydip.gazetteer.models import Place
from citydip.partnerships.models import Partnership
from citydip.survey import xlsform as engine
from citydip.survey.demo_data import build_demo
from citydip.survey.models import Response
from citydip.survey.review import load_wave_form
from tests.survey.web_fixtures import make_city

SHORT_BRANCH = {"past_contacts", "no_coop_reasons", "future_interest", "other_asian_partners", "willing_contact"}


@pytest.fixture
def frame(db):
    cities = [make_city(f"City {i}", iso, f"{iso}{i:03d}C") for i, iso in enumerate(["DE", "FR", "PL", "IT"] * 5)]
    wuhan = Place.objects.create(place_id="1791247", name="Wuhan", name_zh="武汉", level="prefecture", population=9)
    Place.objects.create(place_id="1815286", name="Chengdu", name_zh="成都", level="prefecture", population=8)
    for city in cities[:8]:
        Partnership.objects.create(city=city, place=wuhan, kind="sister", year_signed=1999, status="active",
                                   areas=["culture"])
    return cities


def run(seed=2026):
    logged = []
    build_demo(DemoContext(data_dir=None, log=logged.append, rng=random.Random(seed)))
    return logged


def test_it_answers_for_about_half_of_the_cities_all_marked_synthetic(frame):
    log = run()
    answered = Response.objects.exclude(state="not_started")
    assert answered.count() == 10 and all(r.synthetic for r in answered)
    assert {r.state for r in answered} == {"complete", "partial"}
    assert any("/survey/r/" in line for line in log)


def test_complete_answers_pass_the_instruments_own_validation(frame):
    run()
    response = Response.objects.filter(state="complete").first()
    form = load_wave_form(response.wave)
    for response in Response.objects.filter(state="complete"):
        assert engine.validate_all(form, response.answers, "en") == {}
        if response.answers["consent"] == "no":
            assert set(response.answers) == {"consent"}
            continue
        if response.answers["coop_status"] == "current":
            assert response.answers["partners"] and not SHORT_BRANCH & set(response.answers)
        else:
            assert "partners" not in response.answers
        assert response.confidential == (response.answers.get("publish_city_name") == "no")


def test_cities_in_the_register_name_their_registered_partner(frame):
    run()
    cooperating = [r for r in Response.objects.filter(city__in=frame[:8]) if r.answers.get("partners")]
    assert cooperating
    for response in cooperating:
        assert response.answers["partners"][0]["partner_place_id"] == "1791247"


def test_past_cities_name_former_partners_and_edition_2_items_are_answered(frame):
    run(seed=7)
    answered = [r.answers for r in Response.objects.filter(state="complete") if r.answers.get("consent") == "yes"]
    assert any("thm_ties" in a for a in answered)
    for answers in answered:
        if answers["coop_status"] == "past":
            assert answers.get("former_partners") and "brokers" in answers


def test_the_study_settings_are_filled_with_values_marked_synthetic(frame):
    from citydip.survey.models import StudySettings
    from citydip.survey.study_settings import missing

    run()
    settings = StudySettings.get()
    assert settings.synthetic and missing(settings) == [] and "(synthetic)" in settings.institution


def test_it_is_deterministic(frame):
    registered = set(Partnership.objects.values_list("pk", flat=True))
    run()
    first = list(Response.objects.order_by("city_id").values_list("city_id", "state", "answers"))
    Partnership.objects.exclude(pk__in=registered).delete()  # those the first run's answers added
    Response.objects.all().delete()
    from citydip.survey.models import Wave

    Wave.objects.all().delete()
    run()
    assert list(Response.objects.order_by("city_id").values_list("city_id", "state", "answers")) == first


def test_the_answers_are_the_same_generated_in_one_process_or_two(frame):
    from citydip.core.parallel import run_forked
    from citydip.survey.demo_data import answers_task, fallback_places, register_partners
    from citydip.survey.models import Wave

    run()
    form, places, registered = load_wave_form(Wave.objects.get()), fallback_places(), register_partners()
    jobs = [(city, registered.get(city.pk), seed) for seed, city in enumerate(frame)]
    tasks = [answers_task(form, jobs[start:start + 7], places) for start in range(0, len(jobs), 7)]
    one, two = run_forked(tasks, workers=1), run_forked(tasks, workers=2)
    assert one == two and sum(len(chunk) for chunk in one) == len(frame)
    assert {state for chunk in one for _, state, _ in chunk} == {"complete", "partial"}
