"""Helpers shared by the membership checks' tests."""

from __future__ import annotations

from datetime import date, timedelta

from tests.builders import CARER, STAFF, RegisterBuilder

AS_OF = date(2026, 3, 2)


def monthly_board(present_at: int, meetings: int = 12, **fields: object) -> RegisterBuilder:
    """A board meeting monthly up to as-of; member "ann" present at the first ``present_at`` meetings."""
    b = RegisterBuilder()
    b.add_group("g1")
    b.add_member("ann", CARER, groups=["g1"], name="Ann", **fields)  # type: ignore[arg-type]
    b.add_member("bob", STAFF, groups=["g1"], name="Bob")
    for n in range(meetings):
        day = date(2026, 2, 10) - timedelta(days=30 * n)
        b.add_meeting(f"m{n:02}", "g1", day, present=["bob", *(["ann"] if n < present_at else [])])
    return b
