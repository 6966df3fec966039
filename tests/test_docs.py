"""The documentation covers what users type: every citydip command and every error code."""
import re
from pathlib import Path

from citydip.cli import citydip_commands

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "src" / "citydip"


def docs_text():
    return "\n".join(p.read_text() for p in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))])


def test_every_command_is_in_the_readme_or_docs():
    text = docs_text()
    missing = [name for name in citydip_commands() if f"citydip {name}" not in text]
    assert missing == []


def test_every_error_code_is_documented():
    code = re.compile(r"""["']([A-Z]+-[EW]\d{3})["']""")
    used = {m for path in SOURCE.rglob("*.py") for m in code.findall(path.read_text())}
    text = docs_text()
    assert used, "no error codes found: the pattern is wrong"
    assert sorted(c for c in used if c not in text) == []


def test_the_readme_starts_with_the_two_commands():
    lines = [line for line in (ROOT / "README.md").read_text().splitlines() if line.strip()]
    commands = [line.split("#")[0].strip() for line in lines[:6] if line.startswith("make ")]
    assert commands == ["make demo", "make test"]
