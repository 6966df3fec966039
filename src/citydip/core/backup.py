"""Back up and restore the whole database, online.

SQLite: the online backup API (:meth:`sqlite3.Connection.backup`) copies a consistent snapshot page by
page while other processes keep writing (they wait at most for one step). PostgreSQL: ``pg_dump -Fc``
(one repeatable-read snapshot) and ``pg_restore --clean --if-exists --single-transaction``. A backup is
written to a temporary file next to the target and renamed only when complete, so a crash never leaves
a half-written file under the final name.
"""
import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

from django.db import connection

from citydip.core.errors import CitydipError
from citydip.core.files import atomic_path, sha256_file

SQLITE_MAGIC = b"SQLite format 3\x00"
PG_CUSTOM_MAGIC = b"PGDMP"
PG_BIN = Path("/usr/lib/postgresql/15/bin")


def file_kind(path):
    """``"sqlite"``, ``"postgresql"`` (a pg_dump custom-format archive) or None, from the first bytes."""
    with open(path, "rb") as handle:
        head = handle.read(16)
    if head.startswith(SQLITE_MAGIC):
        return "sqlite"
    if head.startswith(PG_CUSTOM_MAGIC):
        return "postgresql"
    return None


def pg_tool(name):
    """The PostgreSQL 15 client tool (matches the server), else the one on PATH."""
    candidate = PG_BIN / name
    found = str(candidate) if candidate.exists() else shutil.which(name)
    if not found:
        raise CitydipError("CORE-E012", f"{name} not found: install the PostgreSQL client tools", field=name)
    return found


def pg_env_and_args():
    """libpq environment and connection arguments from settings.DATABASES (password via PGPASSWORD)."""
    settings = connection.settings_dict
    env = dict(os.environ)
    for key, var in (("HOST", "PGHOST"), ("PORT", "PGPORT"), ("USER", "PGUSER"), ("PASSWORD", "PGPASSWORD")):
        if settings.get(key):
            env[var] = str(settings[key])
    return env, ["--dbname", settings["NAME"]]


def run_pg(args, env, what):
    result = subprocess.run(args, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        message = (result.stderr or result.stdout).strip().splitlines()
        raise CitydipError("CORE-E012", f"{what} failed: {message[-1] if message else result.returncode}")


def backup_database(output):
    """Write a backup of the configured database to ``output``; returns (size in bytes, sha256)."""
    output = Path(output)
    if not output.parent.is_dir():
        raise CitydipError("CORE-E010", "the folder of the backup file does not exist", file=str(output))
    with atomic_path(output) as temporary:
        if connection.vendor == "sqlite":
            backup_sqlite(connection.settings_dict["NAME"], temporary)
        elif connection.vendor == "postgresql":
            env, dbargs = pg_env_and_args()
            run_pg([pg_tool("pg_dump"), "-Fc", "--no-owner", "-f", str(temporary), *dbargs], env, "pg_dump")
        else:
            raise CitydipError("CORE-E012", f"no backup method for the {connection.vendor} database")
    return output.stat().st_size, sha256_file(output)


def backup_sqlite(source_name, target):
    source = sqlite3.connect(str(source_name), timeout=30)
    destination = sqlite3.connect(str(target))
    try:
        source.backup(destination, pages=256)
    finally:
        destination.close()
        source.close()


def check_restorable(path):
    """The file exists and is a backup of the configured database's kind; returns the kind."""
    path = Path(path)
    if not path.is_file():
        raise CitydipError("CORE-E010", "no such backup file", file=str(path))
    kind = file_kind(path)
    expected = "postgresql" if connection.vendor == "postgresql" else "sqlite"
    if kind is None:
        raise CitydipError("CORE-E011", "not a citydip backup: neither an SQLite database nor a pg_dump "
                           "custom-format archive (make one with `citydip backup`)", file=str(path))
    if kind != expected:
        raise CitydipError("CORE-E011", f"this is a {kind} backup but the configured database is "
                           f"{connection.vendor}: restore it into a {kind} database", file=str(path))
    return kind


def restore_database(path):
    """Replace the configured database's content with the backup in ``path``."""
    kind = check_restorable(path)
    connection.close()
    if kind == "sqlite":
        source = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        destination = sqlite3.connect(str(connection.settings_dict["NAME"]), timeout=30)
        try:
            source.backup(destination)
        finally:
            destination.close()
            source.close()
    else:
        env, dbargs = pg_env_and_args()
        run_pg([pg_tool("pg_restore"), "--clean", "--if-exists", "--no-owner", "--single-transaction",
                *dbargs, str(path)], env, "pg_restore")
