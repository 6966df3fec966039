"""REFI-QDA projects: the export validates against the official Project XSD and survives a round trip."""
import zipfile

import pytest
from django.core.management import call_command

from citydip.qda.models import Code, Document, Memo, Segment
from citydip.qda.refi.schemas import validation_errors


def export(path):
    call_command("qda", "export", "--format", "qdpx", "--output", str(path))
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def test_the_exported_project_validates_against_the_refi_schema(demo_qda, tmp_path):
    files = export(tmp_path / "demo.qdpx")
    assert validation_errors(files["project.qde"].decode(), "project") == []
    sources = [n for n in files if n.startswith("sources/")]
    assert len(sources) == Document.objects.usable().count() == 5


def test_a_withdrawn_interview_is_not_exported(demo_qda, tmp_path):
    files = export(tmp_path / "demo.qdpx")
    withdrawn = Document.objects.get(interview__withdrawn_at__isnull=False)
    assert str(withdrawn.guid) not in files["project.qde"].decode()
    assert f"sources/{withdrawn.guid}.txt" not in files


def test_exporting_twice_gives_the_same_bytes(demo_qda, tmp_path):
    export(tmp_path / "a.qdpx")
    export(tmp_path / "b.qdpx")
    assert (tmp_path / "a.qdpx").read_bytes() == (tmp_path / "b.qdpx").read_bytes()


@pytest.mark.django_db(transaction=True)
def test_export_import_into_a_fresh_database_and_export_again_gives_the_same_project(tmp_path):
    from citydip.demo.steps import DemoContext
    from citydip.qda.demo_data import build_demo

    build_demo(DemoContext(data_dir=None, log=lambda m: None))
    first = export(tmp_path / "first.qdpx")
    counts = (Segment.objects.usable().count(), Memo.objects.count(), Code.objects.count())
    from citydip.qda.models import Interview

    for model in (Segment, Memo, Document, Code, Interview):
        model.objects.all().delete()
    from django.contrib.auth.models import User
    User.objects.all().delete()
    call_command("qda", "import", str(tmp_path / "first.qdpx"))
    assert (Segment.objects.count(), Memo.objects.count(), Code.objects.count()) == counts
    assert set(User.objects.values_list("username", flat=True)) == {"demo_coder_a", "demo_coder_b"}
    second = export(tmp_path / "second.qdpx")
    assert second == first
    imported = Document.objects.get(title__startswith="Interview EC official 1")
    assert imported.interview.pseudonym == "EC official 1"
    assert imported.interview.consent_verbatim is False  # REFI carries no consent: the careful default


def test_it_imports_windows_newlines_and_keeps_offsets_on_the_same_text(db, tmp_path):
    qde = """<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="other tool">
<Users><User guid="11111111-1111-1111-1111-111111111111" name="ana"/></Users>
<CodeBook><Codes><Code guid="22222222-2222-2222-2222-222222222222" name="Łódź 中文" isCodable="true"/></Codes></CodeBook>
<Sources><TextSource guid="33333333-3333-3333-3333-333333333333" name="t" plainTextPath="internal://33333333-3333-3333-3333-333333333333.txt">
<PlainTextSelection guid="44444444-4444-4444-4444-444444444444" startPosition="8" endPosition="12" creatingUser="11111111-1111-1111-1111-111111111111">
<Coding guid="55555555-5555-5555-5555-555555555555" creatingUser="11111111-1111-1111-1111-111111111111"><CodeRef targetGUID="22222222-2222-2222-2222-222222222222"/></Coding>
</PlainTextSelection></TextSource></Sources></Project>"""
    path = tmp_path / "other.qdpx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("project.qde", qde)
        archive.writestr("sources/33333333-3333-3333-3333-333333333333.txt", "中文\r\nab\r\nŁódź rest".encode())
    call_command("qda", "import", str(path))
    segment = Segment.objects.get()
    assert segment.text == "Łódź" and segment.coder.username == "ana"


def test_it_rejects_a_project_that_breaks_the_schema(db, tmp_path):
    from django.core.management import CommandError

    path = tmp_path / "bad.qdpx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("project.qde", '<Project xmlns="urn:QDA-XML:project:1.0"><Users/></Project>')
    with pytest.raises(CommandError, match="QDA-E020"):
        call_command("qda", "import", str(path))
    assert not Code.objects.exists()
