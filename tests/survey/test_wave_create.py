"""`citydip survey wave create --form FORM [--name NAME]`: a new current wave over the newest frame."""
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from citydip.core.models import AuditEvent
from citydip.frame.models import FrameVersion
from citydip.survey.models import Questionnaire, Wave
from citydip.survey.waves import create_wave
from tests.survey.form_fixtures import INSTRUMENT, fixture

pytestmark = pytest.mark.django_db


def make_frame_version():
    return FrameVersion.objects.create(source="test", rule={"min_population": 50000})


def create(*args):
    out = StringIO()
    call_command("survey", "wave", "create", *map(str, args), stdout=out)
    return out.getvalue()


# the official languages of the 27 member states used by city halls (English serves Ireland and Malta)
EU_LANGUAGES = ["bg", "cs", "da", "de", "el", "en", "es", "et", "fi", "fr", "hr", "hu", "it", "lt", "lv", "nl", "pl", "pt", "ro", "sk", "sl", "sv"]


def test_it_fields_the_instrument_over_the_newest_frame():
    make_frame_version()
    newest = make_frame_version()
    out = create("--form", INSTRUMENT, "--name", "Wave 1 (2026)")
    wave = Wave.current()
    assert wave.name == "Wave 1 (2026)" and wave.frame_version == newest
    questionnaire = wave.questionnaire
    assert questionnaire.form_id == "eu_china_cities" and questionnaire.version == "2026.2"
    assert questionnaire.languages[0] == "en" and sorted(questionnaire.languages) == sorted(EU_LANGUAGES)
    assert bytes(questionnaire.content) == INSTRUMENT.read_bytes()
    assert "it is now the current wave" in out
    assert AuditEvent.objects.filter(action="survey.wave.create", object_id=str(wave.pk)).exists()


def test_a_later_wave_becomes_current_and_reuses_the_same_questionnaire():
    make_frame_version()
    first = create_wave(INSTRUMENT, name="Wave 1")
    second = create_wave(INSTRUMENT, name="Wave 2")
    assert Wave.current() == second != first
    assert Questionnaire.objects.count() == 1
    assert second.name == "Wave 2"


def test_it_names_the_wave_after_the_form_by_default():
    make_frame_version()
    wave = create_wave(fixture("household_roster.md"))
    assert wave.name == "Household roster 7"


def test_it_needs_a_frame_first():
    with pytest.raises(CommandError, match="SURVEY-E010"):
        create("--form", INSTRUMENT)
    assert not Wave.objects.exists() and not Questionnaire.objects.exists()


def test_a_broken_form_leaves_nothing_behind(tmp_path):
    make_frame_version()
    path = tmp_path / "broken.md"
    path.write_text("| survey |\n| | type | name | label | relevant |\n| | text | a | A | ${a} = = 1 |\n")
    with pytest.raises(CommandError, match=r"\[broken.md · survey · row 2 · column relevant\]"):
        create("--form", path)
    assert not Wave.objects.exists() and not Questionnaire.objects.exists()


def test_answers_are_linked_across_waves_by_city():
    from citydip.core.models import Country
    from citydip.frame.models import City
    from citydip.survey.models import Response
    from citydip.survey.waves import city_history, previous_response

    make_frame_version()
    city = City.objects.create(name="Łódź", country=Country.ensure("PL"), urau_code="PL006C")
    first, second = create_wave(INSTRUMENT, name="2026"), create_wave(INSTRUMENT, name="2028")
    before = Response.objects.create(wave=first, city=city, answers={"coop_status": "current"})
    after = Response.objects.create(wave=second, city=city, answers={"coop_status": "past"})
    assert city_history(city) == [before, after]
    assert previous_response(after) == before and previous_response(before) is None
