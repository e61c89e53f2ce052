"""The closest valid names to a misspelt one, for "did you mean ...?" in messages about files and settings.

Shared by the register loader (an unknown field) and the policy settings (an unknown setting, profile or value),
so a typing mistake is answered the same way everywhere. :mod:`difflib`'s ratio, as its
``get_close_matches`` uses it (https://docs.python.org/3/library/difflib.html).
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable


def ordered_by_likeness(word: str, valid: Iterable[str]) -> tuple[list[str], list[str]]:
    """The close matches to ``word`` (best first, by :mod:`difflib`), then every other valid name, sorted."""
    names = sorted(set(valid))
    close = difflib.get_close_matches(word.lower(), names, n=3, cutoff=0.6)
    if not close:
        by_lower = {name.lower(): name for name in names}
        close = [by_lower[m] for m in difflib.get_close_matches(word.lower(), list(by_lower), n=3, cutoff=0.6)]
    return close, [name for name in names if name not in close]


def did_you_mean(word: str, valid: Iterable[str]) -> str:
    """``"did you mean 'name'? "`` for the closest valid name to ``word``, or ``""`` when none is close."""
    close, _ = ordered_by_likeness(word, valid)
    return f"did you mean {close[0]!r}? " if close else ""


__all__ = ["did_you_mean", "ordered_by_likeness"]
