"""`citydip fieldwork invite` killed with SIGKILL half-way, then run again: the rest, and no duplicates.

The command runs in a subprocess against a scratch database (SQLite file, or a scratch PostgreSQL
database when the tests run on PostgreSQL). The SMTP server kills the sender while it waits for the
server's answer to message K: the worst moment, when the message has been delivered but the sender
has not recorded it.
"""
import os
import signal
import subprocess
import sys
import uuid
from collections import Counter
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller
from django.db import connection

from tests.fieldwork.conftest import Collector, free_port

ROOT = Path(__file__).resolve().parents[2]
CITIES, KILL_AT = 120, 50
SETUP = ("import django; django.setup(); from tests.fieldwork.conftest import STUDY, make_cities, make_wave; "
         "from citydip.survey.models import StudySettings; StudySettings.objects.create(**STUDY); "
         f"make_wave(); make_cities({CITIES})")


@pytest.fixture
def scratch_database(tmp_path):
    if connection.vendor == "sqlite":
        yield f"sqlite:///{tmp_path}/kill.sqlite3"
        return
    import psycopg

    params = connection.settings_dict
    name = f"citydip_field_kill_{uuid.uuid4().hex[:8]}"
    admin = dict(host=params["HOST"], port=params["PORT"] or 5432, user=params["USER"], password=params["PASSWORD"] or None,
                 dbname="postgres", autocommit=True)
    with psycopg.connect(**admin) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    yield f"postgres://{params['USER']}@{params['HOST']}:{admin['port']}/{name}"
    with psycopg.connect(**admin) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def citydip(env, *args, **kwargs):
    return subprocess.Popen([sys.executable, "-m", "citydip", *args], cwd=ROOT, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True, **kwargs)


def test_a_killed_run_then_a_rerun_give_every_city_exactly_one_message(scratch_database):
    collector, port = Collector(), free_port()
    env = dict(os.environ, DATABASE_URL=scratch_database, PYTHONPATH=f"{ROOT / 'src'}{os.pathsep}{ROOT}",
               DJANGO_SETTINGS_MODULE="citydip.settings", EMAIL_HOST="127.0.0.1", EMAIL_PORT=str(port),
               EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
               DEFAULT_FROM_EMAIL="survey@citydip.example.org")
    assert citydip(env, "init").wait() == 0
    subprocess.run([sys.executable, "-c", SETUP], cwd=ROOT, env=env, check=True)
    controller = Controller(collector, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        first = citydip(env, "fieldwork", "invite", "--rate", "0", "--quiet")
        collector.on_message = lambda n: n == KILL_AT and os.kill(first.pid, signal.SIGKILL)
        first.communicate(timeout=300)
        assert first.returncode == -signal.SIGKILL
        assert len(collector.messages) == KILL_AT
        collector.on_message = None
        second = citydip(env, "fieldwork", "invite", "--rate", "0", "--quiet")
        output, _ = second.communicate(timeout=300)
        assert second.returncode == 0, output
    finally:
        controller.stop()
    per_recipient = Counter(rcpt for rcpt, _ in collector.messages)
    assert len(per_recipient) == CITIES and set(per_recipient.values()) == {1}
    assert f"invitations: {CITIES - KILL_AT} sent" in output
    assert "1 interrupted during transmission counted as sent" in output
