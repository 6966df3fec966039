"""The study checklist on the home page: the stages in order, their state from the database, the next step."""
import re
from datetime import date, timedelta

from django.utils import timezone

from citydip.analysis.models import AnalysisRun
from citydip.core.audit import record
from citydip.fieldwork.models import Contact, Invitation
from citydip.frame.models import City, FrameVersion
from citydip.survey import sheets
from citydip.survey.models import PilotResponse, Response, StudySettings
from citydip.survey.study_settings import FIELDS
from tests.fieldwork.conftest import make_cities, make_wave

ORDER = ["frame", "instrument", "study", "wave", "pilot", "contacts", "invitations", "tracking", "analysis", "report"]


def stages(client):
    html = client.get("/").content.decode()
    found = re.findall(r'<li class="stage([^"]*)" data-stage="(\w+)">(.*?)</li>', html, re.S)
    return {key: {"classes": classes, "text": " ".join(re.sub(r"<[^>]+>", " ", body).split())}
            for classes, key, body in found}, [key for _, key, _ in found]


def next_step(found):
    return [key for key, stage in found.items() if "next" in stage["classes"]]


def test_an_empty_study_starts_with_the_frame(researcher, client_for):
    found, order = stages(client_for(researcher))
    assert order == ORDER
    assert next_step(found) == ["frame"] and "Build the frame" in found["frame"]["text"]
    assert "no questionnaire yet" in found["instrument"]["text"]
    assert 'href="/frame/build/" class="button"' in client_for(researcher).get("/").content.decode()


def test_each_stage_says_what_the_database_holds(researcher, client_for):
    client = client_for(researcher)
    FrameVersion.objects.create(source="test")
    make_cities(6)
    Contact.objects.filter(email="city-5@example.org").update(retired=date.today())
    wave = make_wave()
    wave.opens = date.today() - timedelta(days=3)
    wave.save()
    found, _ = stages(client)
    assert "7 missing: institution" in found["study"]["text"] and next_step(found) == ["study"]
    study = StudySettings.get()
    for field in FIELDS:
        setattr(study, field, "set")
    study.save()
    found, _ = stages(client)
    assert "6 cities in the frame" in found["frame"]["text"] and "done" in found["frame"]["classes"]
    assert "eu_china_cities version 1, 6 languages" in found["instrument"]["text"]
    assert "Wave 1: open since" in found["wave"]["text"]
    assert "not piloted yet" in found["pilot"]["text"] and next_step(found) == ["pilot"]
    assert "1 city without a contact" in found["contacts"]["text"]

    sheets.issue_pilot(wave, City.objects.first(), "en")
    found, _ = stages(client)
    assert "1 pilot answer (0 complete); clear it before fieldwork" in found["pilot"]["text"]
    sheets.clear_pilot(wave)
    record(researcher, "survey.pilot_clear", wave, deleted=1)
    found, _ = stages(client)
    assert "piloted; cleared on" in found["pilot"]["text"] and next_step(found) == ["invitations"]

    Invitation.objects.bulk_create([Invitation(wave=wave, city=c.city, contact=c, sent_at=timezone.now(),
                                               status="sent") for c in Contact.objects.all()[:4]])
    found, _ = stages(client)
    assert "4 of 6 cities invited" in found["invitations"]["text"] and next_step(found) == ["tracking"]
    city = Contact.objects.first().city
    Response.objects.create(wave=wave, city=city, state="complete")
    found, _ = stages(client)
    assert "1 complete, 0 partial of 6" in found["tracking"]["text"] and next_step(found) == ["analysis"]
    AnalysisRun.objects.create(started=timezone.now(), finished=timezone.now(), output_dir="/tmp/x")
    found, _ = stages(client)
    assert "last run" in found["analysis"]["text"] and next_step(found) == ["report"]
    assert not PilotResponse.objects.exists()


def test_each_role_sees_its_stages(fieldworker, coder, client_for):
    _, order = stages(client_for(fieldworker))
    assert order == ["contacts", "invitations", "tracking"]
    assert stages(client_for(coder))[1] == []
