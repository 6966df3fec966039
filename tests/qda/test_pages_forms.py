"""Researchers' forms: interviews with consent, withdrawal, document upload, codebook, downloads."""
import io
import zipfile

from django.core.files.uploadedfile import SimpleUploadedFile

from citydip.qda.models import Code, Document, Interview


def test_a_researcher_records_an_interview_and_gets_a_pseudonym(researcher, client_for):
    client = client_for(researcher)
    response = client.post("/qda/interviews/new/", {
        "institution_type": "european_commission", "role": "head of unit", "directorate": "DG REGIO",
        "consent_verbatim": "on", "attribution": "function", "consent_date": "2026-02-01"})
    interview = Interview.objects.get()
    assert response.status_code == 302 and interview.pseudonym == "EC official 1"
    page = client.get(f"/qda/interviews/{interview.pk}/").content.decode()
    assert "EC official 1 (head of unit, DG REGIO, European Commission)" in page


def test_withdrawing_consent_removes_the_documents_everywhere_and_can_be_undone(demo_qda, researcher,
                                                                                client_for):
    client = client_for(researcher)
    interview = Interview.objects.get(pseudonym="EC official 1")
    before = Document.objects.usable().count()
    client.post(f"/qda/interviews/{interview.pk}/withdraw/")
    assert Document.objects.usable().count() == before - 1
    assert "Consent withdrawn" in client.get(f"/qda/interviews/{interview.pk}/").content.decode()
    client.post(f"/qda/interviews/{interview.pk}/withdraw/", {"undo": "1"})
    assert Document.objects.usable().count() == before


def test_a_researcher_uploads_a_transcript(researcher, client_for):
    interview = Interview.objects.create(institution_type="eeas")
    upload = SimpleUploadedFile("t.txt", "Interviewer: Hallo?\n\nR: Cześć.\n".encode())
    response = client_for(researcher).post("/qda/documents/new/", {"file": upload, "kind": "transcript",
                                                                   "interview": interview.pk})
    document = Document.objects.get()
    assert response.status_code == 302 and document.interview == interview and document.turns.count() == 2


def test_a_case_document_is_linked_to_its_case_study_with_its_facts(researcher, client_for):
    from citydip.analysis.models import CaseStudy
    from citydip.core.models import Country
    from citydip.frame.models import City

    city = City.objects.create(name="Łódź", country=Country.ensure("PL"))
    case = CaseStudy.objects.create(city=city, status="accepted")
    upload = SimpleUploadedFile("plan.md", "# Strategia\n\nWspółpraca z Chengdu.\n".encode())
    form = {"file": upload, "kind": "case_document", "case": case.pk, "doc_type": "council_resolution",
            "doc_date": "2019-03-04", "language": "pl", "source": "https://bip.example.org/12",
            "licence": "public record"}
    missing = client_for(researcher).post("/qda/documents/new/", {**form, "doc_type": ""})
    assert missing.status_code == 200 and Document.objects.count() == 0  # a case document needs its type
    upload.seek(0)
    client_for(researcher).post("/qda/documents/new/", form)
    document = Document.objects.get()
    assert (document.case, document.city, document.doc_type, document.language) == (
        case, city, "council_resolution", "pl")
    assert document.interview is None and str(document.doc_date) == "2019-03-04"


def test_an_upload_of_the_wrong_type_is_reported_on_the_form(researcher, client_for):
    upload = SimpleUploadedFile("t.odt", b"x")
    response = client_for(researcher).post("/qda/documents/new/", {"file": upload, "kind": "transcript"})
    assert response.status_code == 400 and "QDA-E001" in response.content.decode()
    assert not Document.objects.exists()


def test_codes_are_added_and_the_codebook_downloads_and_imports(researcher, client_for):
    client = client_for(researcher)
    client.post("/qda/codebook/", {"name": "motives", "colour": "#112233", "definition": "why"})
    assert Code.objects.get().colour == "#112233"
    qdc = client.get("/qda/codebook/export.qdc")
    assert qdc.status_code == 200 and b"motives" in qdc.content
    Code.objects.all().delete()
    client.post("/qda/codebook/import/", {"file": SimpleUploadedFile("c.qdc", qdc.content)})
    assert Code.objects.get().definition == "why"


def test_a_coder_cannot_change_the_codebook(coder, client_for):
    client_for(coder).post("/qda/codebook/", {"name": "sneaky", "colour": "#112233"})
    assert not Code.objects.exists()


def test_the_project_and_the_quotes_download(demo_qda, researcher, client_for):
    client = client_for(researcher)
    project = client.get("/qda/project/export.qdpx")
    assert "project.qde" in zipfile.ZipFile(io.BytesIO(project.content)).namelist()
    code = Code.objects.get(name="economic")
    markdown = client.get(f"/qda/quotes/{code.pk}.md")
    assert markdown.status_code == 200 and "Cities sign agreements" in markdown.content.decode()
    assert client.get(f"/qda/quotes/{code.pk}.docx").status_code == 200
    assert client.get(f"/qda/quotes/{code.pk}.exe").status_code == 404


def test_the_home_panel_counts_for_a_researcher(demo_qda, researcher, client_for):
    page = client_for(researcher).get("/").content.decode()
    assert "5 interviews, 5 documents, 43 coded segments." in page
