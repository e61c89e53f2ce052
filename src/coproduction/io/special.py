"""Refuse paths that are neither a regular file nor a folder, before anything tries to read them.

Reading a named pipe (FIFO) waits for a writer that may never come, and a device such as ``/dev/zero`` never ends;
``os.stat`` answers at once for both without opening them (POSIX ``stat``, ``S_ISREG``/``S_ISDIR``:
https://pubs.opengroup.org/onlinepubs/9699919799/basedefs/sys_stat.h.html).
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable

_KINDS: tuple[tuple[Callable[[int], bool], str], ...] = (
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def special_kind(path: str | os.PathLike[str]) -> str | None:
    """What ``path`` is when it exists and is neither a regular file nor a folder (following symbolic links);
    ``None`` for a file, a folder, or a path that cannot be examined (the caller's read reports that)."""
    try:
        mode = os.stat(path).st_mode
    except (OSError, ValueError):
        return None
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        return None
    for test, kind in _KINDS:
        if test(mode):
            return kind
    return "a special file"


def not_regular_message(path: str | os.PathLike[str]) -> str | None:
    """The located error's text for a path that is not a regular file or folder, else ``None``."""
    kind = special_kind(path)
    if kind is None:
        return None
    return f"not a regular file or folder: it is {kind}; give a file or a folder of files"


__all__ = ["not_regular_message", "special_kind"]
