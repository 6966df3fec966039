"""`citydip backup` / `citydip restore`: a round trip under write load gives back the snapshot.

The commands run in a subprocess against a scratch database (the pytest database may live in memory).
A thread keeps inserting AuditEvent rows through its own connection while the backup runs; the restored
database must equal the original at one moment: every table identical, and the audit rows a gap-free
prefix of what the writer wrote.
"""
import hashlib
import os
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from django.db import connection

SRC = Path(__file__).resolve().parents[2] / "src"
LOAD = "backup-load-test"


def citydip(database_url, *args):
    env = {**os.environ, "DATABASE_URL": database_url, "PYTHONPATH": str(SRC)}
    return subprocess.run([sys.executable, "-m", "citydip", *args], env=env, capture_output=True, text=True)


def digest(rows):
    return len(rows), hashlib.sha256("\n".join(sorted(rows)).encode()).hexdigest()


def snapshot_sqlite(path, audit_upto=None):
    """{table: (row count, sha256 of the sorted rows)} for every table; audit rows up to an id."""
    db = sqlite3.connect(path)
    tables = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'")]
    result = {}
    for table in tables:
        where = f" WHERE id <= {int(audit_upto)}" if table == "core_auditevent" and audit_upto is not None else ""
        result[table] = digest([repr(row) for row in db.execute(f'SELECT * FROM "{table}"{where}')])
    db.close()
    return result


class Writer(threading.Thread):
    """Inserts numbered AuditEvent rows, one commit each, until stopped."""

    def __init__(self, connect, placeholder):
        super().__init__(daemon=True)
        self.connect, self.placeholder, self.count = connect, placeholder, 0
        self.stop = threading.Event()

    def run(self):
        db = self.connect()
        p = self.placeholder
        sql = (f"INSERT INTO core_auditevent (at, action, object_type, object_id, detail) "
               f"VALUES ({p}, {p}, '', {p}, '{{}}')")
        while not self.stop.is_set():
            db.execute(sql, ("2026-01-01 00:00:00", LOAD, str(self.count)))
            db.commit()
            self.count += 1
            time.sleep(0.001)
        db.close()

    def wait_for(self, n):
        deadline = time.monotonic() + 20
        while self.count < n and time.monotonic() < deadline:
            time.sleep(0.01)
        assert self.count >= n, "the writer thread did not write"


def backup_under_load(database_url, backup_file, writer):
    writer.start()
    writer.wait_for(20)
    before = writer.count
    result = citydip(database_url, "backup", "--output", str(backup_file))
    after = writer.count
    writer.wait_for(after + 20)
    writer.stop.set()
    writer.join()
    assert result.returncode == 0, result.stderr
    assert "sha256" in result.stdout
    return before, after


def assert_load_prefix(load_ids, before, after):
    """The restored load rows are exactly writer rows 0..k-1 with before <= k <= after (a snapshot)."""
    assert sorted(load_ids) == list(range(len(load_ids)))
    assert before <= len(load_ids) <= after


@pytest.fixture(scope="module")
def initialised_sqlite(tmp_path_factory):
    """One `citydip init` per module (a file database; the test database may be in memory)."""
    path = tmp_path_factory.mktemp("backup") / "initialised.sqlite3"
    result = citydip(f"sqlite:///{path}", "init")
    assert result.returncode == 0, result.stderr
    return path


@pytest.fixture
def migrated_sqlite(initialised_sqlite, tmp_path):
    """A fresh copy of the initialised database for each test."""
    path = tmp_path / "original.sqlite3"
    source, target = sqlite3.connect(initialised_sqlite), sqlite3.connect(path)
    source.backup(target)
    source.close()
    target.close()
    return path


def test_a_sqlite_backup_taken_under_write_load_restores_to_a_consistent_snapshot(migrated_sqlite, tmp_path):
    url = f"sqlite:///{migrated_sqlite}"
    backup = tmp_path / "citydip.backup"
    writer = Writer(lambda: sqlite3.connect(migrated_sqlite, timeout=30), "?")
    before, after = backup_under_load(url, backup, writer)

    restored = tmp_path / "restored.sqlite3"
    result = citydip(f"sqlite:///{restored}", "restore", str(backup), "--yes")
    assert result.returncode == 0, result.stderr
    db = sqlite3.connect(restored)
    ids = [int(r[0]) for r in db.execute("SELECT object_id FROM core_auditevent WHERE action = ?", (LOAD,))]
    top = db.execute("SELECT max(id) FROM core_auditevent").fetchone()[0]
    db.close()
    assert_load_prefix(ids, before, after)
    assert snapshot_sqlite(restored) == snapshot_sqlite(migrated_sqlite, audit_upto=top)


def test_a_restore_over_a_changed_database_brings_back_the_backup(migrated_sqlite, tmp_path):
    url = f"sqlite:///{migrated_sqlite}"
    backup = tmp_path / "citydip.backup"
    assert citydip(url, "backup", "--output", str(backup)).returncode == 0
    expected = snapshot_sqlite(migrated_sqlite)
    db = sqlite3.connect(migrated_sqlite)
    db.execute("INSERT INTO core_auditevent (at, action, object_type, object_id, detail) "
               "VALUES ('2026-01-01', 'later', '', '', '{}')")
    db.commit()
    db.close()
    assert snapshot_sqlite(migrated_sqlite) != expected
    result = citydip(url, "restore", str(backup), "--yes")
    assert result.returncode == 0, result.stderr
    assert snapshot_sqlite(migrated_sqlite) == expected


def test_restore_refuses_without_confirmation_and_rejects_a_file_that_is_no_backup(migrated_sqlite, tmp_path):
    url = f"sqlite:///{migrated_sqlite}"
    backup = tmp_path / "citydip.backup"
    assert citydip(url, "backup", "--output", str(backup)).returncode == 0
    unconfirmed = citydip(url, "restore", str(backup))
    assert unconfirmed.returncode == 1 and "CORE-E013" in unconfirmed.stderr
    not_a_backup = tmp_path / "notes.txt"
    not_a_backup.write_text("hello")
    wrong = citydip(url, "restore", str(not_a_backup), "--yes")
    assert wrong.returncode == 1 and "CORE-E011" in wrong.stderr
    missing = citydip(url, "restore", str(tmp_path / "nope.backup"), "--yes")
    assert missing.returncode == 1 and "CORE-E010" in missing.stderr


# --- PostgreSQL ---------------------------------------------------------------------------------

def pg_settings():
    s = connection.settings_dict
    env = {**os.environ, "PGHOST": s.get("HOST") or "", "PGPORT": str(s.get("PORT") or ""),
           "PGUSER": s.get("USER") or "", "PGPASSWORD": s.get("PASSWORD") or ""}
    return s, {k: v for k, v in env.items() if v != ""}


def pg_url(name):
    s = connection.settings_dict
    password = f":{s['PASSWORD']}" if s.get("PASSWORD") else ""
    return f"postgres://{s['USER']}{password}@{s.get('HOST') or 'localhost'}:{s.get('PORT') or 5432}/{name}"


def pg_snapshot(name, audit_upto=None):
    import psycopg

    result = {}
    with psycopg.connect(pg_url(name).replace("postgres://", "postgresql://")) as db:
        tables = [r[0] for r in db.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema='public' AND table_type='BASE TABLE'")]
        for table in tables:
            where = f" WHERE id <= {int(audit_upto)}" if table == "core_auditevent" and audit_upto is not None else ""
            result[table] = digest([r[0] for r in db.execute(f'SELECT to_jsonb(t)::text FROM "{table}" t{where}')])
    return result


@pytest.fixture
def scratch_databases(db):
    if connection.vendor != "postgresql":
        pytest.skip("the PostgreSQL round trip runs when the suite runs on PostgreSQL (DATABASE_URL=postgres://...)")
    settings, env = pg_settings()
    names = [f"{settings['NAME']}_bk_src", f"{settings['NAME']}_bk_dst"]
    for name in names:
        subprocess.run(["dropdb", "--if-exists", "--force", name], env=env, check=True, capture_output=True)
        subprocess.run(["createdb", name], env=env, check=True, capture_output=True)
    yield names
    for name in names:
        subprocess.run(["dropdb", "--if-exists", "--force", name], env=env, capture_output=True)


def test_a_postgresql_backup_taken_under_write_load_restores_to_a_consistent_snapshot(scratch_databases, tmp_path):
    import psycopg

    source, target = scratch_databases
    seed = tmp_path / "seed.dump"  # the migrated test database's committed schema and rows, as a start
    assert citydip(pg_url(connection.settings_dict["NAME"]), "backup", "--output", str(seed)).returncode == 0
    result = citydip(pg_url(source), "restore", str(seed), "--yes")
    assert result.returncode == 0, result.stderr

    backup = tmp_path / "citydip.dump"
    dsn = pg_url(source).replace("postgres://", "postgresql://")
    writer = Writer(lambda: psycopg.connect(dsn), "%s")
    before, after = backup_under_load(pg_url(source), backup, writer)
    result = citydip(pg_url(target), "restore", str(backup), "--yes")
    assert result.returncode == 0, result.stderr

    with psycopg.connect(pg_url(target).replace("postgres://", "postgresql://")) as db:
        ids = [int(r[0]) for r in db.execute("SELECT object_id FROM core_auditevent WHERE action = %s", (LOAD,))]
        top = db.execute("SELECT coalesce(max(id), 0) FROM core_auditevent").fetchone()[0]
    assert_load_prefix(ids, before, after)
    assert pg_snapshot(target) == pg_snapshot(source, audit_upto=top)
