"""`citydip serve` starts the web server and a job worker; `citydip worker --once` runs what is queued.
Real processes on a scratch database (SQLite, or PostgreSQL when the suite runs on it)."""
import os
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from tests.fieldwork.conftest import free_port
from tests.fieldwork.test_resume_killed_invite import scratch_database  # noqa: F401 (fixture)

ROOT = Path(__file__).resolve().parents[2]
QUEUE = ("import django; django.setup(); from citydip.core.jobs import start_job; "
         "from tests.core.sample_tasks import count_to; print(start_job(count_to, n=4).pk)")
STATUS = ("import django, sys; django.setup(); from citydip.core.jobs.models import Job; "
          "print(Job.objects.get(pk=int(sys.argv[1])).status)")


def environment(tmp_path, database):
    return dict(os.environ, DATABASE_URL=database, CITYDIP_JOBS_DIR=str(tmp_path / "jobs"),
                PYTHONPATH=f"{ROOT / 'src'}{os.pathsep}{ROOT}", DJANGO_SETTINGS_MODULE="citydip.settings")


def python(env, code, *args):
    return subprocess.run([sys.executable, "-c", code, *args], cwd=ROOT, env=env, check=True, capture_output=True,
                          text=True).stdout.strip()


def test_worker_once_runs_the_queued_jobs_and_exits(tmp_path, scratch_database):  # noqa: F811
    env = environment(tmp_path, scratch_database)
    subprocess.run([sys.executable, "-m", "citydip", "init"], cwd=ROOT, env=env, check=True, capture_output=True)
    job = python(env, QUEUE)
    done = subprocess.run([sys.executable, "-m", "citydip", "worker", "--once"], cwd=ROOT, env=env, timeout=120,
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert python(env, STATUS, job) == "succeeded"
    assert (tmp_path / "jobs" / job / "files" / "numbers.txt").read_text() == "1\n2\n3\n4"


def test_serve_runs_the_web_server_and_a_worker_and_stops_both(tmp_path, scratch_database):  # noqa: F811
    env, port = environment(tmp_path, scratch_database), free_port()
    subprocess.run([sys.executable, "-m", "citydip", "init"], cwd=ROOT, env=env, check=True, capture_output=True)
    server = subprocess.Popen([sys.executable, "-m", "citydip", "serve", "--port", str(port), "--workers", "1"],
                              cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        job = python(env, QUEUE)
        deadline, status, health = time.monotonic() + 90, "", None
        while time.monotonic() < deadline and (status != "succeeded" or health != b"ok"):
            time.sleep(0.5)
            status = python(env, STATUS, job)
            try:
                health = urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=5).read()
            except OSError:
                pass
        assert (status, health) == ("succeeded", b"ok")
    finally:
        server.send_signal(signal.SIGTERM)
        output, _ = server.communicate(timeout=60)
    assert server.returncode == 0, output
    assert "with a job worker" in output


def test_two_workers_at_once_run_each_job_exactly_once(tmp_path, scratch_database):  # noqa: F811
    env = environment(tmp_path, scratch_database)
    subprocess.run([sys.executable, "-m", "citydip", "init"], cwd=ROOT, env=env, check=True, capture_output=True)
    runs = tmp_path / "runs.txt"
    python(env, "import django, sys; django.setup(); from citydip.core.jobs import start_job; "
                "from tests.core.sample_tasks import note_run; "
                f"[start_job(note_run, log_file={str(runs)!r}, key=k) for k in range(12)]")
    workers = [subprocess.Popen([sys.executable, "-m", "citydip", "worker", "--once"], cwd=ROOT, env=env,
                                stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True) for _ in range(2)]
    for worker in workers:
        output, _ = worker.communicate(timeout=300)
        assert worker.returncode == 0, output
    assert sorted(int(k) for k in runs.read_text().split()) == list(range(12))
    statuses = python(env, "import django; django.setup(); from citydip.core.jobs.models import Job; "
                           "print(sorted(set(Job.objects.values_list('status', 'attempts'))))")
    assert statuses == "[('succeeded', 1)]"
