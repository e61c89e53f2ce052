"""Instants and wall-clock times: which local times every engine reads alike, and which dates the export takes.

**Unclear local times.** On the night the clocks go back, a local time in the repeated hour (01:30 on 25 October
2026 in London) happens twice; on the night they go forward, a local time in the skipped hour (01:30 on 29 March
2026) never happens. RFC 5545 section 3.3.5 says which instant such a ``TZID=`` value means (the first of the two;
the offset before the gap), but engines differ: ical.js, for one, takes the second 01:30 and reads the skipped
01:30 an hour early. So the export never leaves an instant to such a value: an event whose start or end is at an
unclear local time is written in UTC (``DTSTART:20261025T003000Z``), which every engine reads alike.

**The window.** The export takes meetings whose start and end, in UTC, fall in the years 1900 to 2200. No council
meeting lies outside; a date that does is a slip (``0226`` for ``2026``), which the export reports, naming the
meeting, rather than publishing. Inside the window every conversion and every scan of the time-zone rules stays
well inside what Python's dates hold (years 1 to 9999), and the time-zone data is the IANA database's own.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import Final

#: The first and last instants the export takes (inclusive), and the same as dates for ``replaces``.
EARLIEST: Final = datetime(1900, 1, 1, tzinfo=UTC)
LATEST: Final = datetime(2200, 12, 31, 23, 59, 59, tzinfo=UTC)
EARLIEST_DATE: Final = EARLIEST.date()
LATEST_DATE: Final = LATEST.date()
WINDOW_TEXT: Final = "a date-time from 1900-01-01 to 2200-12-31 (UTC) with an offset, e.g. 2026-01-06T10:00:00+00:00"
DATE_WINDOW_TEXT: Final = "a date from 1900-01-01 to 2200-12-31, e.g. 2026-01-06"


def inside(value: datetime) -> bool:
    """Whether ``value`` is aware and inside the window. Comparing aware date-times subtracts their offsets as
    durations, which never overflows, so this is safe at Python's limits (and quick)."""
    if 1900 < value.year < 2200 and value.tzinfo is not None:  # a day or more from either end: only aware matters
        return value.utcoffset() is not None
    try:
        return EARLIEST <= value <= LATEST
    except TypeError:  # naive, or a tzinfo that gives no offset
        return False


def in_window(value: datetime) -> datetime | None:
    """``value`` in UTC when it is aware and inside the window; ``None`` otherwise (never an OverflowError)."""
    return value.astimezone(UTC) if inside(value) else None


def date_in_window(value: date) -> bool:
    return EARLIEST_DATE <= value <= LATEST_DATE


def is_unclear(wall: datetime, zone: tzinfo) -> bool:
    """Whether the naive local time ``wall`` is repeated or skipped in ``zone`` (its two readings differ)."""
    naive = wall.replace(tzinfo=None)
    return naive.replace(tzinfo=zone, fold=0).utcoffset() != naive.replace(tzinfo=zone, fold=1).utcoffset()


def readings(wall: datetime, zone: tzinfo) -> frozenset[datetime]:
    """The instants, in UTC, that the naive local time ``wall`` can be read as: one when it is clear, two when it
    is repeated or skipped (for a skipped time, RFC 5545's reading, with the offset before the gap, and the
    other)."""
    naive = wall.replace(tzinfo=None)
    return frozenset(naive.replace(tzinfo=zone, fold=fold).astimezone(UTC) for fold in (0, 1))


def at_wall_time(instant: datetime, wall: datetime, zone: tzinfo) -> bool:
    """Whether ``instant`` is at the local time ``wall`` (naive) in ``zone``: the same wall-clock time, or, for
    a time the clocks skip, one of its readings."""
    local = instant.astimezone(zone).replace(tzinfo=None)
    return local == wall.replace(tzinfo=None) or instant.astimezone(UTC) in readings(wall, zone)


class ClockChanges:
    """Which local dates in a zone have a clock change, remembered per date, so that the times of most meetings
    are known to be clear with one dictionary look-up.

    A date has a change when the zone's offset at its midnight, its noon and the next midnight are not all the same.
    Like :func:`coproduction.calendar.timezone.transitions`, this takes changes to be at least 12 hours apart. A
    change at midnight shows on the date whose repeated (or skipped) hour it is.
    """

    def __init__(self, zone: tzinfo) -> None:
        self.zone = zone
        self._dates: dict[date, bool] = {}

    def on(self, day: date) -> bool:
        found = self._dates.get(day)
        if found is None:
            zone = self.zone
            offsets = {
                datetime.combine(day, time(0), zone).utcoffset(),
                datetime.combine(day, time(12), zone).utcoffset(),
                datetime.combine(day + timedelta(days=1), time(0), zone).utcoffset(),
            }
            found = self._dates[day] = len(offsets) > 1
        return found

    def is_unclear(self, wall: datetime) -> bool:
        """:func:`is_unclear` in this zone, answered from the date alone on a date without a change."""
        return self.on(wall.date()) and is_unclear(wall, self.zone)


def latest_reading(day: date, clock: time, zone: tzinfo) -> datetime:
    """The later, in UTC, of the instants a local date and time can be read as (the same one when it is clear).

    An RRULE's ``UNTIL`` made from it includes the last occurrence whichever reading an engine takes.
    """
    wall = datetime.combine(day, clock)
    return max(wall.replace(tzinfo=zone, fold=fold).astimezone(UTC) for fold in (0, 1))


def exact_end(start: datetime, duration: timedelta) -> datetime:
    """``start`` plus ``duration`` of elapsed time (RFC 5545's "exact duration"), in ``start``'s zone.

    Python adds a timedelta to an aware datetime on the wall clock; across a clock change that differs.
    """
    zone = start.tzinfo
    assert zone is not None
    return (start.astimezone(UTC) + duration).astimezone(zone)


__all__ = [
    "DATE_WINDOW_TEXT",
    "EARLIEST",
    "LATEST",
    "WINDOW_TEXT",
    "ClockChanges",
    "at_wall_time",
    "date_in_window",
    "exact_end",
    "in_window",
    "inside",
    "is_unclear",
    "latest_reading",
    "readings",
]
