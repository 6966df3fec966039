"""REFI-QDA codebooks (.qdc): export validates against the Codebook XSD, import restores the fields."""
import pytest
from django.core.management import CommandError, call_command

from citydip.qda.models import Code
from citydip.qda.refi.schemas import validation_errors


def test_the_codebook_export_validates_and_round_trips_every_field(db, tmp_path):
    parent = Code.objects.create(name="motives", colour="#90caf9", definition="Why cities engage.")
    Code.objects.create(parent=parent, name="économique 中文", definition="Trade and investment.",
                        inclusion="jobs, ports", exclusion="symbolic gestures", example="“investors”", colour="#123abc")
    out = tmp_path / "codebook.qdc"
    call_command("qda", "export-codebook", "--output", str(out))
    assert validation_errors(out.read_text(), "codebook") == []
    before = list(Code.objects.values_list("guid", "name", "definition", "inclusion", "exclusion", "example", "colour"))
    Code.objects.all().delete()
    call_command("qda", "import-codebook", str(out))
    after = list(Code.objects.values_list("guid", "name", "definition", "inclusion", "exclusion", "example", "colour"))
    assert sorted(after) == sorted(before)
    assert Code.objects.get(name="économique 中文").parent.name == "motives"


def test_it_refuses_an_empty_sets_element_like_the_xsd(db, tmp_path):
    bad = tmp_path / "bad.qdc"
    bad.write_text('<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes><Code guid="22222222-2222-2222-2222-'
                   '222222222222" name="a" isCodable="true"/></Codes><Sets/></CodeBook>')
    with pytest.raises(CommandError, match=r"bad.qdc.*QDA-E020"):
        call_command("qda", "import-codebook", str(bad))
    assert not Code.objects.exists()
