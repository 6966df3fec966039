"""The ``citydip`` command ends without the interpreter's object-by-object shutdown (cli.run), and still
leaves everything as the usual way out would: written, flushed, at-exit functions run, exit status kept."""
import os
import sqlite3
import subprocess
import sys

SCRIPT = """
import atexit, sys
from pathlib import Path
from citydip import cli
atexit.register(lambda: Path({marker!r}).write_text("ran"))
sys.argv = ["citydip", *{args!r}]
cli.run()
print("after run", flush=True)
"""


def citydip(tmp_path, *args):
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path}/t.sqlite3"}
    marker = tmp_path / "atexit.txt"
    marker.unlink(missing_ok=True)
    result = subprocess.run([sys.executable, "-c", SCRIPT.format(marker=str(marker), args=list(args))],
                            cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300)
    return result, marker.exists()


def test_a_command_that_succeeds_exits_0_with_its_output_and_the_at_exit_functions_run(tmp_path):
    result, at_exit_ran = citydip(tmp_path, "init")
    assert result.returncode == 0, result.stderr
    assert "after run" not in result.stdout, "run() ended the process"
    assert at_exit_ran
    db = sqlite3.connect(tmp_path / "t.sqlite3")  # written and closed: another process reads it whole
    assert db.execute("SELECT count(*) FROM core_country WHERE eu_member").fetchone()[0] == 27
    listing, _ = citydip(tmp_path, "--help")
    assert listing.returncode == 0 and listing.stdout.startswith("Usage: citydip") and "  survey" in listing.stdout


def test_a_failing_command_keeps_its_exit_status_and_message(tmp_path):
    result, at_exit_ran = citydip(tmp_path, "user", "x", "--role", "coder")  # before `citydip init`
    assert result.returncode == 1 and "citydip init" in result.stderr and at_exit_ran


def test_python_dash_m_citydip_is_the_same_command(tmp_path):
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path}/t.sqlite3"}
    result = subprocess.run([sys.executable, "-m", "citydip", "--version"], env=env, capture_output=True, text=True)
    assert result.returncode == 0 and result.stdout.startswith("citydip ")


def test_under_cprofile_the_profile_is_written(tmp_path):
    """bench/rebuild.py --profile runs each command under cProfile, which writes its file on the way out."""
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path}/t.sqlite3"}
    result = subprocess.run([sys.executable, "-m", "cProfile", "-o", str(tmp_path / "p.prof"), "-m", "citydip",
                             "--version"], env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "p.prof").stat().st_size > 0
