"""Which meetings form a group's recurring series, which override one of its slots, and which stand alone.

A group's :class:`~coproduction.models.Cadence` ("first Tuesday of the month, 10:00-12:30") becomes one RRULE
(RFC 5545 section 3.3.10), in the ``BYDAY=1TU`` form that every client reads. A meeting *matches* the cadence when
it starts on a slot's date, at the cadence's local start time, and ends at its local end time (the next day for a
series that crosses midnight). The series starts at the first slot a meeting claims -- so re-timing the first
meeting keeps it an occurrence of the series -- and ends at the last; the slots between that no meeting claims
become EXDATEs.

A slot is claimed, in this order, by a meeting that matches it; by a meeting whose ``replaces`` names its date (a
moved meeting, which never claims the slot it was moved to); by a meeting on the slot's date at another time (a
changed meeting). Anything else -- a meeting of a group without a usable cadence, an extra meeting, a second
meeting on a claimed slot, a meeting published before as a stand-alone event -- is a stand-alone event.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from typing import Final, NamedTuple
from zoneinfo import ZoneInfo

import attrs

from coproduction.calendar.instants import at_wall_time
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

    def phase(self, day: date, origin: date) -> int:
        """Which of the rule's ``interval`` classes of weeks (or months) ``day`` is in, counted from ``origin``'s."""
        if self.week_of_month is None:
            return ((day - origin).days // 7) % self.interval
        return ((day.year - origin.year) * 12 + day.month - origin.month) % self.interval

    def in_phase(self, day: date, reference: date) -> bool:
        """Whether ``day`` (on the pattern) is a slot of the series that has ``reference`` as a slot: a whole
        number of intervals apart (always, for an interval of 1)."""
        return self.interval == 1 or self.phase(day, reference) == 0

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

    @property
    def wall_duration(self) -> timedelta:
        """How long a slot lasts by the wall clock (its real length on a day without a clock change)."""
        return datetime.combine(date(2000, 1, 1 + self.end_day_offset), self.end) - datetime.combine(
            date(2000, 1, 1), self.start
        )

    def slot_start(self, slot: date, zone: ZoneInfo) -> datetime:
        return datetime.combine(slot, self.start, tzinfo=zone)

    def slot_end(self, slot: date, zone: ZoneInfo) -> datetime:
        return datetime.combine(slot + timedelta(days=self.end_day_offset), self.end, tzinfo=zone)

    def is_exact(self, occurrence: Occurrence, zone: ZoneInfo) -> bool:
        """The occurrence starts and ends at its slot's wall-clock times (for a time the clocks skip, at one of
        its readings: :func:`~coproduction.calendar.instants.at_wall_time`). An inexact occurrence was moved."""
        if (
            occurrence.local_start.date() == occurrence.slot
            and occurrence.local_start.time() == self.start
            and occurrence.local_end.time() == self.end
            and (occurrence.local_end.date() - occurrence.slot).days == self.end_day_offset
        ):
            return True
        start_wall = datetime.combine(occurrence.slot, self.start)
        end_wall = datetime.combine(occurrence.slot + timedelta(days=self.end_day_offset), self.end)
        return at_wall_time(occurrence.local_start, start_wall, zone) and at_wall_time(
            occurrence.local_end, end_wall, zone
        )


@attrs.frozen
class Plan:
    """How one group's meetings are written: at most one series, and stand-alone meetings."""

    series: Series | None
    standalone: tuple[Meeting, ...]


def _start_and_id(meeting: Meeting) -> tuple[datetime, str]:
    return meeting.start, meeting.id


def plan_group(
    group: str,
    cadence: Cadence | None,
    meetings: Sequence[Meeting],
    zone: ZoneInfo,
    *,
    standalone: frozenset[str] = frozenset(),
) -> Plan:
    """Split ``meetings`` (all of ``group``) into a series and stand-alone meetings, deterministically.

    Meetings are handled by position (in start, id order), so that nothing depends on ids being unique. Meetings
    whose ids are in ``standalone`` (published before as stand-alone events) stay stand-alone.
    """
    ordered = sorted(meetings, key=_start_and_id)
    rule = SlotRule.from_cadence(cadence)
    if rule is None or not ordered:
        return Plan(None, tuple(ordered))
    starts = [m.start.astimezone(zone) for m in ordered]
    ends = [m.end.astimezone(zone) for m in ordered]
    days = [local.date() for local in starts]
    candidates = [i for i, m in enumerate(ordered) if m.id not in standalone] if standalone else range(len(ordered))
    # A meeting moved to another day claims the slot it replaces, never one on the day it was moved to.
    moved_away: dict[int, date] = {}
    for i in candidates:
        replaces = ordered[i].replaces
        if replaces is not None and replaces != days[i]:
            moved_away[i] = replaces
    on_pattern = [i for i in candidates if i not in moved_away and rule.on_pattern(days[i])]
    replacing = [(i, slot) for i, slot in moved_away.items() if rule.on_pattern(slot)]
    # Wall-clock times: the cadence's, else the commonest among meetings on a slot date (or moved from one), ties
    # to the earliest -- so that re-timing one meeting does not re-time the series.
    timed = on_pattern or [i for i, _ in replacing]
    if not timed:
        return Plan(None, tuple(ordered))
    if rule.start and rule.end:
        start, end = rule.start, rule.end
        end_day_offset = 1 if rule.end <= rule.start else 0  # a cadence that ends before it starts crosses midnight
    else:
        times = [(starts[i].time(), ends[i].time(), (ends[i].date() - days[i]).days) for i in timed]
        if rule.start is not None and any(t[0] == rule.start for t in times):
            times = [t for t in times if t[0] == rule.start]
        counts = Counter(times)
        earliest: dict[tuple[time, time, int], int] = {}
        for position, t in enumerate(times):
            earliest.setdefault(t, position)
        start, end, end_day_offset = max(counts, key=lambda t: (counts[t], -earliest[t]))
        start = rule.start or start
    if end_day_offset < 0 or (end <= start and end_day_offset == 0):
        return Plan(None, tuple(ordered))
    matching = [
        i
        for i in on_pattern
        if starts[i].time() == start and ends[i].time() == end and (ends[i].date() - days[i]).days == end_day_offset
    ]
    # The series' slots start at the first date a meeting claims, in step with most of its meetings (for a
    # fortnightly, bimonthly or quarterly rule; ties to the first matching meeting), so that neither re-timing a
    # meeting nor an extra meeting in an off week shifts the series.
    claims_wanted = [days[i] for i in on_pattern] + [slot for _, slot in replacing]
    claimable = sorted(set(claims_wanted))
    anchor = origin = claimable[0]
    if rule.interval != 1:
        phases = Counter(rule.phase(day, origin) for day in claims_wanted)
        first_matching = rule.phase(days[matching[0]] if matching else origin, origin)
        chosen = max(phases, key=lambda phase: (phases[phase], phase == first_matching))
        anchor = next(day for day in claimable if rule.phase(day, origin) == chosen)
    horizon = max([days[-1], *(slot for _, slot in replacing)])
    slots = set(rule.slots(anchor, horizon))
    claims: dict[date, int] = {}
    claimed: set[int] = set()
    # A slot goes to a meeting that matches it, then to one that says it replaces it, then to one on its date.
    for i in matching:
        if days[i] in slots and days[i] not in claims:
            claims[days[i]] = i
            claimed.add(i)
    for i, slot in replacing:
        if slot in slots and slot not in claims:
            claims[slot] = i
            claimed.add(i)
    for i in candidates:
        day = days[i]
        if i not in claimed and day in slots and day not in claims:
            claims[day] = i
            claimed.add(i)
    if not claims:
        return Plan(None, tuple(ordered))
    ordered_slots = sorted(claims)
    last = ordered_slots[-1]
    occurrences = tuple(
        Occurrence(slot, ordered[claims[slot]], starts[claims[slot]], ends[claims[slot]]) for slot in ordered_slots
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
    standalone_meetings = tuple(m for i, m in enumerate(ordered) if i not in claimed)
    return Plan(series, standalone_meetings)
