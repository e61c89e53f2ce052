"""Issue 13: re-exporting after any single meeting moves keeps every UID, and SEQUENCE never decreases.

Hypothesis draws registers of three groups (a monthly board with a cadence's times, a fortnightly forum whose times
come from its meetings, an overnight weekly circle), with skipped slots, extra meetings and second meetings on a
slot's date, around both of 2026's clock changes. It moves one meeting as a council would -- a new time the same day,
or another day, recording the slot it ``replaces`` -- publishes the export given the one before (``--previous``),
then moves it back. Across the three exports every UID stays, no (UID, RECURRENCE-ID) has its SEQUENCE lowered, an
override new to a published series starts above the series, and every export expands (in recurring-ical-events) to
the register's instants.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from typing import Any

import attrs
from hypothesis import given, settings
from hypothesis import strategies as st
from icalendar import Calendar

from coproduction.calendar import export_calendar
from coproduction.calendar.previous import read_previous
from coproduction.models import Cadence, Frequency, Group, GroupKind, Meeting, MeetingStatus, Register, Weekday
from coproduction.policy import Policy
from tests.calendar.engines import recurring_ical_events_occurrences
from tests.calendar.schedules import LONDON, nth_weekday

DOMAIN = "moves.example.gov.uk"
STAMP = datetime(2026, 12, 1, tzinfo=UTC)
GROUPS = (
    Group(
        id="board",
        name="Board",
        kind=GroupKind.BOARD,
        cadence=Cadence(Frequency.MONTHLY, Weekday.TU, 1, time(10), time(12, 30)),
    ),
    Group(id="forum", name="Forum", kind=GroupKind.SPEAK_OUT_GROUP, cadence=Cadence(Frequency.FORTNIGHTLY, Weekday.WE)),
    Group(
        id="circle",
        name="Circle",
        kind=GroupKind.WORKING_GROUP,
        cadence=Cadence(Frequency.WEEKLY, Weekday.SA, None, time(22)),
    ),
)
#: Each group's slots (dates) and usual times (start, length): the circle's weeks span both clock changes.
SLOTS: dict[str, tuple[list[date], time, timedelta]] = {
    "board": ([nth_weekday(2026, month, Weekday.TU, 1) for month in range(1, 13)], time(10), timedelta(hours=2.5)),
    "forum": ([date(2026, 2, 4) + timedelta(weeks=2 * i) for i in range(10)], time(18), timedelta(hours=2)),
    "circle": (
        [date(2026, 3, 14) + timedelta(weeks=i) for i in range(4)]
        + [date(2026, 10, 17) + timedelta(weeks=i) for i in range(3)],
        time(22),
        timedelta(hours=3),
    ),
}


def at(day: date, clock: time) -> datetime:
    return datetime.combine(day, clock, LONDON)


@st.composite
def registers(draw: st.DrawFn) -> Register:
    meetings: list[Meeting] = []
    for group, (slots, clock, length) in SLOTS.items():
        held = draw(st.lists(st.sampled_from(slots), min_size=1, max_size=len(slots), unique=True))
        for day in sorted(held):
            start = at(day, clock)
            status = draw(st.sampled_from([MeetingStatus.SCHEDULED] * 4 + [MeetingStatus.CANCELLED]))
            meetings.append(
                Meeting(id=f"{group}-{day}", group=group, title=group, start=start, end=start + length, status=status)
            )
        for number in range(draw(st.integers(0, 2))):  # extra meetings, some on a slot's date, some at its time
            day = draw(st.sampled_from(slots)) + timedelta(days=draw(st.sampled_from([0, 1, 3])))
            start = at(day, draw(st.sampled_from([time(9), time(14), time(19), clock])))
            meetings.append(
                Meeting(id=f"{group}-extra-{number}", group=group, title="Extra", start=start, end=start + length)
            )
    return Register(organisation="Moves Council", area="Moveshire", groups=GROUPS, meetings=tuple(meetings))


def moved(meeting: Meeting, shift: timedelta) -> Meeting:
    """The meeting ``shift`` later (in elapsed time), recording the day it leaves as the slot it replaces."""
    start = (meeting.start.astimezone(UTC) + shift).astimezone(LONDON)
    end = (meeting.end.astimezone(UTC) + shift).astimezone(LONDON)
    fields: dict[str, Any] = {"start": start, "end": end}
    day = meeting.start.astimezone(LONDON).date()
    if start.date() != day and meeting.replaces is None:
        fields["replaces"] = day
    return attrs.evolve(meeting, **fields)


shifts = st.one_of(
    st.integers(-8, 8).map(lambda quarters: timedelta(minutes=15 * quarters)),  # re-timed, mostly the same day
    st.integers(-40, 40).map(lambda days: timedelta(days=days)),
    st.tuples(st.integers(-40, 40), st.integers(-8, 8)).map(lambda p: timedelta(days=p[0], minutes=15 * p[1])),
)


def export(register: Register, previous: bytes | None = None) -> bytes:
    return export_calendar(
        register,
        Policy(),
        dtstamp=STAMP,
        domain=DOMAIN,
        previous=read_previous(previous) if previous is not None else None,
    )


def sequences(data: bytes) -> dict[tuple[str, datetime | None], int]:
    out = {}
    for event in Calendar.from_ical(data).walk("VEVENT"):
        rid = event.decoded("RECURRENCE-ID").astimezone(UTC) if "RECURRENCE-ID" in event else None
        out[(str(event["UID"]), rid)] = int(event["SEQUENCE"])
    return out


def instants(register: Register) -> list[tuple[datetime, datetime]]:
    return sorted((m.start.astimezone(UTC), m.end.astimezone(UTC)) for m in register.meetings)


def assert_never_lower(before: bytes, after: bytes) -> None:
    old, new = sequences(before), sequences(after)
    assert {uid for uid, _ in old} <= {uid for uid, _ in new}, "a UID was dropped"
    for key, sequence in new.items():
        if key in old:
            assert sequence >= old[key], key
        elif key[1] is not None and (key[0], None) in old:
            assert sequence > old[(key[0], None)], key  # a new override of a published series


def check_single_move(register: Register, index: int, shift: timedelta) -> None:
    meetings = list(register.meetings)
    meetings[index] = moved(meetings[index], shift)
    after_move = attrs.evolve(register, meetings=tuple(meetings))

    published = export(register)
    once = export(after_move, published)
    back = export(register, once)
    for before, after in ((published, once), (once, back)):
        assert_never_lower(before, after)
    # Every UID survives the move and the move back.
    uids = [{uid for uid, _ in sequences(data)} for data in (published, once, back)]
    assert uids[0] == uids[1] == uids[2]
    # Nothing changes when nothing changed.
    assert export(register, back) == back
    # And each file still means the register's instants.
    span = (date(2025, 12, 1), date(2027, 3, 1))
    for source, data in ((register, published), (after_move, once), (register, back)):
        got = sorted((start, end) for _, start, end, _, _ in recurring_ical_events_occurrences(data, *span))
        assert got == instants(source)


@settings(max_examples=60, deadline=None)
@given(register=registers(), data=st.data())
def test_a_single_move_keeps_every_uid_and_never_lowers_a_sequence(register: Register, data: st.DataObject) -> None:
    index = data.draw(st.integers(0, len(register.meetings) - 1), label="meeting")
    shift = data.draw(shifts.filter(bool), label="shift")
    check_single_move(register, index, shift)


def two_on_one_slot() -> Register:
    """The board's first two slots, and a second meeting at the first slot's usual time."""
    first, second = SLOTS["board"][0][:2]
    meetings = [
        Meeting(id=f"board-{day}", group="board", title="Board", start=at(day, time(10)), end=at(day, time(12, 30)))
        for day in (first, second)
    ]
    meetings.append(
        Meeting(id="board-extra", group="board", title="Extra", start=at(first, time(10)), end=at(first, time(12, 30)))
    )
    return Register(organisation="Moves Council", area="Moveshire", groups=GROUPS, meetings=tuple(meetings))


def test_retiming_a_slots_meeting_leaves_the_second_meeting_that_day_stand_alone() -> None:
    """Re-timed, the first meeting no longer matches its slot and the second one would: without the previous
    export the second would take the slot and lose its stand-alone UID. Published as stand-alone, it stays one."""
    check_single_move(two_on_one_slot(), 0, timedelta(hours=4))


def test_moving_the_first_occurrence_after_the_second_keeps_the_series_start() -> None:
    check_single_move(two_on_one_slot(), 0, timedelta(days=35))
