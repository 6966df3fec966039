"""Writing and hashing files, the one way citydip does it.

``atomic_write(path)`` writes through a temporary file in the same folder and renames it over ``path``
when the block ends without error: a reader sees the old file or the new one, never half of one, and an
error or Ctrl-C leaves neither a half file nor a temporary file behind. ``atomic_path(path)`` is the same
for writers that want a file name (matplotlib, pg_dump, SQLite's backup API). ``sha256_file(path)`` is
the hex SHA-256 of a file's bytes, read in blocks.
"""
import hashlib
import os
import tempfile
from contextlib import contextmanager
from pathlib import Path

FILE_MODE = 0o644  # what a plain open() gives under the usual umask (mkstemp's own is 0o600)


@contextmanager
def atomic_path(path):
    """Yield a temporary path next to ``path``; rename it to ``path`` on success, remove it on error."""
    path = Path(path)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    os.close(handle)
    try:
        yield Path(temporary)
        os.chmod(temporary, FILE_MODE)
        os.replace(temporary, path)
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)


@contextmanager
def atomic_write(path, mode="w", encoding="utf-8", newline=None):
    """``with atomic_write(path) as stream:`` -- ``mode`` "w" (text, UTF-8) or "wb" (bytes)."""
    with atomic_path(path) as temporary:
        if "b" in mode:
            with open(temporary, mode) as stream:
                yield stream
        else:
            with open(temporary, mode, encoding=encoding, newline=newline) as stream:
                yield stream


def write_bytes(path, data):
    """Atomically replace ``path`` with ``data`` (bytes)."""
    with atomic_write(path, "wb") as stream:
        stream.write(data)


def write_text(path, text):
    """Atomically replace ``path`` with ``text`` (UTF-8)."""
    with atomic_write(path, "w") as stream:
        stream.write(text)


def sha256_file(path, block_size=1 << 20):
    """Hex SHA-256 of the file's bytes."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(block_size), b""):
            digest.update(block)
    return digest.hexdigest()
