"""A rule-based VTIMEZONE built from the IANA time-zone data that :mod:`zoneinfo` reads.

RFC 5545 section 3.6.5 describes a zone as STANDARD and DAYLIGHT observances, each an onset (DTSTART, in the
local time before the change) with an optional RRULE. Clients (Outlook above all) handle yearly RRULE observances
best, so the transitions zoneinfo reports are grouped into runs that follow one yearly rule ("last Sunday of
March at 01:00"), each run written as one observance with ``RRULE:FREQ=YEARLY;BYMONTH=..;BYDAY=..``. A run that
reaches the end of the scanned range has no UNTIL, so it goes on as the zone's current rule; a transition that
follows no yearly pattern (a one-off change) is an observance with a single onset. No RDATE lists.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from typing import NamedTuple
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import attrs
from icalendar import Timezone, TimezoneDaylight, TimezoneStandard

from coproduction.calendar.errors import CalendarError

_WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
_STEP = timedelta(hours=12)


class _State(NamedTuple):
    """What a zone says at an instant (a tuple: created thousands of times per VTIMEZONE)."""

    offset: timedelta
    dst: timedelta
    name: str


@attrs.frozen
class Transition:
    """One change of offset or name: the UTC instant and the states either side."""

    at: datetime
    before: _State
    after: _State

    @property
    def is_daylight(self) -> bool:
        return self.after.dst != timedelta(0)

    @property
    def local_onset(self) -> datetime:
        """The onset as RFC 5545 wants it: local wall time in the offset *before* the change, naive."""
        return (self.at + self.before.offset).replace(tzinfo=None)

    @property
    def kind(self) -> tuple[bool, timedelta, timedelta, str, int, tuple[int, int, int]]:
        onset = self.local_onset
        return (
            self.is_daylight,
            self.before.offset,
            self.after.offset,
            self.after.name,
            onset.month,
            (onset.hour, onset.minute, onset.second),
        )

    @property
    def rules(self) -> frozenset[str]:
        """The BYDAY forms that describe this onset's day: "2SU" and, when it is the last such day, "-1SU"."""
        onset = self.local_onset
        weekday = _WEEKDAYS[onset.weekday()]
        forms = {f"{(onset.day - 1) // 7 + 1}{weekday}"}
        if (onset + timedelta(days=7)).month != onset.month:
            forms.add(f"-1{weekday}")
        return frozenset(forms)


def _state(zone: ZoneInfo, instant: datetime) -> _State:
    local = instant.astimezone(zone)
    return _State(local.utcoffset() or timedelta(0), local.dst() or timedelta(0), local.tzname() or "")


def transitions(zone: ZoneInfo, start: datetime, end: datetime) -> Iterator[Transition]:
    """Every change of UTC offset, DST amount or abbreviation in ``[start, end)``, found to the second.

    Zones change at most a few times a year and never twice within 12 hours, so stepping 12 hours and
    bisecting each change is exact and cheap.
    """
    instant, state = start, _state(zone, start)
    while instant < end:
        following = min(instant + _STEP, end)
        next_state = _state(zone, following)
        if next_state != state:
            low, high = instant, following  # state(low) == state, state(high) != state
            while high - low > timedelta(seconds=1):
                middle = low + (high - low) / 2
                middle = middle.replace(microsecond=0)
                if _state(zone, middle) == state:
                    low = middle
                else:
                    high = middle
            yield Transition(at=high, before=state, after=_state(zone, high))
            instant, state = high, _state(zone, high)
        else:
            instant = following


def _runs(found: list[Transition], last_year: int) -> list[tuple[list[Transition], str | None, bool]]:
    """Group transitions of one kind into runs of consecutive years that share a BYDAY form.

    Returns (transitions, BYDAY form or None, open-ended) for each run.
    """
    out: list[tuple[list[Transition], str | None, bool]] = []
    by_kind: dict[object, list[Transition]] = {}
    for transition in found:
        by_kind.setdefault(transition.kind, []).append(transition)
    for group in by_kind.values():
        run: list[Transition] = []
        forms: frozenset[str] = frozenset()
        for transition in group:
            common = forms & transition.rules
            if run and common and transition.local_onset.year == run[-1].local_onset.year + 1:
                run.append(transition)
                forms = common
            else:
                if run:
                    out.append(_close(run, forms, last_year))
                run, forms = [transition], transition.rules
        out.append(_close(run, forms, last_year))
    return out


def _close(
    run: list[Transition], forms: frozenset[str], last_year: int
) -> tuple[list[Transition], str | None, bool]:
    if len(run) < 2:
        return run, None, False
    # Prefer "last Sunday" to "4th Sunday": it is how the rule is written in law and in tzdata.
    form = min(forms, key=lambda f: (not f.startswith("-"), f))
    return run, form, run[-1].local_onset.year >= last_year


@lru_cache(maxsize=32)
def build_vtimezone(key: str, first_year: int, last_year: int) -> Timezone:
    """The VTIMEZONE for IANA zone ``key``, exact from ``first_year``'s start to ``last_year``'s end.

    Raises :class:`CalendarError` for an unknown zone. The result is cached; treat it as read-only.
    """
    try:
        zone = ZoneInfo(key)
    except (ZoneInfoNotFoundError, ValueError):
        raise CalendarError(f"unknown time zone {key!r}; use an IANA name such as Europe/London") from None
    # Scan from a year early so that the observance in force on 1 January of ``first_year`` has its onset
    # inside the scan (e.g. the previous October's change back to standard time).
    scan_start = datetime(first_year - 1, 1, 1, tzinfo=UTC)
    end = datetime(last_year + 1, 1, 1, tzinfo=UTC)
    found = list(transitions(zone, scan_start, end))
    component = Timezone()
    component.add("tzid", key)
    observances: list[tuple[datetime, TimezoneStandard | TimezoneDaylight]] = []
    if not found or found[0].at > datetime(first_year, 1, 1, tzinfo=UTC):
        # No change before the range starts (or none at all): one observance for the offset in force then.
        state = _state(zone, scan_start)
        initial = TimezoneDaylight() if state.dst else TimezoneStandard()
        initial.add("dtstart", (scan_start + state.offset).replace(tzinfo=None))
        initial.add("tzoffsetfrom", state.offset)
        initial.add("tzoffsetto", state.offset)
        initial.add("tzname", state.name)
        observances.append((scan_start, initial))
    for run, form, open_ended in _runs(found, last_year):
        first = run[0]
        observance = TimezoneDaylight() if first.is_daylight else TimezoneStandard()
        observance.add("dtstart", first.local_onset)
        observance.add("tzoffsetfrom", first.before.offset)
        observance.add("tzoffsetto", first.after.offset)
        observance.add("tzname", first.after.name)
        if form is not None:
            rule: dict[str, object] = {"FREQ": "YEARLY", "BYMONTH": first.local_onset.month, "BYDAY": form}
            if not open_ended:
                rule["UNTIL"] = run[-1].at
            observance.add("rrule", rule)
        observances.append((first.at, observance))
    for _, observance in sorted(observances, key=lambda pair: pair[0]):
        component.add_component(observance)
    return component
