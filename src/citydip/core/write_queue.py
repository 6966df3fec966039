"""Writers that queue for SQLite instead of polling it (hand-written: no library does this for Django).

SQLite lets one connection write at a time. A second connection's ``BEGIN IMMEDIATE`` meets
SQLITE_BUSY, and SQLite's busy handler retries after sleeping 1, 2, 5, 10, ... up to 100 ms. With
many respondents saving at once through several gunicorn workers, those sleeps, not the work, set
the pace, and they cost CPU in retries. An advisory file lock (``fcntl.flock``) taken before the
transaction makes the hot writers (survey saves and submissions) wait in the kernel instead, which
wakes the next one the moment the lock is released; a thread lock does the same between the threads
of one process (flock does not tell them apart). On PostgreSQL (row locks), on an in-memory database,
inside an open transaction, or where fcntl is missing, it does nothing.
"""
import contextlib
import threading

from django.db import connections

try:
    import fcntl
except ImportError:  # not POSIX
    fcntl = None

_thread_lock = threading.Lock()
_files = {}


def _lock_file(database):
    if database not in _files:
        _files[database] = open(f"{database}-writers.lock", "a+b")  # noqa: SIM115 - held for the process
    return _files[database]


def _sqlite_file(connection):
    name = str(connection.settings_dict.get("NAME") or "")
    if connection.vendor != "sqlite" or not name or ":memory:" in name or "mode=memory" in name:
        return None
    return name


@contextlib.contextmanager
def queued_write(using="default"):
    """Run the block (one write transaction) after every earlier writer of this database is done."""
    connection = connections[using]
    database = _sqlite_file(connection)
    if database is None or fcntl is None or connection.in_atomic_block:
        yield
        return
    with _thread_lock:
        handle = _lock_file(database)
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
