"""Atomic file writes: the old file stays whole until the new one is complete.

The data goes to a temporary file in the same folder, is flushed and fsynced, then renamed over the target
(``os.replace`` is atomic on POSIX and Windows). A crash part-way leaves the previous file untouched.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import BinaryIO

from coproduction.errors import OutputError


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
        for piece in pieces:
            handle.write(piece if isinstance(piece, bytes) else piece.encode(encoding))

    _write(path, write)


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
