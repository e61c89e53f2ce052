"""Registers with meeting schedules, built in Python, for the calendar tests."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from coproduction.models import (
    Cadence,
    DiversityProfile,
    Frequency,
    Group,
    GroupKind,
    Meeting,
    MeetingMode,
    Member,
    Paper,
    PaperFormat,
    Register,
    Venue,
    VenueFeature,
    Weekday,
)

LONDON = ZoneInfo("Europe/London")
DTSTAMP = datetime(2026, 1, 1, 9, 0, tzinfo=UTC)
DOMAIN = "oxfordshire.example.gov.uk"
BOARD_CADENCE = Cadence(Frequency.MONTHLY, Weekday.TU, 1, time(10, 0), time(12, 30))
COUNTY_HALL = Venue(
    "County Hall, Committee Room 2",
    "New Road, Oxford OX1 1ND",
    frozenset({VenueFeature.STEP_FREE, VenueFeature.HEARING_LOOP}),
)
WEEKDAYS = list(Weekday)


def nth_weekday(year: int, month: int, weekday: Weekday, nth: int) -> date:
    """Written independently of the package: count days of the month."""
    days = [
        date(year, month, d)
        for d in range(1, 32)
        if _valid(year, month, d) and date(year, month, d).weekday() == WEEKDAYS.index(weekday)
    ]
    return days[nth - 1] if nth > 0 else days[nth]


def _valid(year: int, month: int, day: int) -> bool:
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


def at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), LONDON)


def meeting(meeting_id: str, day: date, group: str = "board", **fields: Any) -> Meeting:
    """A board meeting on ``day``, 10:00-12:30 London time, at County Hall with a joining link."""
    fields.setdefault("title", "Team-Up Co-production Board")
    fields.setdefault("start", at(day, 10))
    fields.setdefault("end", at(day, 12, 30))
    fields.setdefault("mode", MeetingMode.HYBRID)
    fields.setdefault("venue", COUNTY_HALL)
    fields.setdefault("joining_link", "https://meet.example.org/team-up")
    fields.setdefault("bsl_interpreters", 2)
    fields.setdefault("captions", True)
    return Meeting(id=meeting_id, group=group, **fields)


def board_meetings(year: int, months: Iterable[int], **fields: Any) -> list[Meeting]:
    return [
        meeting(f"board-{year}-{month:02d}", nth_weekday(year, month, Weekday.TU, 1), **fields)
        for month in months
    ]


def register(
    meetings: Iterable[Meeting],
    *,
    cadence: Cadence | None = BOARD_CADENCE,
    members: Iterable[Member] = (),
    extra_groups: Iterable[Group] = (),
) -> Register:
    groups = (
        Group(id="board", name="Team-Up Co-production Board", kind=GroupKind.BOARD, cadence=cadence),
        *extra_groups,
    )
    return Register(
        organisation="Oxfordshire County Council",
        area="Oxfordshire",
        members=tuple(members),
        groups=groups,
        meetings=tuple(meetings),
    )


def published_papers(day: date) -> tuple[Paper, ...]:
    return (
        Paper("Agenda", day - timedelta(days=10), frozenset({PaperFormat.STANDARD, PaperFormat.EASY_READ})),
        Paper("Winter plan briefing", None, frozenset({PaperFormat.LARGE_PRINT})),
    )


def member(member_id: str, name: str, diversity: DiversityProfile | None = None) -> Member:
    return Member(id=member_id, name=name, diversity=diversity)
