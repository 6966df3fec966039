"""Acceptance (issue 13): a 900-invitation job, its worker killed with SIGKILL half-way, the job started
again: every city gets its message exactly once.

Real processes: `citydip worker` runs the job against a scratch database (SQLite file, or a scratch
PostgreSQL database when the suite runs on PostgreSQL) and a real SMTP server (aiosmtpd on 127.0.0.1).
The SMTP server kills the worker while it waits for the answer to message K: the worst moment, when the
message has been delivered and the worker has not recorded it yet.
"""
import os
import signal
import subprocess
import sys
from collections import Counter
from pathlib import Path

from aiosmtpd.controller import Controller

from tests.fieldwork.conftest import Collector, free_port
from tests.fieldwork.test_resume_killed_invite import scratch_database  # noqa: F401 (fixture)

ROOT = Path(__file__).resolve().parents[2]
CITIES, KILL_AT = 900, 300
SETUP = ("import django; django.setup(); from tests.fieldwork.conftest import STUDY, make_cities, make_wave; "
         "from citydip.survey.models import StudySettings; StudySettings.objects.create(**STUDY); "
         f"make_wave(); make_cities({CITIES})")
START = ("import django; django.setup(); from citydip.core.jobs import start_job; from citydip.survey.models import Wave; "
         "from citydip.fieldwork.tasks import send_invitations; "
         "print(start_job(send_invitations, wave_id=Wave.current().pk).pk)")
RESTART = ("import django, sys; django.setup(); from citydip.core.jobs import restart_job; "
           "from citydip.core.jobs.models import Job; restart_job(Job.objects.get(pk=int(sys.argv[1])))")
SHOW = ("import django, sys, json; django.setup(); from citydip.core.jobs.models import Job; "
        "job = Job.objects.get(pk=int(sys.argv[1])); "
        "print(json.dumps([job.status, job.attempts, job.progress_current, job.progress_total, job.result, "
        "[line.message for line in job.log_lines.all()]]))")


def python(env, code, *args):
    done = subprocess.run([sys.executable, "-c", code, *args], cwd=ROOT, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_a_killed_invitation_job_started_again_sends_every_message_exactly_once(scratch_database, tmp_path):  # noqa: F811
    import json

    collector, port = Collector(), free_port()
    env = dict(os.environ, DATABASE_URL=scratch_database, PYTHONPATH=f"{ROOT / 'src'}{os.pathsep}{ROOT}",
               DJANGO_SETTINGS_MODULE="citydip.settings", EMAIL_HOST="127.0.0.1", EMAIL_PORT=str(port),
               EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend", CITYDIP_JOBS_DIR=str(tmp_path / "jobs"),
               DEFAULT_FROM_EMAIL="survey@citydip.example.org", CITYDIP_SEND_RATE="0")
    subprocess.run([sys.executable, "-m", "citydip", "init"], cwd=ROOT, env=env, check=True, capture_output=True)
    python(env, SETUP)
    job = python(env, START)
    controller = Controller(collector, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        worker = subprocess.Popen([sys.executable, "-m", "citydip", "worker"], cwd=ROOT, env=env,
                                  stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        collector.on_message = lambda n: n == KILL_AT and os.kill(worker.pid, signal.SIGKILL)
        worker.communicate(timeout=600)
        assert worker.returncode == -signal.SIGKILL
        assert len(collector.messages) == KILL_AT
        collector.on_message = None
        status, attempts, current, total, _, _ = json.loads(python(env, SHOW, job))
        assert (status, attempts, total) == ("running", 1, CITIES) and current <= KILL_AT  # what the page showed
        # a new worker notices the dead one (its process is gone) and marks the job interrupted ...
        again = subprocess.run([sys.executable, "-m", "citydip", "worker", "--once"], cwd=ROOT, env=env,
                               capture_output=True, text=True, timeout=120)
        assert again.returncode == 0, again.stderr
        assert json.loads(python(env, SHOW, job))[0] == "interrupted"
        assert len(collector.messages) == KILL_AT
        # ... and the job is started again (the Start again button): it finishes the rest
        python(env, RESTART, job)
        again = subprocess.run([sys.executable, "-m", "citydip", "worker", "--once"], cwd=ROOT, env=env,
                               capture_output=True, text=True, timeout=600)
        assert again.returncode == 0, again.stderr
    finally:
        controller.stop()
    per_recipient = Counter(rcpt for rcpt, _ in collector.messages)
    assert len(per_recipient) == CITIES and set(per_recipient.values()) == {1}
    status, attempts, current, total, result, log = json.loads(python(env, SHOW, job))
    assert (status, attempts) == ("succeeded", 2)
    assert result["sent"] == CITIES - KILL_AT
    assert any("1 interrupted during transmission counted as sent" in line for line in log)
