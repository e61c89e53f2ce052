"""The small register questions behind the EQ, GR and MB checks (coproduction.checks._queries)."""

from __future__ import annotations

from datetime import UTC, date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coproduction.checks._queries import is_under, months_before, more_needed, percent, whole_months_between

DAYS = st.dates(date(1900, 1, 1), date(2200, 12, 31))


def test_months_before_clamps_to_the_end_of_a_shorter_month() -> None:
    assert months_before(date(2026, 3, 31), 1) == date(2026, 2, 28)
    assert months_before(date(2024, 2, 29), 12) == date(2023, 2, 28)
    assert months_before(date(2026, 3, 2), 12) == date(2025, 3, 2)
    assert months_before(date(2026, 1, 15), 13) == date(2024, 12, 15)
    assert months_before(date(2026, 1, 15), 10**6) == date.min


@given(DAYS, st.integers(0, 600))
def test_months_before_goes_back_exactly_that_many_whole_months(day: date, months: int) -> None:
    earlier = months_before(day, months)
    assert earlier <= day
    assert whole_months_between(earlier, day) == months
    assert months_before(day, months + 1) < earlier


@given(st.integers(0, 200), st.integers(1, 200), st.sampled_from([0.0, 0.25, 0.4, 0.5, 2 / 3, 0.9, 0.99]))
def test_more_needed_is_the_fewest_additions_that_reach_the_share(count: int, extra: int, share: float) -> None:
    total = count + extra
    needed = more_needed(count, total, share)
    assert needed is not None
    assert not is_under(count + needed, total + needed, share)
    if needed:
        assert is_under(count + needed - 1, total + needed - 1, share)


def test_more_needed_cannot_reach_a_share_of_one_with_someone_else_present() -> None:
    assert more_needed(5, 6, 1.0) is None
    assert more_needed(6, 6, 1.0) == 0


def test_exactly_the_share_is_not_under_it() -> None:
    assert not is_under(5, 10, 0.5)
    assert not is_under(2, 5, 0.4)
    assert not is_under(7, 10, 0.7)
    assert is_under(49, 100, 0.5)


def test_percent_reads_naturally() -> None:
    assert [percent(0.5), percent(1 / 3), percent(0.0), percent(1.0)] == ["50%", "33.3%", "0%", "100%"]


def test_a_meetings_day_never_depends_on_the_machines_time_zone(monkeypatch: pytest.MonkeyPatch) -> None:
    """One helper for every check (the two that differed are merged): a naive start is on the policy's clock,
    an aware one is converted to it, and a start at the calendar's edge is kept as given."""
    import time as clock
    from datetime import datetime, timedelta, timezone

    from coproduction.checks._queries import meeting_day
    from coproduction.models.meeting import Meeting
    from coproduction.policy import Policy

    def meeting(start: datetime, end: datetime) -> Meeting:
        return Meeting(id="m", group="g", title="t", start=start, end=end)

    policy = Policy()
    naive = meeting(start=datetime(2026, 6, 30, 23, 30), end=datetime(2026, 7, 1, 0, 30))
    aware = meeting(start=datetime(2026, 6, 30, 23, 30, tzinfo=UTC), end=datetime(2026, 7, 1, 1, 0, tzinfo=UTC))
    edge = meeting(
        start=datetime(9999, 12, 31, 23, 0, tzinfo=timezone(timedelta(hours=-5))),
        end=datetime(9999, 12, 31, 23, 30, tzinfo=timezone(timedelta(hours=-5))),
    )
    for zone in ("UTC", "Pacific/Auckland", "America/Los_Angeles"):
        monkeypatch.setenv("TZ", zone)
        clock.tzset()
        assert meeting_day(naive, policy) == date(2026, 6, 30)
        assert meeting_day(aware, policy) == date(2026, 7, 1)  # 00:30 BST
        assert meeting_day(edge, policy) == date(9999, 12, 31)
    monkeypatch.undo()
    clock.tzset()
