"""The load bench in small: 20 respondents, 200 submissions, one SIGKILL of the server midway.

Runs bench/survey_load.py as a user would, on the database the suite runs on (a scratch database next
to it), so CI proves on SQLite and PostgreSQL that every acknowledged save survives a crash.
"""
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_every_acknowledged_save_survives_a_crash_of_the_server():
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    result = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "survey_load.py"), "--respondents", "20", "--saves", "12",
         "--concurrency", "20", "--workers", "2", "--crash"],
        env=env, capture_output=True, text=True, timeout=600)
    lines = result.stdout.strip().splitlines()
    assert result.returncode == 0, result.stdout + result.stderr[-3000:]
    assert any(line.startswith("crash: SIGKILL after") for line in lines)
    assert "half-written 0" in result.stdout
    last = lines[-1].split()
    assert last[0] == "acknowledged" and last[2] == "stored" and last[4] == "lost" and last[5] == "0"
    assert last[1] == last[3] and int(last[1]) >= 180
