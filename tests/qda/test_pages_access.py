"""Who sees what: researchers everything, a coder only assigned documents, an outsider nothing."""
import json

import pytest
from django.test import Client

from citydip.qda.models import Document, DocumentAssignment, Segment

PAGES = ["qda:index", "qda:codebook"]
RESEARCH_PAGES = ["qda:reliability", "qda:queries", "qda:quotes", "qda:interview-new", "qda:document-new"]


def url(name, *args):
    from django.urls import reverse

    return reverse(name, args=args)


@pytest.mark.django_db
def test_anonymous_visitors_are_sent_to_login():
    response = Client().get(url("qda:index"))
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_an_outsider_sees_nothing(demo_qda, outsider, client_for):
    client = client_for(outsider)
    document = Document.objects.usable().first()
    for name in PAGES + RESEARCH_PAGES:
        assert client.get(url(name)).status_code == 403
    assert client.get(url("qda:workbench", document.pk)).status_code == 403
    assert client.get(url("qda:api-coding", document.pk)).status_code == 403


def test_researchers_see_every_page(demo_qda, researcher, client_for):
    client = client_for(researcher)
    for name in PAGES + RESEARCH_PAGES:
        assert client.get(url(name)).status_code == 200, name
    page = client.get(url("qda:index")).content.decode()
    assert "EC official 1" in page and "withdrawn" in page
    assert client.get(url("qda:quotes") + f"?code={Segment.objects.first().code_id}").status_code == 200


def test_a_coder_sees_only_assigned_documents(demo_qda, coder, client_for):
    client = client_for(coder)
    mine, other = Document.objects.usable()[:2]
    DocumentAssignment.objects.create(document=mine, coder=coder)
    page = client.get(url("qda:index")).content.decode()
    assert mine.title in page and other.title not in page
    assert "h-interviews" not in page and "EC official 1</a>" not in page  # no interview table
    assert client.get(url("qda:workbench", mine.pk)).status_code == 200
    assert client.get(url("qda:workbench", other.pk)).status_code == 404
    for name in RESEARCH_PAGES:
        assert client.get(url(name)).status_code == 403


def test_a_withdrawn_interview_leaves_the_workbench(demo_qda, researcher, client_for):
    withdrawn = Document.objects.get(interview__withdrawn_at__isnull=False)
    assert client_for(researcher).get(url("qda:workbench", withdrawn.pk)).status_code == 404


def test_a_coder_codes_through_the_json_api_and_sees_only_their_own_coding(demo_qda, coder, client_for):
    from citydip.qda.models import Code

    client = client_for(coder)
    document = Document.objects.usable().first()
    DocumentAssignment.objects.create(document=document, coder=coder)
    code = Code.objects.get(name="economic")
    response = client.post(url("qda:api-add-segments", document.pk), json.dumps(
        {"start": 0, "end": 11, "codes": [code.pk]}), content_type="application/json")
    assert response.status_code == 201
    data = client.get(url("qda:api-coding", document.pk) + "?coders=1,2,3,4,5").json()
    assert [s["coder"] for s in data["segments"]] == [coder.username]
    bad = client.post(url("qda:api-add-segments", document.pk), json.dumps({"start": 5, "end": 10 ** 6,
                      "codes": [code.pk]}), content_type="application/json")
    assert bad.status_code == 400 and bad.json()["code"] == "QDA-E051"


def test_the_json_api_needs_the_csrf_token(demo_qda, researcher):
    client = Client(enforce_csrf_checks=True)
    client.force_login(researcher)
    document = Document.objects.usable().first()
    response = client.post(url("qda:api-add-segments", document.pk), "{}", content_type="application/json")
    assert response.status_code == 403


def test_memos_attach_to_documents_codes_and_segments(demo_qda, researcher, client_for):
    from citydip.qda.models import Code, Memo

    client = client_for(researcher)
    segment = Segment.objects.usable().first()
    for target, target_id in (("document", segment.document_id), ("code", Code.objects.first().pk),
                              ("segment", segment.pk)):
        response = client.post(url("qda:api-add-memo"), json.dumps(
            {"target": target, "target_id": target_id, "text": f"memo on {target}"}), content_type="application/json")
        assert response.status_code == 201
    assert Memo.objects.filter(author=researcher).count() == 3


def test_viewing_coding_and_exporting_are_audited(demo_qda, researcher, client_for):
    from citydip.core.models import AuditEvent

    client = client_for(researcher)
    document = Document.objects.usable().first()
    client.get(url("qda:workbench", document.pk))
    assert client.get(url("qda:project-export")).status_code == 200
    actions = set(AuditEvent.objects.filter(user=researcher).values_list("action", flat=True))
    assert {"qda.view", "qda.export"} <= actions
    export = AuditEvent.objects.get(user=researcher, action="qda.export")
    assert document.pk in export.detail["documents"]


def test_the_city_section_lists_interviews_for_researchers_only(demo_qda, researcher, coder, rf):
    from citydip.core.models import Country
    from citydip.frame.models import City
    from citydip.qda.city_sections import city_section
    from citydip.qda.models import Interview

    city = City.objects.create(name="Gdańsk", country=Country.ensure("PL"))
    Interview.objects.create(institution_type="city", city=city)
    request = rf.get("/")
    request.user = researcher
    assert [i.pseudonym for i in city_section(request, city)["context"]["interviews"]] == ["City official 4"]
    request.user = coder
    assert city_section(request, city) is None
