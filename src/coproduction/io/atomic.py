"""Atomic file writes: the old file stays whole until the new one is complete.

The data goes to a temporary file in the same folder, is flushed and fsynced, then renamed over the target
(``os.replace`` is atomic on POSIX and Windows). A crash part-way leaves the previous file untouched.
"""

from __future__ import annotations

import contextlib
import errno
import mmap
import os
import tempfile
import threading
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from queue import Queue
from typing import BinaryIO

from coproduction.errors import OutputError

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: no direct I/O, the ordinary way
    fcntl = None  # type: ignore[assignment]


def write_atomic(
    path: str | os.PathLike[str], data: bytes | str, *, encoding: str = "utf-8", private: bool = False
) -> None:
    """Write ``data`` to ``path`` atomically. Raises :class:`OutputError` when the folder cannot be written.

    A new file gets the permissions the process's umask allows, as ``open`` would give it; an existing file keeps
    its own. ``private=True`` makes the file readable and writable by its owner only (0600), whatever the umask:
    for special category data such as an internal diversity audit.
    """
    payload = data.encode(encoding) if isinstance(data, str) else data
    _write(path, lambda handle: handle.write(payload), private=private)


def write_atomic_pieces(
    path: str | os.PathLike[str], pieces: Iterable[str | bytes], *, encoding: str = "utf-8"
) -> None:
    """Write the ``pieces`` (text, encoded with ``encoding``, or bytes as they are) one after another to ``path``
    atomically, without joining them in memory first (a national report runs to hundreds of megabytes). Raises
    :class:`OutputError` as :func:`write_atomic`."""

    def write(handle: BinaryIO) -> None:
        _write_behind(handle, (piece if isinstance(piece, bytes) else piece.encode(encoding) for piece in pieces))

    _write(path, write)


#: Pieces are gathered into staging buffers of this size, written from a second thread while the next fills.
_STAGING = 8 << 20
#: Staging buffers in all: one filling, the others written or waiting to be.
_BUFFERS = 3
#: Direct writes go in whole blocks at block offsets: 4096 bytes is a multiple of every disk's logical block.
_BLOCK = 4096


def _write_behind(handle: BinaryIO, pieces: Iterator[bytes]) -> None:
    """Write ``pieces`` to the file behind ``handle`` from a second thread while this one makes the next.

    The pieces are copied into staging buffers of :data:`_STAGING` bytes (a multiple of :data:`_BLOCK`); each full
    buffer goes to a writing thread, which writes it while this thread makes more pieces (writing to a file
    releases Python's global interpreter lock; making pieces, such as encoding findings, holds it). A report
    that fills a buffer is written with direct I/O where the system allows it (Linux ``O_DIRECT``): the bytes go
    from the buffer to the disk without a copy in the page cache. Issue 12 benchmarks, national report (680 MB)
    on a virtual machine whose fresh memory is slow to hand out: 2.4 s to write through the page cache, 1.3 s
    direct, most of it the encoding. Where direct I/O is refused (a file system without it, a system without
    ``O_DIRECT``) the same buffers are written the ordinary way. A smaller report is written in one ordinary
    write at the end. An error on either side stops both and is raised here (the caller removes the temporary
    file)."""
    handle.flush()
    descriptor, staging = handle.fileno(), _STAGING
    buffers: Queue[mmap.mmap] = Queue()  # page-aligned memory, as direct I/O needs
    full: Queue[mmap.mmap | None] = Queue()
    failed: list[BaseException] = []
    target = _Descriptor(descriptor)

    def drain() -> None:
        while (buffer := full.get()) is not None:
            try:
                if not failed:
                    target.write(memoryview(buffer))
            except BaseException as error:  # handed to the making thread, which raises it
                failed.append(error)
            buffers.put(buffer)  # back to the making thread, even after an error, so that it never blocks

    writer = threading.Thread(target=drain, name="coproduction-write-behind", daemon=True)
    buffer, filled, started = mmap.mmap(-1, staging), 0, False  # the others only once this one fills
    try:
        for piece in pieces:
            if failed:
                break
            view = memoryview(piece)
            while view:
                taken = min(len(view), staging - filled)
                buffer[filled : filled + taken] = view[:taken]
                filled += taken
                view = view[taken:]
                if filled == staging:
                    if not started:  # a report bigger than one buffer: direct I/O, written behind
                        target.try_direct()
                        for _ in range(_BUFFERS - 1):
                            buffers.put(mmap.mmap(-1, staging))
                        writer.start()
                        started = True
                    full.put(buffer)
                    buffer, filled = buffers.get(), 0
    finally:
        if started:
            full.put(None)
            writer.join()
    if failed:
        raise failed[0]
    rest = memoryview(buffer)[:filled]
    if target.direct:
        whole_blocks = filled - filled % _BLOCK
        target.write(rest[:whole_blocks])
        target.end_direct()  # the last, partial block the ordinary way
        rest = rest[whole_blocks:]
    target.write(rest)


class _Descriptor:
    """An open file's descriptor, written with direct I/O once :meth:`try_direct` has turned it on and the system
    accepted it, and the ordinary way otherwise (and from the first write the system refuses as direct)."""

    def __init__(self, descriptor: int) -> None:
        self.descriptor = descriptor
        self.direct = False

    def try_direct(self) -> None:
        flag = getattr(os, "O_DIRECT", 0)
        if not flag or fcntl is None:
            return
        try:
            flags = fcntl.fcntl(self.descriptor, fcntl.F_GETFL)
            fcntl.fcntl(self.descriptor, fcntl.F_SETFL, flags | flag)
        except OSError:  # a file system without direct I/O: the ordinary way
            return
        self.direct = True

    def end_direct(self) -> None:
        if self.direct and fcntl is not None:
            flags = fcntl.fcntl(self.descriptor, fcntl.F_GETFL)
            fcntl.fcntl(self.descriptor, fcntl.F_SETFL, flags & ~getattr(os, "O_DIRECT", 0))
            self.direct = False

    def write(self, view: memoryview) -> None:
        while view:
            try:
                written = _write_some(self.descriptor, view)
            except OSError as error:
                if not (self.direct and error.errno == errno.EINVAL):
                    raise
                self.end_direct()  # direct I/O refused after all (an odd block size): the ordinary way
                continue
            view = view[written:]


def _write_some(descriptor: int, view: memoryview) -> int:
    """``os.write``: how many bytes of ``view`` the system took (the tests stand a full disk in for it)."""
    return os.write(descriptor, view)


def _new_file_mode() -> int:
    """0666 less the umask: what ``open(path, "w")`` would create. The umask can only be read by setting it."""
    umask = os.umask(0o022)
    os.umask(umask)
    return 0o666 & ~umask


def _write(path: str | os.PathLike[str], write: Callable[[BinaryIO], object], *, private: bool = False) -> None:
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    try:
        descriptor, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as error:
        raise OutputError(f"{target}: cannot write here: {error.strerror or error}") from None
    try:
        with os.fdopen(descriptor, "wb") as handle:
            write(handle)
            handle.flush()
            os.fsync(handle.fileno())
        with contextlib.suppress(OSError):
            if private:
                mode = 0o600
            elif target.exists():
                mode = target.stat().st_mode & 0o777
            else:
                mode = _new_file_mode()
            os.chmod(temporary, mode)
        os.replace(temporary, target)
    except OSError as error:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise OutputError(f"{target}: cannot write: {error.strerror or error}") from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


__all__ = ["write_atomic", "write_atomic_pieces"]
