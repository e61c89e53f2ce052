"""Nothing lost: a writer killed part-way leaves the previous file whole (issue 6)."""

from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coproduction.errors import OutputError
from coproduction.io import atomic
from coproduction.io.atomic import write_atomic, write_atomic_pieces

# The child writes a large new version, but its disk "stalls" inside fsync: the moment a real crash would hurt.
CHILD = r"""
import os, sys, time
from coproduction.io import atomic

def stalled_fsync(fd):
    sys.stdout.write("writing\n"); sys.stdout.flush()
    time.sleep(120)

atomic.os.fsync = stalled_fsync
atomic.write_atomic(sys.argv[1], b"NEW " * 5_000_000)
"""


def test_killed_writer_leaves_previous_file_intact(tmp_path: Path) -> None:
    target = tmp_path / "calendar.ics"
    target.write_bytes(b"PREVIOUS VERSION\r\n")
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(target)], stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "writing"
        os.kill(child.pid, signal.SIGKILL)
    finally:
        child.wait(timeout=30)
    assert child.returncode == -signal.SIGKILL
    assert target.read_bytes() == b"PREVIOUS VERSION\r\n"


@given(st.binary(max_size=2000) | st.text(max_size=500))
def test_write_atomic_writes_exactly_the_data(data: bytes | str) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "out.txt"
        path.write_bytes(b"old")
        write_atomic(path, data)
        expected = data.encode("utf-8") if isinstance(data, str) else data
        assert path.read_bytes() == expected
        assert sorted(p.name for p in Path(folder).iterdir()) == ["out.txt"]


def test_write_atomic_into_missing_folder_is_a_library_error(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="cannot write"):
        write_atomic(tmp_path / "no" / "such" / "folder" / "x.ics", "data")


def test_write_atomic_keeps_existing_permissions(tmp_path: Path) -> None:
    path = tmp_path / "report.html"
    path.write_text("old")
    path.chmod(0o600)
    write_atomic(path, "new")
    assert path.stat().st_mode & 0o777 == 0o600


def test_new_file_follows_the_umask(tmp_path: Path) -> None:
    old = os.umask(0o077)
    try:
        write_atomic(tmp_path / "new.ics", "data")
    finally:
        os.umask(old)
    assert (tmp_path / "new.ics").stat().st_mode & 0o777 == 0o600


def test_private_file_is_owner_only_whatever_the_umask(tmp_path: Path) -> None:
    old = os.umask(0o000)
    try:
        write_atomic(tmp_path / "internal.json", "data", private=True)
    finally:
        os.umask(old)
    assert (tmp_path / "internal.json").stat().st_mode & 0o777 == 0o600


@given(st.lists(st.binary(max_size=300) | st.text(max_size=100), max_size=30))
def test_write_atomic_pieces_writes_the_pieces_in_order(pieces: list[bytes | str]) -> None:
    # The pieces are written from a second thread while the next are made (write-behind): the order is kept.
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "out.json"
        write_atomic_pieces(path, iter(pieces))
        expected = b"".join(p.encode("utf-8") if isinstance(p, str) else p for p in pieces)
        assert path.read_bytes() == expected
        assert sorted(p.name for p in Path(folder).iterdir()) == ["out.json"]


def test_pieces_that_fail_part_way_leave_the_previous_file_and_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "report.json"
    target.write_bytes(b"PREVIOUS")

    def pieces() -> Iterator[bytes]:
        yield b"NEW " * 1000
        yield b"MORE " * 1000
        raise ValueError("the renderer failed")

    with pytest.raises(ValueError, match="the renderer failed"):
        write_atomic_pieces(target, pieces())
    assert target.read_bytes() == b"PREVIOUS"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.json"]


def test_a_write_that_fails_in_the_writing_thread_is_an_output_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The disk fills after the first piece: the error raised in the writing thread reaches the caller as the
    # library's OutputError, the making of pieces stops, and nothing is left behind.
    target = tmp_path / "report.json"
    target.write_bytes(b"PREVIOUS")
    made: list[int] = []

    class FullDisk:
        def __init__(self, handle: BinaryIO) -> None:
            self.handle, self.written = handle, 0

        def write(self, piece: bytes) -> int:
            if self.written:
                raise OSError(errno.ENOSPC, "No space left on device")
            self.written += 1
            return self.handle.write(piece)

    real_behind = atomic._write_behind
    monkeypatch.setattr(atomic, "_write_behind", lambda handle, pieces: real_behind(FullDisk(handle), pieces))  # type: ignore[arg-type]

    def pieces() -> Iterator[bytes]:
        for number in range(10_000):
            made.append(number)
            yield b"x" * 1000

    with pytest.raises(OutputError, match="No space left on device"):
        write_atomic_pieces(target, pieces())
    assert target.read_bytes() == b"PREVIOUS"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.json"]
    assert len(made) < 10_000  # stopped early, not made to the end
