"""docs/fieldwork.md names every error code, command verb and setting of the fieldwork app."""
import re
from pathlib import Path

from citydip.fieldwork.commands import FIELDWORK_VERBS
from citydip.fieldwork.config import DEFAULTS

ROOT = Path(__file__).resolve().parents[2]
DOC = (ROOT / "docs" / "fieldwork.md").read_text()
SOURCE = "\n".join(p.read_text() for p in (ROOT / "src" / "citydip" / "fieldwork").rglob("*.py"))


def test_every_error_code_is_documented():
    codes = set(re.findall(r"FIELD-E\d{3}", SOURCE))
    assert codes and not {code for code in codes if f"| {code} |" not in DOC}


def test_every_verb_and_setting_is_documented():
    for verb in FIELDWORK_VERBS:
        assert f"### `{' '.join(verb.name)}" in DOC
    for name in list(DEFAULTS) + ["CITYDIP_IMAP_HOST", "EMAIL_HOST", "DEFAULT_FROM_EMAIL"]:
        assert f"`{name}`" in DOC, name
