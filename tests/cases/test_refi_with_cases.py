"""REFI-QDA with case documents: the export validates and survives a round trip through an empty database."""
import zipfile

import pytest
from django.core.management import call_command

from citydip.qda.refi.project import write_qdpx


def project_xml(path):
    with zipfile.ZipFile(path) as archive:
        return archive.read("project.qde").decode("utf-8")


def test_case_documents_are_sources_with_their_variables(study, tmp_path):
    from citydip.qda.refi.schemas import check_valid

    write_qdpx(tmp_path / "p.qdpx")
    xml = project_xml(tmp_path / "p.qdpx")
    check_valid(xml, "project", "project.qde")  # the Project XSD of REFI-QDA 1.5
    for text in ('name="document type" typeOfVariable="Text"', 'name="date" typeOfVariable="Date"',
                 "<DateValue>2018-03-22</DateValue>", "<TextValue>council_resolution</TextValue>",
                 "<TextValue>zh</TextValue>", 'name="case study DE001C"', "<TextValue>DE001C</TextValue>"):
        assert text in xml, text


@pytest.mark.django_db(transaction=True)
def test_export_import_into_an_empty_database_and_export_again_gives_the_same_file(tmp_path, request):
    study = request.getfixturevalue("study")
    write_qdpx(tmp_path / "first.qdpx")
    first = (tmp_path / "first.qdpx").read_bytes()
    call_command("flush", "--noinput")  # an empty database: no frame, no case studies, no users
    call_command("qda", "import", str(tmp_path / "first.qdpx"))
    write_qdpx(tmp_path / "second.qdpx")
    assert (tmp_path / "second.qdpx").read_bytes() == first
    from citydip.qda.models import Document, Interview

    resolution = Document.objects.get(doc_type="council_resolution", case_ref="DE001C")
    assert (resolution.case, resolution.case_ref, resolution.language, str(resolution.doc_date)) == (
        None, "DE001C", "en", "2018-03-22")
    interview = Interview.objects.get(pseudonym=study["interview"].pseudonym)
    assert (interview.city, interview.city_ref) == (None, "DE001C")  # the city id is kept, not lost


@pytest.mark.django_db(transaction=True)
def test_an_import_links_documents_to_the_case_studies_of_this_database(tmp_path, request):
    from citydip.analysis.models import CaseStudy
    from citydip.qda.models import Document, Segment

    study = request.getfixturevalue("study")
    write_qdpx(tmp_path / "p.qdpx")
    Segment.objects.all().delete()
    Document.objects.all().delete()
    call_command("qda", "import", str(tmp_path / "p.qdpx"))
    case = CaseStudy.objects.get(pk=study["case"].pk)
    assert Document.objects.filter(case=case, kind="case_document").count() == 3
    transcript = Document.objects.get(title=f"Interview {study['interview'].pseudonym}")
    assert transcript.interview.city == study["essen"] and transcript.case == case
