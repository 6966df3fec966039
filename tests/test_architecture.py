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
