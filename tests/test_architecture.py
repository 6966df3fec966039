"""The layers of ARCHITECTURE.md are checked (import-linter, in `make lint`), and the check can fail."""
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")

pytestmark = pytest.mark.skipif(not LINT_IMPORTS.exists(), reason="import-linter is not installed (pip install -e '.[test]')")


def lint_imports(tree):
    """Run lint-imports on the package under ``tree/src`` with the project's contract."""
    env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(tree / "src")}
    return subprocess.run([str(LINT_IMPORTS), "--config", str(ROOT / "pyproject.toml"), "--no-cache"],
                          cwd=tree, env=env, capture_output=True, text=True, timeout=300)


def copy_of_the_code(tmp_path):
    shutil.copytree(ROOT / "src" / "citydip", tmp_path / "src" / "citydip",
                    ignore=shutil.ignore_patterns("__pycache__", "static", "locale", "templates", "*.csv", "*.json"))
    return tmp_path


def test_the_code_keeps_the_layers(tmp_path):
    result = lint_imports(copy_of_the_code(tmp_path))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 kept, 0 broken" in result.stdout


def test_an_import_against_the_direction_fails_the_check_and_is_named(tmp_path):
    tree = copy_of_the_code(tmp_path)
    module = tree / "src" / "citydip" / "frame" / "export.py"
    module.write_text(module.read_text() + "\n\ndef report_path():\n    from citydip.reports import report\n\n"
                     "    return report.__file__\n")
    result = lint_imports(tree)
    assert result.returncode == 1
    assert "BROKEN" in result.stdout
    assert "citydip.frame.export -> citydip.reports.report" in result.stdout


# Where the code may name China by its code: China's own data and enrichment, and the defaults.
CHINA_ALLOWED = {
    "gazetteer/territories.py",  # China keeps Hong Kong, Macau and Taiwan apart (data)
    "gazetteer/china.py",  # China's enrichment: provinces.csv, GB/T 2260 levels, Chinese names
    "gazetteer/models.py",  # the field default
    "settings.py", "core/partner.py",  # the default partner country
    "survey/instruments/build_instrument.py", "survey/instruments/partner_country.py",  # China's wording forms
    "mapping/outlines/build_outlines.py",  # China's province map: GB/T 2260 -> ISO 3166-2:CN
    "core/countries.py",  # short country names (data)
}


def test_china_is_named_by_code_only_in_its_data_and_the_defaults():
    import re

    package = ROOT / "src" / "citydip"
    found = set()
    for path in package.rglob("*"):
        if path.suffix not in (".py", ".html", ".js") or "migrations" in path.parts:
            continue
        if re.search(r"""["']CN(-[A-Z0-9]+)?["']""", path.read_text(encoding="utf-8")):
            found.add(str(path.relative_to(package)))
    assert found <= CHINA_ALLOWED, sorted(found - CHINA_ALLOWED)
