"""In the browser's pages: upload an XLSForm, read check-form's report, create a wave."""
from django.core.files.uploadedfile import SimpleUploadedFile

from citydip.core.models import AuditEvent
from citydip.frame.models import FrameVersion
from citydip.survey.models import Questionnaire, Wave
from tests.survey.form_fixtures import fixture, md_to_xlsx

BROKEN = ("| survey |\n| | type | name | label | constraint |\n| | integer | n | N | . > |\n"
          "| | text | t | T | regex(., 'x' |\n")


def upload(client, path, name=None):
    data = path.read_bytes()
    return client.post("/survey/form/", {"form": SimpleUploadedFile(name or path.name, data)})


def test_a_good_form_shows_the_summary_and_leads_to_a_wave(researcher, client_for, tmp_path):
    FrameVersion.objects.create(source="test")
    client = client_for(researcher)
    path = md_to_xlsx(fixture("mini_form.md").read_text(), tmp_path / "mini.xlsx")
    page = upload(client, path)
    text = page.content.decode()
    assert page.status_code == 200 and "form mini_cities version 1: Mini city survey" in text
    assert "ok: mini.xlsx loads and renders" in text and "Create the wave" in text
    questionnaire = Questionnaire.objects.get()
    created = client.post("/survey/wave/new/", {"questionnaire": questionnaire.pk, "name": "Pilot wave",
                                                "opens": "2027-05-12", "closes": "2027-06-30"}, follow=True)
    wave = Wave.current()
    assert wave.name == "Pilot wave" and str(wave.opens) == "2027-05-12" and wave.questionnaire == questionnaire
    assert created.redirect_chain[-1][0] == "/survey/pilot/" and "Pilot wave" in created.content.decode()
    assert AuditEvent.objects.filter(action="survey.wave.create", user=researcher).exists()
    assert AuditEvent.objects.get(action="survey.form_check").detail["ok"] is True


def test_a_broken_form_lists_sheet_row_and_column_and_stores_nothing(researcher, client_for, tmp_path):
    path = tmp_path / "broken.md"
    path.write_text(BROKEN)
    page = upload(client_for(researcher), path)
    text = page.content.decode()
    assert page.status_code == 422 and "The form cannot be used: 2 errors." in text
    assert text.count("<td>survey</td><td>2</td><td>constraint</td>") == 1
    assert text.count("<td>survey</td><td>3</td><td>constraint</td>") == 1
    assert "SURVEY-E003" in text and not Questionnaire.objects.exists()


def test_a_file_that_is_not_a_form_is_refused(researcher, client_for, tmp_path):
    path = tmp_path / "notes.pdf"
    path.write_bytes(b"%PDF-1.4")
    text = upload(client_for(researcher), path).content.decode()
    assert "an XLSForm is an .xlsx file" in text and not Questionnaire.objects.exists()


def test_a_wave_needs_a_frame(researcher, client_for, tmp_path):
    client = client_for(researcher)
    upload(client, md_to_xlsx(fixture("mini_form.md").read_text(), tmp_path / "mini.xlsx"))
    page = client.post("/survey/wave/new/", {"questionnaire": Questionnaire.objects.get().pk}, follow=True)
    assert "there is no frame yet" in page.content.decode() and not Wave.objects.exists()


def test_closing_before_opening_is_refused(researcher, client_for, tmp_path):
    FrameVersion.objects.create(source="test")
    client = client_for(researcher)
    upload(client, md_to_xlsx(fixture("mini_form.md").read_text(), tmp_path / "mini.xlsx"))
    page = client.post("/survey/wave/new/", {"questionnaire": Questionnaire.objects.get().pk,
                                             "opens": "2027-05-12", "closes": "2027-05-01"})
    assert page.status_code == 422 and "cannot close before it opens" in page.content.decode()


def test_only_researchers_upload_forms(fieldworker, coder, client_for):
    for user in (fieldworker, coder):
        assert client_for(user).get("/survey/form/").status_code == 403
        assert client_for(user).post("/survey/wave/new/", {}).status_code == 403
