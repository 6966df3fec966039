import sqlite3
import subprocess
import sys

import pytest
from django.contrib.auth.models import Group

from citydip.core.models import Country


def run_citydip(*args, cwd, env_extra=None):
    import os

    env = {**os.environ, "DATABASE_URL": f"sqlite:///{cwd}/t.sqlite3", **(env_extra or {})}
    return subprocess.run([sys.executable, "-m", "citydip", *args], cwd=cwd, env=env, capture_output=True, text=True)


def test_it_creates_a_wal_database_and_is_safe_to_run_again(tmp_path):
    first = run_citydip("init", cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    second = run_citydip("init", cwd=tmp_path)
    assert second.returncode == 0, second.stderr
    db = sqlite3.connect(tmp_path / "t.sqlite3")
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("SELECT count(*) FROM core_country WHERE eu_member").fetchone()[0] == 27


def test_other_commands_say_to_run_init_first(tmp_path):
    result = run_citydip("user", "x", "--role", "coder", cwd=tmp_path)
    assert result.returncode == 1
    assert "citydip init" in result.stderr


@pytest.mark.django_db
def test_countries_use_iso_codes_and_roles_exist():
    assert Country.objects.get(iso2="GR").eu_member
    assert not Country.objects.filter(iso2="EL").exists()
    assert "pl" in Country.objects.get(iso2="PL").languages
    from django.core.management import call_command

    call_command("init", quiet=True)
    assert set(Group.objects.values_list("name", flat=True)) >= {"admin", "researcher", "fieldworker", "coder"}


@pytest.mark.django_db
def test_a_user_whose_password_was_hashed_beforehand_logs_in_with_it(client):
    """The demo hashes its login's password on another core while it builds, then creates the user."""
    from django.contrib.auth.hashers import make_password

    from citydip.core.management.commands.user import create_user

    assert create_user("demo", "admin", password="demo-pass-1", password_hash=make_password("demo-pass-1")) == "demo-pass-1"
    assert client.login(username="demo", password="demo-pass-1")
    assert not client.login(username="demo", password="demo-pass-2")
