"""Which meetings form a group's recurring series, which override one of its slots, and which stand alone.

A group's :class:`~coproduction.models.Cadence` ("first Tuesday of the month, 10:00-12:30") becomes one RRULE
(RFC 5545 section 3.3.10), in the ``BYDAY=1TU`` form that every client reads. A meeting *matches* the cadence when
it starts on a slot's date, at the cadence's local start time, and ends at its local end time the same day. The
series starts at the first matching meeting and ends at the last slot a meeting claims; the slots between that
no meeting claims become EXDATEs.

A slot is claimed, in this order, by a meeting that matches it; by a meeting whose ``replaces`` names its date (a
moved meeting); by a meeting on the slot's date at another time (a changed meeting). Anything else -- a meeting of
a group without a usable cadence, an extra meeting, a second meeting on a claimed slot -- is a stand-alone event.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from typing import Final, NamedTuple
from zoneinfo import ZoneInfo

import attrs

from coproduction.models import Cadence, Frequency, Meeting, Weekday

#: iCalendar FREQ and INTERVAL per frequency. Weekly rules ignore ``week_of_month``.
_RULES: Final[dict[Frequency, tuple[str, int]]] = {
    Frequency.WEEKLY: ("WEEKLY", 1),
    Frequency.FORTNIGHTLY: ("WEEKLY", 2),
    Frequency.MONTHLY: ("MONTHLY", 1),
    Frequency.BIMONTHLY: ("MONTHLY", 2),
    Frequency.QUARTERLY: ("MONTHLY", 3),
}
_FREQUENCIES: Final = {rule: frequency for frequency, rule in _RULES.items()}
#: Monday is 0, as in :meth:`datetime.date.weekday`. (``Weekday.index`` is shadowed by ``str.index``.)
WEEKDAY_NUMBER: Final = {weekday: number for number, weekday in enumerate(Weekday)}


@attrs.frozen
class SlotRule:
    """A cadence in iCalendar terms. ``week_of_month`` is 1-5 or -1..-5 (last ...) for monthly rules."""

    freq: str
    interval: int
    weekday: Weekday
    week_of_month: int | None
    start: time | None = None
    end: time | None = None

    @classmethod
    def from_cadence(cls, cadence: Cadence | None) -> SlotRule | None:
        """The rule for a cadence, or ``None`` when it names no weekday (or, monthly, no week of the month)."""
        if cadence is None or cadence.weekday is None:
            return None
        freq, interval = _RULES[cadence.frequency]
        week = cadence.week_of_month
        if freq == "MONTHLY" and (week is None or week == 0 or not -5 <= week <= 5):
            return None
        return cls(
            freq=freq,
            interval=interval,
            weekday=cadence.weekday,
            week_of_month=week if freq == "MONTHLY" else None,
            start=cadence.start,
            end=cadence.end,
        )

    def to_cadence(self) -> Cadence:
        return Cadence(
            frequency=_FREQUENCIES[(self.freq, self.interval)],
            weekday=self.weekday,
            week_of_month=self.week_of_month,
            start=self.start,
            end=self.end,
        )

    @property
    def byday(self) -> str:
        return f"{self.week_of_month}{self.weekday.value}" if self.week_of_month else self.weekday.value

    def on_pattern(self, day: date) -> bool:
        """Whether ``day`` is the rule's weekday (and week of the month), ignoring the interval."""
        if day.weekday() != WEEKDAY_NUMBER[self.weekday]:
            return False
        nth = self.week_of_month
        if nth is None:
            return True
        if nth > 0:
            return (day.day - 1) // 7 + 1 == nth
        return (_month_length(day.year, day.month) - day.day) // 7 + 1 == -nth

    def slots(self, anchor: date, last: date) -> Iterator[date]:
        """Slot dates from ``anchor`` (a slot) to ``last`` inclusive, every ``interval`` weeks or months."""
        if self.week_of_month is None:
            step = timedelta(weeks=self.interval)
            day = anchor
            while day <= last:
                yield day
                day += step
            return
        month_index = anchor.year * 12 + anchor.month - 1
        while True:
            year, month = divmod(month_index, 12)
            if date(year, month + 1, 1) > last:
                return
            slot = _nth_weekday(year, month + 1, self.weekday, self.week_of_month)
            if slot is not None and anchor <= slot <= last:
                yield slot
            month_index += self.interval


def _month_length(year: int, month: int) -> int:
    return (date(year + (month == 12), month % 12 + 1, 1) - date(year, month, 1)).days


@lru_cache(maxsize=8192)
def _nth_weekday(year: int, month: int, weekday: Weekday, nth: int) -> date | None:
    """The ``nth`` ``weekday`` of the month (negative counts from the end), or ``None`` if there is none."""
    if nth > 0:
        first = date(year, month, 1)
        day = first + timedelta(days=(WEEKDAY_NUMBER[weekday] - first.weekday()) % 7 + 7 * (nth - 1))
    else:
        following = date(year + (month == 12), month % 12 + 1, 1)
        last = following - timedelta(days=1)
        day = last - timedelta(days=(last.weekday() - WEEKDAY_NUMBER[weekday]) % 7 + 7 * (-nth - 1))
    return day if day.month == month else None


class Occurrence(NamedTuple):
    """A slot of the series and the meeting that claims it (which may start at another time or date).

    A tuple rather than an attrs class: one is made per meeting of every series, and tuples are made fastest.
    """

    slot: date
    meeting: Meeting
    local_start: datetime
    local_end: datetime


@attrs.frozen
class Series:
    """One group's recurring series: its rule, wall-clock times, claimed slots and excluded slots."""

    group: str
    rule: SlotRule
    start: time
    end: time
    end_day_offset: int
    occurrences: tuple[Occurrence, ...]
    exdates: tuple[date, ...]

    def slot_start(self, slot: date, zone: ZoneInfo) -> datetime:
        return datetime.combine(slot, self.start, tzinfo=zone)

    def slot_end(self, slot: date, zone: ZoneInfo) -> datetime:
        return datetime.combine(slot + timedelta(days=self.end_day_offset), self.end, tzinfo=zone)

    def is_exact(self, occurrence: Occurrence) -> bool:
        """The occurrence starts and ends at its slot's wall-clock times."""
        return (
            occurrence.local_start.date() == occurrence.slot
            and occurrence.local_start.time() == self.start
            and occurrence.local_end.time() == self.end
            and (occurrence.local_end.date() - occurrence.slot).days == self.end_day_offset
        )


@attrs.frozen
class Plan:
    """How one group's meetings are written: at most one series, and stand-alone meetings."""

    series: Series | None
    standalone: tuple[Meeting, ...]


def plan_group(
    group: str, cadence: Cadence | None, meetings: Sequence[Meeting], zone: ZoneInfo
) -> Plan:
    """Split ``meetings`` (all of ``group``) into a series and stand-alone meetings, deterministically."""
    ordered = sorted(meetings, key=lambda m: (m.start, m.id))
    rule = SlotRule.from_cadence(cadence)
    if rule is None or not ordered:
        return Plan(None, tuple(ordered))
    local = {m.id: (m.start.astimezone(zone), m.end.astimezone(zone)) for m in ordered}
    on_pattern = [m for m in ordered if rule.on_pattern(local[m.id][0].date())]
    if not on_pattern:
        return Plan(None, tuple(ordered))
    # Wall-clock times: the cadence's, else those of the first meeting on a slot date.
    first_start, first_end = local[on_pattern[0].id]
    start = rule.start or first_start.time()
    end = rule.end if rule.start and rule.end else first_end.time()
    end_day_offset = 0 if rule.start and rule.end else (first_end.date() - first_start.date()).days
    if end <= start and end_day_offset == 0:
        return Plan(None, tuple(ordered))

    def exact(m: Meeting) -> bool:
        s, e = local[m.id]
        return s.time() == start and e.time() == end and (e.date() - s.date()).days == end_day_offset

    matching = [m for m in on_pattern if exact(m)]
    if not matching:
        return Plan(None, tuple(ordered))
    anchor = local[matching[0].id][0].date()
    horizon = max(
        [local[m.id][0].date() for m in ordered] + [m.replaces for m in ordered if m.replaces is not None]
    )
    slots = set(rule.slots(anchor, horizon))
    claims: dict[date, Meeting] = {}
    claimed_ids: set[str] = set()

    def claim(slot: date, meeting: Meeting) -> None:
        if slot in slots and slot not in claims and meeting.id not in claimed_ids:
            claims[slot] = meeting
            claimed_ids.add(meeting.id)

    for meeting in matching:
        claim(local[meeting.id][0].date(), meeting)
    for meeting in ordered:
        if meeting.replaces is not None:
            claim(meeting.replaces, meeting)
    for meeting in ordered:
        if meeting.id not in claimed_ids:
            claim(local[meeting.id][0].date(), meeting)
    last = max(claims)
    occurrences = tuple(
        Occurrence(slot, claims[slot], *local[claims[slot].id]) for slot in sorted(claims)
    )
    exdates = tuple(slot for slot in sorted(slots) if slot <= last and slot not in claims)
    series = Series(
        group=group,
        rule=rule,
        start=start,
        end=end,
        end_day_offset=end_day_offset,
        occurrences=occurrences,
        exdates=exdates,
    )
    standalone = tuple(m for m in ordered if m.id not in claimed_ids)
    return Plan(series, standalone)
