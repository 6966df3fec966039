"""core/files.py: an atomic write leaves the old file or the new one, and never a temporary file."""
import hashlib

import pytest

from citydip.core.files import atomic_path, atomic_write, sha256_file, write_bytes


def write_half_then_fail(target):
    with atomic_write(target) as stream:
        stream.write("half of the new")
        raise RuntimeError("the disk is full")


def interrupt_a_named_writer(target):
    with atomic_path(target) as temporary:
        temporary.write_bytes(b"partial")
        raise KeyboardInterrupt


def test_a_failed_write_keeps_the_old_file_and_leaves_no_part_file(tmp_path):
    target = tmp_path / "out.csv"
    target.write_text("old\n")
    with pytest.raises(RuntimeError):
        write_half_then_fail(target)
    assert target.read_text() == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["out.csv"]


def test_a_writer_that_wants_a_file_name_fails_cleanly_too(tmp_path):
    target = tmp_path / "figure.png"
    with pytest.raises(KeyboardInterrupt):
        interrupt_a_named_writer(target)
    assert list(tmp_path.iterdir()) == []


def test_a_successful_write_replaces_the_file_readable_by_others(tmp_path):
    target = tmp_path / "data.bin"
    write_bytes(target, b"\x00abc" * 1000)
    assert target.read_bytes() == b"\x00abc" * 1000
    assert target.stat().st_mode & 0o777 == 0o644
    assert [p.name for p in tmp_path.iterdir()] == ["data.bin"]
    assert sha256_file(target) == hashlib.sha256(b"\x00abc" * 1000).hexdigest()
