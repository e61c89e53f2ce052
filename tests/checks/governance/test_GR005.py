"""GR005: the check fires, and stays silent, at the edges of its rule; subjects and messages."""

from __future__ import annotations

from datetime import date, timedelta

from coproduction.checks.governance.GR005_irregular_meetings import irregular_meetings
from coproduction.models import (
    Cadence,
    Frequency,
    MeetingStatus,
)
from coproduction.policy import Policy
from tests.builders import RegisterBuilder, run
from tests.checks.governance.support import AS_OF, MONTHLY
from tests.checks.support import _pairs


def meetings_on(
    *days: date, cadence: Cadence | None = MONTHLY, status: MeetingStatus = MeetingStatus.HELD
) -> RegisterBuilder:
    b = RegisterBuilder()
    b.add_group("g1", cadence=cadence)
    for n, day in enumerate(days):
        b.add_meeting(f"m{n}", "g1", day, status=status)
    return b


def every(start: date, step_days: int, count: int) -> list[date]:
    return [start + timedelta(days=step_days * n) for n in range(count)]


def test_gr005_monthly_meetings_are_silent() -> None:
    assert run(irregular_meetings, meetings_on(*every(date(2025, 3, 10), 30, 12)).build(), AS_OF) == []


def test_gr005_a_gap_of_exactly_45_days_is_silent_and_46_fires() -> None:
    days = [date(2025, 12, 1), date(2026, 1, 15), date(2026, 2, 20)]  # 45 and 36 days
    assert run(irregular_meetings, meetings_on(*days).build(), AS_OF) == []
    days = [date(2025, 12, 1), date(2026, 1, 16), date(2026, 2, 20)]  # 46 and 35 days
    [flag] = run(irregular_meetings, meetings_on(*days).build(), AS_OF)
    assert flag.message == (
        "'Group g1' meets monthly, but the longest gap between its held meetings in the 12 months to 2026-03-02 "
        "was 46 days (2025-12-01 to 2026-01-16); the policy allows up to 45 days"
    )


def test_gr005_time_since_the_last_held_meeting_counts() -> None:
    assert run(irregular_meetings, meetings_on(AS_OF - timedelta(days=45)).build(), AS_OF) == []
    [flag] = run(irregular_meetings, meetings_on(AS_OF - timedelta(days=46)).build(), AS_OF)
    assert "46 days have passed since its last held meeting on 2026-01-15" in flag.message


def test_gr005_gaps_that_ended_before_the_window_are_not_counted() -> None:
    # A 200-day gap ending 2025-02-20 (before 2025-03-02), then monthly meetings.
    days = [date(2024, 8, 4), *every(date(2025, 2, 20), 30, 13)]
    assert run(irregular_meetings, meetings_on(*days).build(), AS_OF) == []
    # The same gap ending on the window's first day counts.
    days = [date(2024, 8, 4), *every(date(2025, 3, 2), 30, 13)]
    assert len(run(irregular_meetings, meetings_on(*days).build(), AS_OF)) == 1


def test_gr005_cancelled_and_scheduled_meetings_do_not_count() -> None:
    b = meetings_on(date(2025, 12, 1), date(2026, 2, 20))
    b.add_meeting("c", "g1", date(2026, 1, 6), status=MeetingStatus.CANCELLED)
    b.add_meeting("s", "g1", date(2026, 1, 7), status=MeetingStatus.SCHEDULED)
    assert len(run(irregular_meetings, b.build(), AS_OF)) == 1


def test_gr005_groups_without_cadence_or_held_meetings_are_not_judged() -> None:
    assert run(irregular_meetings, meetings_on(date(2025, 1, 1), cadence=None).build(), AS_OF) == []
    assert run(irregular_meetings, meetings_on().build(), AS_OF) == []
    assert (
        run(irregular_meetings, meetings_on(date(2025, 1, 1), status=MeetingStatus.SCHEDULED).build(), AS_OF) == []
    )


def test_gr005_policy_factor_and_cadence_change_the_limit() -> None:
    reg = meetings_on(AS_OF - timedelta(days=46)).build()
    assert run(irregular_meetings, reg, AS_OF, Policy(irregular_gap_factor=2.0)) == []
    weekly = meetings_on(AS_OF - timedelta(days=11), cadence=Cadence(Frequency.WEEKLY)).build()
    [flag] = run(irregular_meetings, weekly, AS_OF)
    assert flag.message.endswith("the policy allows up to 10.5 days")
    weekly = meetings_on(AS_OF - timedelta(days=10), cadence=Cadence(Frequency.WEEKLY)).build()
    assert run(irregular_meetings, weekly, AS_OF) == []


def test_gr005_a_group_with_more_than_a_year_of_history_is_still_judged() -> None:
    b = RegisterBuilder()
    b.add_group("g1", cadence=Cadence(Frequency.MONTHLY))
    # Monthly from January 2024 (gaps that end before the window opens on 2025-03-02), then one gap of 46 days.
    days = [date(2024, 1, 10) + timedelta(days=30 * n) for n in range(23)]  # to 2025-11-01
    days += [date(2025, 12, 1), date(2026, 1, 16), date(2026, 2, 20)]
    for n, day in enumerate(days):
        b.add_meeting(f"m{n:02}", "g1", day)
    assert _pairs(run(irregular_meetings, b.build(), AS_OF)) == [
        (
            "g1",
            "'Group g1' meets monthly, but the longest gap between its held meetings in the 12 months to 2026-03-02 "
            "was 46 days (2025-12-01 to 2026-01-16); the policy allows up to 45 days",
        )
    ]


def test_gr005_a_single_meeting_held_on_the_as_of_day_has_no_gap_to_judge() -> None:
    b = RegisterBuilder()
    b.add_group("g1", cadence=Cadence(Frequency.MONTHLY))
    b.add_meeting("m1", "g1", AS_OF)
    assert run(irregular_meetings, b.build(), AS_OF) == []


def test_gr005_groups_not_judged_or_within_the_limit_do_not_stop_the_scan() -> None:
    b = RegisterBuilder()
    b.add_group("g0")  # no cadence
    b.add_group("g1", cadence=Cadence(Frequency.MONTHLY))  # no held meeting
    b.add_group("g2", cadence=Cadence(Frequency.MONTHLY))
    b.add_meeting("g2-m", "g2", AS_OF)  # one meeting, on the day: no gap
    b.add_group("g3", cadence=Cadence(Frequency.MONTHLY))
    b.add_meeting("g3-m", "g3", AS_OF - timedelta(days=45))  # exactly the limit
    b.add_group("g4", cadence=Cadence(Frequency.MONTHLY))
    b.add_meeting("g4-m", "g4", AS_OF - timedelta(days=46))
    assert _pairs(run(irregular_meetings, b.build(), AS_OF)) == [
        (
            "g4",
            "'Group g4' meets monthly, but 46 days have passed since its last held meeting on 2026-01-15; "
            "the policy allows up to 45 days",
        )
    ]


def test_gr005_of_two_equal_longest_gaps_the_earliest_is_named() -> None:
    b = RegisterBuilder()
    b.add_group("g1", cadence=Cadence(Frequency.MONTHLY))
    for n, day in enumerate([date(2025, 11, 1), date(2025, 12, 17), date(2026, 2, 1)]):  # 46 and 46 days
        b.add_meeting(f"m{n}", "g1", day)
    [flag] = run(irregular_meetings, b.build(), AS_OF)
    assert "was 46 days (2025-11-01 to 2025-12-17)" in flag.message
