"""Units of issue 13's fixes: unclear local times, the window, reading a previous export, the planner's claims."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coproduction.calendar import CalendarError, CalendarImportError, export_calendar
from coproduction.calendar.instants import (
    ClockChanges,
    at_wall_time,
    exact_end,
    in_window,
    is_unclear,
    latest_reading,
    readings,
)
from coproduction.calendar.previous import read_previous, signature
from coproduction.calendar.series import SlotRule, plan_group
from coproduction.models import Cadence, Frequency, Weekday
from coproduction.policy import Policy
from tests.calendar.schedules import DOMAIN, DTSTAMP, LONDON, at, board_meetings, meeting, register

NEW_YORK = ZoneInfo("America/New_York")


@pytest.mark.parametrize(
    ("wall", "zone", "unclear"),
    [
        (datetime(2026, 10, 25, 1, 30), LONDON, True),  # repeated
        (datetime(2026, 10, 25, 1, 0), LONDON, True),  # the repeated hour starts at 01:00
        (datetime(2026, 10, 25, 2, 0), LONDON, False),  # and ends before 02:00
        (datetime(2026, 3, 29, 1, 30), LONDON, True),  # skipped
        (datetime(2026, 3, 29, 2, 0), LONDON, False),
        (datetime(2026, 3, 29, 0, 59), LONDON, False),
        (datetime(2026, 11, 1, 1, 30), NEW_YORK, True),  # the US changes a week later
        (datetime(2026, 10, 25, 1, 30), NEW_YORK, False),
        (datetime(2026, 10, 25, 1, 30), UTC, False),
    ],
)
def test_is_unclear(wall: datetime, zone: ZoneInfo, unclear: bool) -> None:
    assert is_unclear(wall, zone) is unclear
    assert (len(readings(wall, zone)) == 2) is unclear


def test_readings_and_the_latest_one() -> None:
    repeated = datetime(2026, 10, 25, 1, 30)
    first, second = datetime(2026, 10, 25, 0, 30, tzinfo=UTC), datetime(2026, 10, 25, 1, 30, tzinfo=UTC)
    assert readings(repeated, LONDON) == {first, second}
    assert latest_reading(date(2026, 10, 25), time(1, 30), LONDON) == datetime(2026, 10, 25, 1, 30, tzinfo=UTC)
    # Skipped: RFC 5545's reading (the offset before the gap, 01:30 GMT) is the later one.
    assert latest_reading(date(2026, 3, 29), time(1, 30), LONDON) == datetime(2026, 3, 29, 1, 30, tzinfo=UTC)
    assert latest_reading(date(2026, 7, 7), time(10), LONDON) == datetime(2026, 7, 7, 9, tzinfo=UTC)


def test_at_wall_time() -> None:
    skipped = datetime(2026, 3, 29, 1, 30)
    assert at_wall_time(datetime(2026, 3, 29, 1, 30, tzinfo=UTC), skipped, LONDON)  # RFC's reading
    assert not at_wall_time(datetime(2026, 3, 29, 2, 30, tzinfo=UTC), skipped, LONDON)
    both = datetime(2026, 10, 25, 1, 30)
    assert at_wall_time(datetime(2026, 10, 25, 0, 30, tzinfo=UTC), both, LONDON)
    assert at_wall_time(datetime(2026, 10, 25, 1, 30, tzinfo=UTC), both, LONDON)
    assert not at_wall_time(datetime(2026, 10, 25, 2, 30, tzinfo=UTC), both, LONDON)


def test_exact_end_counts_elapsed_time_across_a_clock_change() -> None:
    start = datetime(2026, 10, 24, 23, 30, tzinfo=LONDON)
    assert exact_end(start, timedelta(hours=3)) == datetime(2026, 10, 25, 1, 30, fold=1, tzinfo=LONDON)
    assert (start + timedelta(hours=3)).astimezone(UTC) != exact_end(start, timedelta(hours=3)).astimezone(UTC)


@pytest.mark.parametrize(
    ("value", "inside"),
    [
        (datetime(1900, 1, 1, tzinfo=UTC), True),
        (datetime(1899, 12, 31, 23, 59, 59, tzinfo=UTC), False),
        (datetime(1900, 1, 1, 13, tzinfo=timezone(timedelta(hours=14))), False),
        (datetime(2200, 12, 31, 23, 59, 59, tzinfo=UTC), True),
        (datetime(2200, 12, 31, 10, tzinfo=timezone(timedelta(hours=-14))), False),
        (datetime(1, 1, 1, tzinfo=timezone(timedelta(hours=14))), False),  # before year 1 in UTC
        (datetime(9999, 12, 31, 23, tzinfo=timezone(timedelta(hours=-14))), False),  # after 9999 in UTC
        (datetime(2026, 1, 1), False),  # naive
    ],
)
def test_in_window(value: datetime, inside: bool) -> None:
    assert (in_window(value) is not None) is inside


@settings(max_examples=100)
@given(st.datetimes(timezones=st.timezones()))
def test_in_window_never_raises(value: datetime) -> None:
    in_window(value)


def test_signature_ignores_dtstamp_sequence_and_folding() -> None:
    event = b"BEGIN:VEVENT\r\nUID:a\r\nDTSTAMP:20260101T000000Z\r\nSEQUENCE:3\r\nSUMMARY:Board\r\nEND:VEVENT\r\n"
    same = b"BEGIN:VEVENT\r\nUID:a\r\nDTSTAMP:20270101T000000Z\r\nSEQUENCE:4\r\nSUMMARY:Bo\r\n ard\r\nEND:VEVENT\r\n"
    other = event.replace(b"Board", b"Board (moved)")
    assert signature(event) == signature(same)
    assert signature(event) != signature(other)
    # A property whose name merely starts like one of them still counts.
    assert b"SEQUENCES:1" in signature(event.replace(b"SUMMARY:Board", b"SEQUENCES:1"))


def test_read_previous_keys_sequences_and_stand_alone_meetings() -> None:
    meetings = [*board_meetings(2026, [1, 2, 3]), meeting("extra", date(2026, 1, 20))]
    february = date(2026, 2, 3)
    meetings[1] = meeting("board-2026-02", february, start=at(february, 14), end=at(february, 16))
    data = export_calendar(register(meetings), Policy(), dtstamp=DTSTAMP, domain=DOMAIN)
    previous = read_previous(data.replace(b"\r\n", b"\n"), source="feed.ics")  # LF-only files too
    series = f"series.board@{DOMAIN}"
    assert previous.events[(series, None)].sequence == 0
    assert previous.events[(series, datetime(2026, 2, 3, 10, tzinfo=UTC))].sequence == 1
    assert previous.overridden(series) == {datetime(2026, 2, 3, 10, tzinfo=UTC)}
    assert previous.standalone_meetings(DOMAIN) == {("board", "extra")}
    assert previous.standalone_meetings("other.example") == frozenset()
    assert previous.dtstamp == DTSTAMP


def test_read_previous_names_the_file() -> None:
    with pytest.raises(CalendarImportError, match=r"feed\.ics: not an iCalendar file"):
        read_previous(b"\x00\x01", source="feed.ics")
    bad_rid = (
        b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:a\r\nRECURRENCE-ID;VALUE=DATE:20260101\r\nEND:VEVENT\r\n"
        b"END:VCALENDAR\r\n"
    )
    with pytest.raises(CalendarImportError, match=r"feed\.ics: \$\.VEVENT\[0\]: cannot read"):
        read_previous(bad_rid, source="feed.ics")


def test_a_policy_built_in_python_with_a_bad_organiser_is_refused() -> None:
    with pytest.raises(CalendarError, match="not an e-mail address"):
        export_calendar(
            register(board_meetings(2026, [1])),
            Policy(calendar_organiser="x\r\nATTENDEE:mailto:evil@example.org"),
            dtstamp=DTSTAMP,
            domain=DOMAIN,
        )


def test_a_cadence_that_ends_before_it_starts_crosses_midnight() -> None:
    """Registers refuse such a cadence, but one built in Python is read as crossing midnight, not dropped."""
    cadence = Cadence(Frequency.WEEKLY, Weekday.FR, None, time(22), time(1))
    days = [date(2026, 1, 2) + timedelta(weeks=i) for i in range(3)]
    meetings = [
        meeting(f"n{i}", d, start=at(d, 22), end=at(d + timedelta(days=1), 1)) for i, d in enumerate(days)
    ]
    plan = plan_group("board", cadence, meetings, LONDON)
    assert plan.series is not None
    assert plan.standalone == ()
    assert plan.series.end_day_offset == 1


def test_a_moved_meeting_claims_the_slot_it_replaces_not_the_one_it_lands_on() -> None:
    """Moved a month later onto another slot's date at the usual time, it still claims its own slot; the
    meeting already on that date keeps its own."""
    cadence = Cadence(Frequency.MONTHLY, Weekday.TU, 1, time(10), time(12, 30))
    january, february = date(2026, 1, 6), date(2026, 2, 3)
    meetings = [
        meeting("a", february, replaces=january, title="moved"),  # sorts before "b" at the same start
        meeting("b", february),
        meeting("c", date(2026, 3, 3)),
    ]
    plan = plan_group("board", cadence, meetings, LONDON)
    assert plan.series is not None
    assert plan.standalone == ()
    assert [(o.slot, o.meeting.id) for o in plan.series.occurrences] == [
        (january, "a"),
        (february, "b"),
        (date(2026, 3, 3), "c"),
    ]


def test_a_fortnightly_series_keeps_its_weeks_when_its_first_meeting_is_retimed() -> None:
    rule = SlotRule.from_cadence(Cadence(Frequency.FORTNIGHTLY, Weekday.WE, None, time(18), time(20)))
    assert rule is not None
    assert rule.in_phase(date(2026, 1, 7), date(2026, 1, 21))
    assert not rule.in_phase(date(2026, 1, 14), date(2026, 1, 21))
    days = [date(2026, 1, 7) + timedelta(weeks=2 * i) for i in range(3)]
    meetings = [meeting(f"f{i}", d, start=at(d, 18), end=at(d, 20)) for i, d in enumerate(days)]
    meetings[0] = meeting("f0", days[0], start=at(days[0], 17), end=at(days[0], 19))
    odd = date(2026, 1, 14)
    meetings.append(meeting("odd-week", odd, start=at(odd, 18), end=at(odd, 20)))
    plan = plan_group("board", rule.to_cadence(), meetings, LONDON)
    assert plan.series is not None
    assert [o.slot for o in plan.series.occurrences] == days
    assert [m.id for m in plan.standalone] == ["odd-week"]


@pytest.mark.parametrize(
    "key", ["Europe/London", "America/New_York", "Australia/Lord_Howe", "America/Havana", "Pacific/Chatham", "UTC"]
)
def test_clock_changes_agree_with_is_unclear_every_half_hour(key: str) -> None:
    """The per-date shortcut gives the same answer as the exact test for every half hour of 2024-2027 (Lord Howe
    moves its clocks by 30 minutes; Havana changes at midnight; Chatham is 12:45 or 13:45 ahead)."""
    zone = ZoneInfo(key)
    changes = ClockChanges(zone)
    wall = datetime(2024, 1, 1)
    while wall < datetime(2028, 1, 1):
        assert changes.is_unclear(wall) is is_unclear(wall, zone), wall
        wall += timedelta(minutes=30)
    assert any(changes.on(date(2026, month, day)) for month in range(1, 13) for day in range(1, 29)) is (key != "UTC")
