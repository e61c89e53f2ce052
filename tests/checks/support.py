"""Helpers shared by the tests of checks in more than one family (the mutation-gap tests')."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from coproduction.checks import Flag

AS_OF = date(2026, 3, 2)


def _pairs(flags: Iterable[Flag]) -> list[tuple[str, str]]:
    return [(f.subject_id, f.message) for f in flags]
