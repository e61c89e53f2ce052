"""Progress of a long command on stderr, for a person watching a terminal (issue 12).

A national register takes half a minute to check; a phase bar says what the command is doing meanwhile::

    coproduction check: [########--------] 2/3 checking (9.8 s)

It is written only when stderr is a terminal (``isatty``), so piped or redirected output, logs and CI see nothing,
and ``--quiet`` silences it. The line is redrawn in place with a carriage return; it ends with the total time, or
is wiped when the command stops on an error, so the error message starts on a clean line. Progress is not output:
stdout and any ``-o`` file are the same with or without it.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from types import TracebackType
from typing import TextIO

_WIDTH = 16


def add_quiet_argument(parser: argparse.ArgumentParser) -> None:
    """``--quiet``: no progress on stderr even when it is a terminal."""
    parser.add_argument(
        "--quiet", action="store_true", help="no progress on stderr (it is shown only when stderr is a terminal)"
    )


def _is_terminal(stream: TextIO) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError, OSError):  # a closed or unusual stream: say nothing
        return False


class Progress:
    """A phase bar for ``command``; a no-op unless ``stream`` (default: stderr) is a terminal and not ``quiet``."""

    def __init__(
        self, command: str, phases: Sequence[str], *, quiet: bool = False, stream: TextIO | None = None
    ) -> None:
        self.command = command
        self.phases = tuple(phases)
        self.stream = sys.stderr if stream is None else stream
        self.enabled = not quiet and _is_terminal(self.stream)
        self._started = time.monotonic()
        self._done = 0
        self._width = 0

    def _draw(self, text: str, *, end: str = "") -> None:
        line = f"{self.command}: {text}"
        padding = " " * max(0, self._width - len(line))
        self.stream.write(f"\r{line}{padding}{end}")
        self.stream.flush()
        self._width = 0 if end else len(line)

    def _bar(self, done: int) -> str:
        filled = _WIDTH * done // max(1, len(self.phases))
        return f"[{'#' * filled}{'-' * (_WIDTH - filled)}] {done}/{len(self.phases)}"

    def phase(self, name: str) -> None:
        """Start the phase ``name`` (one of ``phases``): the bar shows the phases finished before it."""
        if not self.enabled:
            return
        if name in self.phases:
            self._done = self.phases.index(name)
        elapsed = time.monotonic() - self._started
        self._draw(f"{self._bar(self._done)} {name} ({elapsed:.1f} s)")

    def finish(self) -> None:
        """The full bar and the total time, on a line of its own."""
        if not self.enabled:
            return
        elapsed = time.monotonic() - self._started
        self._draw(f"{self._bar(len(self.phases))} done in {elapsed:.1f} s", end="\n")

    def clear(self) -> None:
        """Wipe the line, so that an error message that follows starts clean."""
        if self.enabled and self._width:
            self.stream.write("\r" + " " * self._width + "\r")
            self.stream.flush()
            self._width = 0

    def __enter__(self) -> Progress:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        if kind is None:
            self.finish()
        else:
            self.clear()


__all__ = ["Progress", "add_quiet_argument"]
