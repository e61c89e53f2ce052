"""Import: our own exports round-trip (export, import, export gives the same bytes); other calendars read sensibly."""

from __future__ import annotations

import contextlib
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coproduction.calendar import CalendarImportError, export_calendar, import_calendar
from coproduction.calendar.text import clean_text
from coproduction.models import (
    Cadence,
    Frequency,
    Group,
    GroupKind,
    MeetingMode,
    MeetingStatus,
    Paper,
    PaperFormat,
    Venue,
    VenueFeature,
    Weekday,
)
from coproduction.policy import Policy
from tests.calendar.schedules import (
    DOMAIN,
    DTSTAMP,
    LONDON,
    at,
    board_meetings,
    meeting,
    member,
    published_papers,
    register,
)

DATA = Path(__file__).parent / "data"


def export(reg, **options) -> bytes:  # type: ignore[no-untyped-def]
    return export_calendar(reg, Policy(), dtstamp=DTSTAMP, domain=DOMAIN, **options)


def round_trip(reg, **options) -> tuple[bytes, bytes]:  # type: ignore[no-untyped-def]
    first = export(reg, **options)
    imported = import_calendar(first)
    second = export(imported.to_register(reg.organisation, reg.area), **options)
    return first, second


def full_schedule():  # type: ignore[no-untyped-def]
    meetings = board_meetings(2026, range(1, 13))
    meetings[0] = meeting("board-2026-01", date(2026, 1, 6), papers=published_papers(date(2026, 1, 6)))
    meetings[1] = meeting("board-2026-02", date(2026, 2, 3), status=MeetingStatus.CANCELLED, sequence=1)
    meetings[2] = meeting("board-2026-03", date(2026, 3, 10), replaces=date(2026, 3, 3))
    april = date(2026, 4, 7)
    meetings[3] = meeting("board-2026-04", april, start=at(april, 13), end=at(april, 15))
    del meetings[4]  # May: no meeting (EXDATE)
    meetings.append(
        meeting("extra", date(2026, 7, 21), mode=MeetingMode.ONLINE, venue=None, expected=("ann",), captions=False)
    )
    champions = Group(
        "champions",
        "Champions",
        GroupKind.CHAMPIONS_NETWORK,
        cadence=Cadence(Frequency.MONTHLY, Weekday.TH, 3, time(13, 30), time(15, 30)),
    )
    day = date(2026, 1, 15)
    meetings.append(
        meeting(
            "c1", day, group="champions", title="Champions", start=at(day, 13, 30), end=at(day, 15, 30),
            venue=Venue("Town Hall", None, frozenset(VenueFeature)),
            papers=(
                Paper("Easy Read agenda", None, frozenset({PaperFormat.EASY_READ})),
                Paper("Blank", None, frozenset()),
            ),
        )
    )
    members = [member("ann", "Ann O'Neil")]
    return register(meetings, extra_groups=[champions], members=members)


@pytest.mark.parametrize("attendees", [False, True])
def test_export_import_export_gives_the_same_bytes(attendees: bool) -> None:
    first, second = round_trip(full_schedule(), attendees=attendees)
    assert first == second


def test_one_group_round_trips_with_its_name() -> None:
    reg = full_schedule()
    first = export(reg, group="board")
    imported = import_calendar(first)
    assert [g.name for g in imported.groups] == ["Team-Up Co-production Board"]
    assert export(imported.to_register(reg.organisation, reg.area), group="board") == first


def test_imported_meetings_match_the_register() -> None:
    reg = full_schedule()
    imported = import_calendar(export(reg, attendees=True))
    by_start = {m.start: m for m in imported.meetings}
    assert len(imported.meetings) == len(reg.meetings)
    for original in reg.meetings:
        copy = by_start[original.start]
        assert (copy.group, copy.end, copy.title, copy.status) == (
            original.group, original.end, original.title, original.status,
        )  # fmt: skip
        assert (copy.mode, copy.venue, copy.joining_link, copy.captions, copy.bsl_interpreters) == (
            original.mode, original.venue, original.joining_link, original.captions, original.bsl_interpreters,
        )  # fmt: skip
        assert copy.papers == original.papers
        assert copy.expected == original.expected
        assert copy.replaces == original.replaces
        assert copy.sequence == original.sequence
    board = next(g for g in imported.groups if g.id == "board")
    assert board.cadence == Cadence(Frequency.MONTHLY, Weekday.TU, 1, time(10), time(12, 30))
    assert {m.id for m in imported.meetings} >= {"extra", "board-2026-06-02", "champions-2026-01-15"}
    assert [(m.id, m.name) for m in imported.members] == [("ann", "Ann O'Neil")]


months = st.lists(st.integers(1, 12), min_size=1, max_size=12, unique=True).map(sorted)
texts = st.text(max_size=40)


@settings(max_examples=30)
@given(
    chosen=months,
    cancelled=st.sets(st.integers(1, 12)),
    title=texts,
    venue=texts,
    address=st.none() | texts,
    link=st.none() | texts,
    paper=texts,
    published=st.none() | st.dates(date(2025, 1, 1), date(2026, 12, 31)),
    bsl=st.integers(0, 3),
)
def test_round_trip_property(chosen, cancelled, title, venue, address, link, paper, published, bsl) -> None:  # type: ignore[no-untyped-def]
    meetings = [
        meeting(
            m.id,
            m.start.date(),
            title=title,
            venue=Venue(venue, address),
            joining_link=link,
            bsl_interpreters=bsl,
            papers=(Paper(paper, published),) if m.start.month % 2 else (),
            status=MeetingStatus.CANCELLED if m.start.month in cancelled else MeetingStatus.SCHEDULED,
        )
        for m in board_meetings(2026, chosen)
    ]
    first, second = round_trip(register(meetings))
    assert first == second


def test_a_council_outlook_calendar() -> None:
    imported = import_calendar((DATA / "council-outlook.ics").read_bytes(), default_group="speak-out")
    meetings = {m.id: m for m in imported.meetings}
    uid = "040000008200E00074C5B7101A82E00800000000A0B1C2D3E4F5"
    # Fortnightly, COUNT=4 less one EXDATE; the 7 April occurrence moved an hour and room.
    occurrences = sorted(k for k in meetings if k.startswith(uid))
    assert occurrences == [f"{uid}-2026-03-10", f"{uid}-2026-04-07", f"{uid}-2026-04-21"]
    moved = meetings[f"{uid}-2026-04-07"]
    assert moved.start == datetime(2026, 4, 7, 14, 0, tzinfo=UTC)  # 15:00 BST
    assert moved.venue == Venue("Town Hall")
    assert moved.title == "Speak Out leaders (moved room)"
    assert moved.sequence == 0  # SEQUENCE:1 was the move itself
    (group,) = imported.groups
    assert group.cadence == Cadence(Frequency.FORTNIGHTLY, Weekday.TU, None, time(14), time(15, 30))
    # A rule a cadence cannot say (BYMONTHDAY=15) is expanded; DURATION gives the end; URL the link.
    autism = sorted(m for m in meetings if m.startswith("autism-board-15th"))
    assert len(autism) == 4
    first = meetings[autism[0]]
    assert first.end - first.start == timedelta(hours=2)
    assert first.mode is MeetingMode.ONLINE
    assert first.joining_link == "https://teams.example.org/autism"
    # An all-day, cancelled event with an e-mail attendee.
    away = meetings["away-day"]
    assert away.status is MeetingStatus.CANCELLED
    assert away.sequence == 1
    assert away.title == "Co-production away day"
    assert away.start == datetime(2026, 6, 18, tzinfo=LONDON)
    assert away.expected == ("sam.patel@example.org",)
    assert [(m.id, m.name) for m in imported.members] == [("sam.patel@example.org", "Sam Patel")]
    assert imported.name == "Speak Out group"


def test_open_ended_rules_stop_at_the_horizon() -> None:
    ics = (
        b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nBEGIN:VEVENT\r\nUID:weekly\r\nDTSTAMP:20260101T000000Z\r\n"
        b"DTSTART:20260105T100000Z\r\nDTEND:20260105T110000Z\r\nRRULE:FREQ=WEEKLY;BYDAY=MO\r\nSUMMARY:Drop-in\r\n"
        b"END:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    assert len(import_calendar(ics, horizon=date(2026, 1, 31)).meetings) == 4
    assert len(import_calendar(ics).meetings) == 105  # two years of Mondays from 5 January 2026


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"this is not a calendar", "not an iCalendar file"),
        (
            b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:x\r\nSUMMARY:no start\r\nEND:VEVENT\r\n"
            b"END:VCALENDAR\r\n",
            r"\$\.VEVENT\[0\]: the event has no DTSTART",
        ),
        (
            b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:x\r\nDTSTART:20260105T100000Z\r\n"
            b"DTEND:20260105T090000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
            "ends before it starts",
        ),
    ],
)
def test_bad_files_name_the_file_and_the_place(data: bytes, message: str) -> None:
    with pytest.raises(CalendarImportError, match=message) as caught:
        import_calendar(data, source="board.ics")
    assert "board.ics" in str(caught.value)


def test_clean_text_applies_to_imported_text() -> None:
    ics = (
        b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nBEGIN:VEVENT\r\nUID:a\r\nDTSTAMP:20260101T000000Z\r\n"
        b"DTSTART:20260105T100000Z\r\nSUMMARY:Line one\\nLine two\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    (only,) = import_calendar(ics).meetings
    assert only.title == clean_text("Line one\nLine two") == "Line one Line two"
    assert only.end == only.start


SAMPLE = export(full_schedule(), attendees=True)


def splice(after: bytes, junk: bytes, skip: int = 0) -> bytes:
    """``SAMPLE`` with ``junk`` inserted ``skip`` bytes after the first ``after``."""
    cut = SAMPLE.index(after) + len(after) + skip
    return SAMPLE[:cut] + junk + SAMPLE[cut:]


@pytest.mark.parametrize(
    "damaged",
    [
        # Each of these crashed the importer before it caught malformed properties.
        splice(b"EXDATE;TZID=Europe/London:", b";TZID=Nowhere/Else", skip=11),  # a broken EXDATE value
        splice(b"EXDATE;TZID=Europe/London", b","),  # TZID becomes a list
        splice(b"EXDATE;TZID=Europe/London:", b"PT1H,"),  # a duration where a date belongs
        splice(b"BYDAY=1TU", b";X-NAME=\xc3\xa9"),  # non-ASCII inside RRULE
        # And these were always refused or read; kept so that they stay so.
        splice(b"BEGIN:VEVENT\r\n", b"DURATION:P\r\n"),
        splice(b"BEGIN:VEVENT\r\n", b"SEQUENCE:abc\r\n"),
        splice(b"BEGIN:VEVENT\r\n", b"RECURRENCE-ID:x\r\n"),
    ],
)
def test_damaged_files_found_by_fuzzing_are_refused_cleanly(damaged: bytes) -> None:
    try:
        import_calendar(damaged, source="damaged.ics", horizon=date(2027, 12, 31))
    except CalendarImportError as error:
        message = str(error)
    else:
        message = "damaged.ics"  # read, with the damage ignored: also fine
    assert "damaged.ics" in message


@settings(max_examples=150)
@given(
    cut=st.integers(0, len(SAMPLE)),
    junk=st.binary(max_size=40)
    | st.sampled_from([b"\r\n", b":", b",", b";TZID=Nowhere/Else", b"RRULE:FREQ=", b"\xff", b"DURATION:P\r\n"]),
)
def test_odd_input_is_read_or_refused_never_crashes(cut: int, junk: bytes) -> None:
    """A damaged file (bytes spliced in anywhere) gives a schedule or a CalendarImportError, nothing else."""
    damaged = SAMPLE[:cut] + junk + SAMPLE[cut:]
    with contextlib.suppress(CalendarImportError):
        import_calendar(damaged, source="damaged.ics", horizon=date(2027, 12, 31))


@settings(max_examples=40)
@given(st.binary(max_size=200))
def test_arbitrary_bytes_never_crash(data: bytes) -> None:
    with contextlib.suppress(CalendarImportError):
        import_calendar(b"BEGIN:VCALENDAR\r\n" + data + b"\r\nEND:VCALENDAR\r\n")
