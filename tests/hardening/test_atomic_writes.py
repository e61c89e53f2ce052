"""Nothing lost: a writer killed part-way leaves the previous file whole (issue 6)."""

from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

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
    # The disk fills after the first buffer: the error raised in the writing thread reaches the caller as the
    # library's OutputError, the making of pieces stops, and nothing is left behind.
    target = tmp_path / "report.json"
    target.write_bytes(b"PREVIOUS")
    made: list[int] = []
    writes: list[int] = []
    real_write = atomic._write_some

    def full_disk(descriptor: int, view: memoryview) -> int:
        if writes:
            raise OSError(errno.ENOSPC, "No space left on device")
        writes.append(len(view))
        return real_write(descriptor, view)

    monkeypatch.setattr(atomic, "_STAGING", 8 * atomic._BLOCK)
    monkeypatch.setattr(atomic, "_write_some", full_disk)

    def pieces() -> Iterator[bytes]:
        for number in range(10_000):
            made.append(number)
            yield b"x" * 1000

    with pytest.raises(OutputError, match="No space left on device"):
        write_atomic_pieces(target, pieces())
    assert target.read_bytes() == b"PREVIOUS"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.json"]
    assert len(made) < 10_000  # stopped early, not made to the end


def _direct_io_accepted(folder: Path) -> bool:
    """Whether the file system under ``folder`` takes direct I/O (Linux ``O_DIRECT``)."""
    flag = getattr(os, "O_DIRECT", 0)
    if not flag:
        return False
    try:
        descriptor = os.open(folder / "probe", os.O_WRONLY | os.O_CREAT | flag, 0o600)
    except OSError:
        return False
    os.close(descriptor)
    os.unlink(folder / "probe")
    return True


@given(
    st.lists(st.binary(max_size=3 * 4096 + 17), max_size=12),
    st.integers(min_value=1, max_value=3),
)
def test_staged_pieces_are_written_whole_and_in_order_across_buffers(pieces: list[bytes], blocks: int) -> None:
    # Small staging buffers, so that pieces straddle buffers, fill them exactly, or leave a partial block.
    import tempfile

    staging = atomic._STAGING
    atomic._STAGING = blocks * atomic._BLOCK
    try:
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "out.json"
            write_atomic_pieces(path, iter(pieces))
            assert path.read_bytes() == b"".join(pieces)
            assert sorted(p.name for p in Path(folder).iterdir()) == ["out.json"]
    finally:
        atomic._STAGING = staging


def _flags_at_each_write(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """Record, for each write, whether the descriptor had direct I/O on."""
    seen: list[bool] = []
    real_write = atomic._write_some
    flag = getattr(os, "O_DIRECT", 0)

    def spy(descriptor: int, view: memoryview) -> int:
        if flag:  # Linux: fcntl is there
            import fcntl

            seen.append(bool(fcntl.fcntl(descriptor, fcntl.F_GETFL) & flag))
        else:
            seen.append(False)
        return real_write(descriptor, view)

    monkeypatch.setattr(atomic, "_write_some", spy)
    return seen


@pytest.mark.skipif(sys.platform == "win32", reason="no fcntl on Windows: always the ordinary way")
def test_a_report_bigger_than_a_buffer_is_written_direct_where_the_system_allows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(atomic, "_STAGING", 4 * atomic._BLOCK)
    seen = _flags_at_each_write(monkeypatch)
    data = bytes(range(256)) * 300  # 76,800 bytes: four full buffers and a partial one
    write_atomic_pieces(tmp_path / "big.json", [data[:1000], data[1000:]])
    assert (tmp_path / "big.json").read_bytes() == data
    if _direct_io_accepted(tmp_path):
        assert seen[:4] == [True] * 4  # the full buffers, direct
    assert seen[-1] is False  # the last, partial block the ordinary way


def test_a_small_report_is_written_the_ordinary_way(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seen = _flags_at_each_write(monkeypatch)
    write_atomic_pieces(tmp_path / "small.json", [b"{", b"}"])
    assert (tmp_path / "small.json").read_bytes() == b"{}"
    assert seen == [False]


@pytest.mark.skipif(sys.platform == "win32", reason="no fcntl on Windows: always the ordinary way")
def test_direct_io_refused_by_the_file_system_falls_back_to_the_ordinary_way(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import fcntl

    real_fcntl = fcntl.fcntl

    def refusing(descriptor: int, command: int, argument: int = 0) -> int:
        if command == fcntl.F_SETFL and argument & getattr(os, "O_DIRECT", 0):
            raise OSError(errno.EINVAL, "Invalid argument")
        return real_fcntl(descriptor, command, argument)

    monkeypatch.setattr(fcntl, "fcntl", refusing)
    monkeypatch.setattr(atomic, "_STAGING", 2 * atomic._BLOCK)
    seen = _flags_at_each_write(monkeypatch)
    data = os.urandom(5 * atomic._BLOCK + 3)
    write_atomic_pieces(tmp_path / "out.json", [data])
    assert (tmp_path / "out.json").read_bytes() == data
    assert not any(seen)


@pytest.mark.skipif(sys.platform == "win32", reason="no fcntl on Windows: always the ordinary way")
def test_a_direct_write_the_system_refuses_is_written_the_ordinary_way(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Direct I/O accepted when turned on, then a write refused (a disk whose blocks are bigger than 4096 bytes):
    # that write and the rest go the ordinary way, and the file is whole.
    monkeypatch.setattr(atomic, "_STAGING", 2 * atomic._BLOCK)
    real_write = atomic._write_some
    refused: list[int] = []

    def refusing_direct(descriptor: int, view: memoryview) -> int:
        import fcntl

        if fcntl.fcntl(descriptor, fcntl.F_GETFL) & getattr(os, "O_DIRECT", 0):
            refused.append(len(view))
            raise OSError(errno.EINVAL, "Invalid argument")
        return real_write(descriptor, view)

    monkeypatch.setattr(atomic, "_write_some", refusing_direct)
    data = os.urandom(7 * atomic._BLOCK + 5)
    write_atomic_pieces(tmp_path / "out.json", [data[:100], data[100:]])
    assert (tmp_path / "out.json").read_bytes() == data
    if _direct_io_accepted(tmp_path):
        assert len(refused) == 1  # refused once; direct I/O is not asked for again
