"""docs/frame.md documents every error code, command and option of the frame."""
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DOC = (ROOT / "docs" / "frame.md").read_text(encoding="utf-8")


def codes_in_source():
    found = set()
    for path in (ROOT / "src" / "citydip" / "frame").rglob("*.py"):
        found |= set(re.findall(r"FRAME-E\d{3}", path.read_text(encoding="utf-8")))
    return found


def test_every_error_code_is_in_the_errors_table():
    errors = DOC[DOC.index("## Errors"):]
    assert codes_in_source() and all(f"| {code} |" in errors for code in codes_in_source())


def test_every_command_and_option_is_documented():
    for text in ("citydip frame build --source urau --input", "citydip frame build --source geonames",
                 "citydip frame export --output", "--min-population", "--countries", "--quiet"):
        assert text in DOC, text
