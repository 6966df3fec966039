"""A small study for the security tests: one object behind every URL converter, and the personas' clients.

``build_world(tmp_path)`` returns a dict of the objects (city, wave, two responses with their tokens,
contact, invitation, event, template, analysis run with one file, interview, document assigned to the
coder persona, code, segment, place, review row). ``url_kwargs(name, world)`` fills a URL pattern's
converters with them.
"""
from datetime import date

from django.contrib.auth.models import User
from django.utils import timezone

from citydip.core.models import Country
from citydip.frame.models import City
from citydip.survey import tokens
from citydip.survey.responses import save_answers
from tests.survey.web_fixtures import FIXTURES, make_city, make_place, make_wave


def build_world(tmp_path):
    from citydip.analysis.models import AnalysisRun
    from citydip.fieldwork.models import Contact, ContactEvent, EmailTemplate, Invitation
    from citydip.partnerships.models import ImportedRow, Partnership, ReviewDecision
    from citydip.qda.models import Code, Document, DocumentAssignment, Interview, Segment

    wave = make_wave(FIXTURES / "mini_form.md")
    lyon = make_city()
    graz = City.objects.create(name="Graz", country=Country.ensure("AT"), urau_code="AT002C", population=290000)
    token_a, token_b = tokens.issue(wave, lyon, "en"), tokens.issue(wave, graz, "en")
    response_a = tokens.resolve(token_a).response
    save_answers(response_a.pk, {"comments"}, {"comments": "Lyon international office"})
    save_answers(tokens.resolve(token_b).response_id, {"comments"},
                 {"comments": "Graz Europe desk"})
    contact = Contact.objects.create(city=lyon, person="Marie Curie", email="marie@example.org", language="fr")
    invitation = Invitation.objects.create(wave=wave, city=lyon, contact=contact)
    event = ContactEvent.objects.create(city=lyon, wave=wave, contact=contact, kind="phone", due=date.today())
    template = EmailTemplate.objects.create(kind="invitation", language="en", subject="Survey", body="Dear {{ name }}")
    (tmp_path / "run").mkdir()
    for name, text in (("table.csv", "a,b\n1,2\n"), ("table.tex", "a & b"), ("figure.png", "png"), ("figure.svg", "svg")):
        (tmp_path / "run" / name).write_text(text)
    run = AnalysisRun.objects.create(started=timezone.now(), finished=timezone.now(), output_dir=str(tmp_path / "run"),
                                     outputs=[{"id": "t", "kind": "table", "title": "t", "files": ["table.csv", "table.tex"]},
                                              {"id": "f", "kind": "figure", "title": "f",
                                               "files": ["figure.png", "figure.svg"]}])
    interview = Interview.objects.create(institution_type="city", city=lyon, consent_verbatim=True)
    document = Document.objects.create(title="Transcript", text="We signed with Wuhan in 2005.", interview=interview)
    coder = User.objects.get(username="cora_coder")
    DocumentAssignment.objects.create(document=document, coder=coder)
    code = Code.objects.create(name="agreement")
    segment = Segment.objects.create(document=document, start=0, end=9, code=code, coder=coder,
                                     created=timezone.now())
    place = make_place("1791247", "Wuhan", "武汉")
    from citydip.analysis.models import CaseStudy

    case = CaseStudy.objects.create(city=lyon, status="accepted")
    row = ImportedRow.objects.create(source_name="test", fingerprint="f" * 64, eu_name="Lyon", eu_country="FR",
                                     cn_name="Wuhan", data={})
    partnership = Partnership.objects.create(city=lyon, place=place)
    decision = ReviewDecision.objects.create(fingerprint="d" * 40, city=lyon, place=place)
    from citydip.core.jobs import start_job
    from citydip.core.jobs.worker import run_queued_jobs
    from tests.core.sample_tasks import contact_list

    job = start_job(contact_list)
    run_queued_jobs()
    return dict(job=job, wave=wave, city=lyon, token=token_a, other_token=token_b, response=response_a, contact=contact,
                invitation=invitation, event=event, template=template, run=run, interview=interview,
                document=document, segment=segment, place=place, row=row, code=code, case=case,
                partnership=partnership, decision=decision)


def url_kwargs(name, world):
    """The converters of the URL named ``name`` filled with the world's objects."""
    pk_of = {
        "frame:city-detail": "city", "fieldwork:city": "city", "partnerships:review-decide": "row",
        "partnerships:review-undo": "decision", "partnerships:partnership": "partnership", "partnerships:end": "partnership",
        "survey:wave": "wave", "survey:response": "response",
        "survey:preview-language": "wave", "survey:pilot-clear": "wave", "fieldwork:set-status": "invitation",
        "fieldwork:contact-action": "contact", "fieldwork:contact-edit": "contact", "fieldwork:contact-add": "city",
        "fieldwork:event-done": "event", "fieldwork:template": "template",
        "qda:interview": "interview", "qda:interview-edit": "interview", "qda:interview-withdraw": "interview",
        "qda:workbench": "document", "qda:document-assign": "document", "qda:api-coding": "document",
        "qda:api-add-segments": "document", "qda:api-delete-segment": "segment",
        "cases:case": "case", "cases:status": "case", "cases:event-add": "case", "cases:visit-add": "case",
        "cases:chapter": "case",
        "jobs:detail": "job", "jobs:progress": "job", "jobs:cancel": "job", "jobs:restart": "job",
    }
    if name in pk_of:
        return {"pk": world[pk_of[name]].pk}
    if name.startswith("survey:") and name not in ("survey:index", "survey:pilot", "survey:form-upload",
                                                     "survey:wave-create", "survey:privacy",
                                                     "survey:study-settings",
                                                     "survey:translations", "survey:translations-download",
                                                     "survey:translations-instrument"):
        return {"token": world["token"]}
    special = {
        "api:response": {"token": world["token"]},
        "gazetteer:place": {"place_id": world["place"].place_id},
        "fieldwork:optout": {"token": world["token"]},
        "survey:translations-download": {"code": "lv", "fmt": "csv"},
        "mapping:data": {"name": "cities"}, "mapping:public-data": {"name": "cities"},
        "analysis:run-file": {"pk": world["run"].pk, "path": "table.csv"},
        "qda:quotes-download": {"pk": world["code"].pk, "fmt": "md"},
        "jobs:file": {"pk": world["job"].pk, "name": "contacts.csv"},
    }
    return special.get(name, {})
