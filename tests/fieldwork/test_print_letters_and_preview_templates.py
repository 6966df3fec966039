"""Letters as PDF with the personal link and its QR code; templates previewed with a real city."""
import io

import pytest
from pypdf import PdfReader

from citydip.core.jobs.models import Job
from citydip.core.jobs.worker import run_queued_jobs
from citydip.fieldwork.models import ContactEvent, EmailTemplate
from citydip.survey.models import AccessToken
from tests.fieldwork.conftest import make_cities, make_wave

pytestmark = pytest.mark.django_db


def test_a_letter_is_a_pdf_in_the_citys_language_with_a_personal_link(fieldworker, client_for):
    make_wave()
    cities = make_cities(2)
    client = client_for(fieldworker)
    started = client.post("/fieldwork/letters/", {"city": [cities[0].pk, cities[1].pk]})
    job = Job.objects.get()  # a batch is a job, whose page offers the PDF
    assert started.status_code == 302 and started["Location"] == f"/jobs/{job.pk}/"
    run_queued_jobs()
    job.refresh_from_db()
    assert job.status == Job.Status.SUCCEEDED and job.started_by == fieldworker
    assert "letters_2.pdf" in client.get(f"/jobs/{job.pk}/").content.decode()
    response = client.get(f"/jobs/{job.pk}/files/letters_2.pdf")
    assert response["Content-Type"] == "application/pdf"
    pdf = PdfReader(io.BytesIO(b"".join(response.streaming_content)))
    text = [page.extract_text() for page in pdf.pages]
    assert len(pdf.pages) == 2
    assert "Befragung europäischer Städte" in text[0] and "Testville 0" in text[0]  # Germany
    assert "Enquête" in text[1] and "/survey/r/" in text[1].replace("\n", "")
    assert AccessToken.objects.count() == 2 and ContactEvent.objects.filter(kind="letter").count() == 2


def test_one_letter_is_downloaded_at_once(fieldworker, client_for):
    make_wave()
    city = make_cities(1)[0]
    response = client_for(fieldworker).post("/fieldwork/letters/", {"city": [city.pk]})
    assert response["Content-Type"] == "application/pdf" and len(PdfReader(io.BytesIO(response.content)).pages) == 1


def test_the_preview_fills_the_template_with_a_real_city(researcher, client_for):
    make_wave()
    make_cities(6)
    client = client_for(researcher)
    client.get("/fieldwork/templates/")
    template = EmailTemplate.objects.get(kind="invitation", language="pl")
    page = client.get(f"/fieldwork/templates/{template.pk}/").content.decode()
    assert "Testville 2" in page and "city-2@example.org" in page and "Badanie miast europejskich" in page
    assert "{{" not in page.split('id="preview-body"')[1].split("</pre>")[0]


def test_a_template_with_an_unknown_placeholder_is_not_saved(researcher, client_for):
    make_wave()
    make_cities(1)
    client = client_for(researcher)
    client.get("/fieldwork/templates/")
    template = EmailTemplate.objects.get(kind="reminder", language="en")
    page = client.post(f"/fieldwork/templates/{template.pk}/",
                       {"save": "1", "subject": "Hello {{ cty }}", "body": "Dear {{ contact_name }}"})
    assert "unknown placeholder {{ cty }}" in page.content.decode()
    template.refresh_from_db()
    assert "cty" not in template.subject
