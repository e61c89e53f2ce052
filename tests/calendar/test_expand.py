"""Clients expand the series to the meetings in the register: across clock changes and around bank holidays.

recurring-ical-events plays the client: it applies RRULE, EXDATE and RECURRENCE-ID overrides the way calendar
applications do, and its times are compared, in UTC, with the register's.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import recurring_ical_events
from icalendar import Calendar

from coproduction.calendar import export_calendar
from coproduction.models import Cadence, Frequency, Group, GroupKind, Meeting, MeetingStatus, Weekday
from coproduction.policy import Policy, Region
from coproduction.working_days import is_bank_holiday
from tests.calendar.schedules import DOMAIN, DTSTAMP, at, board_meetings, meeting, nth_weekday, register


def expanded(data: bytes, start: date, end: date) -> list[tuple[datetime, datetime, str, str]]:
    calendar = Calendar.from_ical(data)
    out = []
    for event in recurring_ical_events.of(calendar).between(start, end):
        out.append(
            (
                event.decoded("DTSTART").astimezone(UTC),
                event.decoded("DTEND").astimezone(UTC),
                str(event["SUMMARY"]),
                str(event.get("STATUS", "")),
            )
        )
    return sorted(out)


def expected(meetings: list[Meeting]) -> list[tuple[datetime, datetime, str, str]]:
    return sorted(
        (
            m.start.astimezone(UTC),
            m.end.astimezone(UTC),
            ("Cancelled: " if m.status is MeetingStatus.CANCELLED else "") + m.title,
            "CANCELLED" if m.status is MeetingStatus.CANCELLED else "CONFIRMED",
        )
        for m in meetings
    )


def test_monthly_series_keeps_local_time_across_both_clock_changes_of_2026() -> None:
    meetings = board_meetings(2026, range(1, 13))
    data = export_calendar(register(meetings), Policy(), dtstamp=DTSTAMP, domain=DOMAIN)
    got = expanded(data, date(2026, 1, 1), date(2027, 1, 1))
    assert got == expected(meetings)
    # 10:00 London is 10:00 UTC in winter and 09:00 UTC in summer (clocks change 29 March and 25 October 2026).
    hours = {start.month: start.hour for start, *_ in got}
    assert hours[3] == 10
    assert hours[4] == 9
    assert hours[10] == 9
    assert hours[11] == 10


def test_weekly_series_over_the_weekends_the_clocks_change() -> None:
    cadence = Cadence(Frequency.WEEKLY, Weekday.SA, None, time(9, 30), time(11, 0))
    days = [date(2026, 3, 14) + timedelta(weeks=i) for i in range(5)] + [
        date(2026, 10, 17) + timedelta(weeks=i) for i in range(3)
    ]
    assert date(2026, 3, 28) in days
    assert date(2026, 10, 24) in days
    meetings = [meeting(f"s{i}", day, start=at(day, 9, 30), end=at(day, 11)) for i, day in enumerate(days)]
    data = export_calendar(register(meetings, cadence=cadence), Policy(), dtstamp=DTSTAMP, domain=DOMAIN)
    assert expanded(data, date(2026, 1, 1), date(2027, 1, 1)) == expected(meetings)
    gap_saturdays = (date(2026, 10, 10) - date(2026, 4, 18)).days // 7 + 1  # 18 April to 10 October
    assert data.count(b"EXDATE") == gap_saturdays == 26


def test_bank_holidays_skipped_and_moved() -> None:
    """Champions meet on the last Monday; 25 May and 31 August 2026 are bank holidays in England.

    May's meeting is dropped (an EXDATE), August's moves to Tuesday 1 September (an override of the 31st).
    """
    may, august = date(2026, 5, 25), date(2026, 8, 31)
    assert is_bank_holiday(may, Region.ENGLAND_AND_WALES)
    assert is_bank_holiday(august, Region.ENGLAND_AND_WALES)
    cadence = Cadence(Frequency.MONTHLY, Weekday.MO, -1, time(13, 30), time(15, 30))
    champions = Group(id="champions", name="Co-production Champions", kind=GroupKind.CHAMPIONS_NETWORK, cadence=cadence)
    meetings = []
    for month in range(3, 11):
        day = nth_weekday(2026, month, Weekday.MO, -1)
        if day == may:
            continue
        fields = {"replaces": day} if day == august else {}
        if day == august:
            day = date(2026, 9, 1)
        meetings.append(
            meeting(f"c-{month}", day, group="champions", title="Champions", start=at(day, 13, 30), end=at(day, 15, 30),
                    **fields)
        )
    reg = register([], extra_groups=[champions])
    reg = type(reg)(organisation=reg.organisation, area=reg.area, groups=reg.groups, meetings=tuple(meetings))
    data = export_calendar(reg, Policy(), dtstamp=DTSTAMP, domain=DOMAIN, group="champions")
    got = expanded(data, date(2026, 1, 1), date(2027, 1, 1))
    assert got == expected(meetings)
    starts = [start.date() for start, *_ in got]
    assert may not in starts
    assert august not in starts
    assert date(2026, 9, 1) in starts
    assert b"EXDATE;TZID=Europe/London:20260525T133000" in data
    assert b"RECURRENCE-ID;TZID=Europe/London:20260831T133000" in data


def test_cancelled_and_moved_meetings_expand_as_the_register_says() -> None:
    meetings = board_meetings(2026, [1, 2, 4, 5, 6])
    meetings[1] = meeting("board-2026-02", date(2026, 2, 3), status=MeetingStatus.CANCELLED)
    meetings[3] = meeting("board-2026-05", date(2026, 5, 12), replaces=date(2026, 5, 5))
    data = export_calendar(register(meetings), Policy(), dtstamp=DTSTAMP, domain=DOMAIN)
    assert expanded(data, date(2026, 1, 1), date(2027, 1, 1)) == expected(meetings)


def test_no_undeclared_time_zones() -> None:
    meetings = board_meetings(2026, [1, 2, 4])
    meetings.append(meeting("extra", date(2026, 7, 15)))
    data = export_calendar(register(meetings), Policy(), dtstamp=DTSTAMP, domain=DOMAIN)
    calendar = Calendar.from_ical(data)
    declared = {str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")}
    used = set()
    for event in calendar.walk("VEVENT"):
        for name in ("DTSTART", "DTEND", "RECURRENCE-ID", "EXDATE"):
            if name in event:
                used.add(event[name].params.get("TZID"))
    assert used == declared == {"Europe/London"}
    assert calendar.errors == [] if hasattr(calendar, "errors") else True
    for event in calendar.walk("VEVENT"):
        assert getattr(event, "errors", []) == []
