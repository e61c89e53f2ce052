"""Tests of the checks' shared machinery, moved from the mutation-gap tests."""

from __future__ import annotations

from datetime import date

from coproduction.checks._queries import months_before


def test_months_before_in_the_calendar_s_first_year() -> None:
    assert months_before(date(1, 12, 31), 1) == date(1, 11, 30)
    assert months_before(date(1, 3, 1), 12) == date.min
