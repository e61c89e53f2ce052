"""Issue 13: a year of meetings that calendar engines used to read differently, from tests/data/calendar.

hard-year.yaml has meetings in the repeated and the skipped hour, an overnight weekly series, a re-timed first
occurrence, an end time in the repeated hour and attendee names with ``;`` and ``"``; hard-year-moved.yaml is the
same register with February's board meeting moved a week. The export must expand to the register's instants in
recurring-ical-events and in ical.js, and export -> import -> export must give the same bytes.
"""

from __future__ import annotations

from collections import Counter
from datetime import UTC, date, datetime
from functools import cache
from pathlib import Path

import pytest
from icalendar import Calendar

from coproduction.calendar import export_calendar, import_calendar
from coproduction.calendar.previous import read_previous
from coproduction.io.loader import load_register, loads_register
from coproduction.io.saver import dumps_register
from coproduction.models import MeetingStatus, Register
from coproduction.policy import Policy
from tests.calendar.bytes_checks import assert_wellformed_bytes, unfold
from tests.calendar.engines import Occurrence, icaljs_occurrences, recurring_ical_events_occurrences

DATA = Path(__file__).resolve().parents[1] / "data" / "calendar"
DOMAIN = "hard-year.example.gov.uk"
STAMP = datetime(2026, 11, 25, tzinfo=UTC)
SPAN = (date(2025, 1, 1), date(2028, 1, 1))


@cache
def hard_year(name: str = "hard-year") -> Register:
    return load_register(DATA / f"{name}.yaml")


def export(register: Register, **options: object) -> bytes:
    return export_calendar(register, Policy(), dtstamp=STAMP, domain=DOMAIN, **options)  # type: ignore[arg-type]


def instants(register: Register) -> list[tuple[datetime, datetime, str, str]]:
    """What the register says: every meeting's start and end in UTC, summary and status."""
    return sorted(
        (
            m.start.astimezone(UTC),
            m.end.astimezone(UTC),
            ("Cancelled: " if m.status is MeetingStatus.CANCELLED else "") + m.title,
            "CANCELLED" if m.status is MeetingStatus.CANCELLED else "CONFIRMED",
        )
        for m in register.meetings
    )


def without_uid(occurrences: list[Occurrence]) -> list[tuple[datetime, datetime, str, str]]:
    return sorted(occurrence[1:] for occurrence in occurrences)


@pytest.mark.parametrize("attendees", [False, True])
def test_recurring_ical_events_reads_every_meeting_at_its_instant(attendees: bool) -> None:
    data = export(hard_year(), attendees=attendees)
    assert without_uid(recurring_ical_events_occurrences(data, *SPAN)) == instants(hard_year())


@pytest.mark.parametrize("attendees", [False, True])
def test_icaljs_reads_every_meeting_at_its_instant(attendees: bool) -> None:
    data = export(hard_year(), attendees=attendees)
    assert without_uid(icaljs_occurrences(data, *SPAN)) == instants(hard_year())


def test_both_engines_give_each_meeting_the_same_uid() -> None:
    data = export(hard_year())
    python = recurring_ical_events_occurrences(data, *SPAN)
    javascript = icaljs_occurrences(data, *SPAN)
    assert python == javascript
    assert len(python) == len(hard_year().meetings) == 22


@pytest.mark.parametrize("attendees", [False, True])
def test_export_import_export_gives_the_same_bytes(attendees: bool) -> None:
    register = hard_year()
    first = export(register, attendees=attendees)
    assert_wellformed_bytes(first)
    again = import_calendar(first, source="hard-year.ics").to_register(register.organisation, register.area)
    assert export(again, attendees=attendees) == first
    # And the imported meetings are the register's, instant for instant.
    assert instants(again) == instants(register)


def test_the_imported_register_saves_and_loads() -> None:
    """Defect 2: the overnight series' imported cadence was refused on loading ("end before start")."""
    imported = import_calendar(export(hard_year())).to_register("Hard Year Council", "Hardshire")
    reloaded = loads_register(dumps_register(imported, "yaml"), "yaml", "imported.yaml")
    overnight = reloaded.group_by_id["overnight"].cadence
    assert overnight is not None
    assert (overnight.start, overnight.end) == (hard_year().group_by_id["overnight"].cadence.start, None)  # type: ignore[union-attr]
    assert export(reloaded) == export(hard_year())


def test_the_moved_register_differs_only_in_februarys_board_meeting() -> None:
    """The two files are kept in step: nothing but the move may differ."""
    same, moved = hard_year(), hard_year("hard-year-moved")
    changed = [(a.id, b.start, b.replaces) for a, b in zip(same.meetings, moved.meetings, strict=True) if a != b]
    assert changed == [("board-02", datetime.fromisoformat("2026-02-10T10:00:00+00:00"), date(2026, 2, 3))]
    assert (same.organisation, same.members, same.groups) == (moved.organisation, moved.members, moved.groups)


def events_by_key(data: bytes) -> dict[tuple[str, datetime | None], int]:
    """SEQUENCE by (UID, RECURRENCE-ID in UTC)."""
    out = {}
    for event in Calendar.from_ical(data).walk("VEVENT"):
        rid = event.decoded("RECURRENCE-ID").astimezone(UTC) if "RECURRENCE-ID" in event else None
        out[(str(event["UID"]), rid)] = int(event["SEQUENCE"])
    return out


def test_an_occurrence_moved_and_moved_back_never_lowers_its_sequence() -> None:
    """Defect 4: moving February's meeting back to its slot used to drop its SEQUENCE from 1 to 0."""
    slot = (f"series.board@{DOMAIN}", datetime(2026, 2, 3, 10, tzinfo=UTC))
    published = export(hard_year())
    moved = export(hard_year("hard-year-moved"), previous=read_previous(published))
    back = export(hard_year(), previous=read_previous(moved))
    assert slot not in events_by_key(published)  # a plain occurrence of the series: SEQUENCE 0 from the master
    assert events_by_key(moved)[slot] == 1
    assert events_by_key(back)[slot] == 2  # changed again: higher again, never back to 0
    for before, after in ((published, moved), (moved, back)):
        old, new = events_by_key(before), events_by_key(after)
        assert {uid for uid, _ in old} == {uid for uid, _ in new}
        assert all(new[key] >= sequence for key, sequence in old.items() if key in new)
    # Unchanged since: the same bytes again, SEQUENCE and all.
    assert export(hard_year(), previous=read_previous(back)) == back
    # Without the previous file the export cannot know, and February is a plain occurrence again.
    assert slot not in events_by_key(export(hard_year()))


def test_the_repeated_and_skipped_hours_are_written_so_that_no_engine_can_choose() -> None:
    """Defect 1: both 01:30s of 25 October were written 20261025T013000; now every unclear time is in UTC."""
    lines = unfold(export(hard_year()))
    # The first 01:30 (BST) and the second (GMT), and an end at the second 01:45.
    for line in (
        b"DTSTART:20261025T003000Z",
        b"DTEND:20261025T023000Z",
        b"DTSTART:20261025T013000Z",
        b"DTEND:20261025T014500Z",
        b"DTEND:20261025T000000Z",  # the overnight circle ends at the first 01:00
    ):
        assert line in lines, line
    # An override keeps its slot's local RECURRENCE-ID, which each engine reads as it reads the series.
    assert b"RECURRENCE-ID;TZID=Europe/London:20261025T013000" in lines
    assert b"RECURRENCE-ID;TZID=Europe/London:20260329T013000" in lines
    # No local time the clocks repeat or skip is left to an engine.
    for line in lines:
        if line.startswith((b"DTSTART;TZID", b"DTEND;TZID")):
            assert not line.endswith((b"20261025T013000", b"20261025T010000", b"20260329T013000")), line
    # Engines that follow X-WR-TIMEZONE move UTC times onto that zone's wall clock and lose the fold.
    assert not any(line.startswith(b"X-WR-TIMEZONE") for line in lines)


def test_every_event_names_its_organiser_and_a_publish_has_no_attendees() -> None:
    """Defect 4: RFC 5546 section 3.2.1 requires an ORGANIZER in a PUBLISH and allows no ATTENDEE."""
    plain = Calendar.from_ical(export(hard_year()))
    assert plain["METHOD"] == "PUBLISH"
    for event in plain.walk("VEVENT"):
        assert "ATTENDEE" not in event
        group = str(event["UID"]).split(".")[1].split("@")[0]
        assert str(event["ORGANIZER"]) == f"urn:coproduction:group:{group}"
        assert event["ORGANIZER"].params["CN"] == hard_year().group_by_id[group].name
    with_attendees = Calendar.from_ical(export(hard_year(), attendees=True))
    assert "METHOD" not in with_attendees  # a snapshot of calendar data (RFC 5545 section 3.7.2), not a PUBLISH
    assert all("ORGANIZER" in event for event in with_attendees.walk("VEVENT"))
    council = Policy(calendar_organiser="democratic.services@hardshire.gov.uk")
    data = export_calendar(hard_year(), council, dtstamp=STAMP, domain=DOMAIN)
    organisers = {str(e["ORGANIZER"]) for e in Calendar.from_ical(data).walk("VEVENT")}
    assert organisers == {"mailto:democratic.services@hardshire.gov.uk"}


def test_semicolons_and_quotes_in_names_never_reach_a_parameter() -> None:
    """node-ical splits a CN at ``;`` even inside quotes: ``;`` becomes ``,`` as ``"`` becomes ``'``."""
    data = export(hard_year(), attendees=True)
    names = Counter()
    for event in Calendar.from_ical(data).walk("VEVENT"):
        for attendee in event.get("ATTENDEE", []):
            names[attendee.params["CN"]] += 1
            assert set(attendee.params) == {"CN", "CUTYPE", "ROLE", "PARTSTAT"}
    assert set(names) == {"Ann 'Annie' O'Neil", "Raj Patel, co-chair", "Sam, 'Sammy', Jones"}
    for line in unfold(data):
        if line.startswith(b"ATTENDEE"):
            parameters = line.split(b":urn:")[0]
            assert parameters.count(b";") == 4, line  # exactly CN, CUTYPE, PARTSTAT, ROLE
            assert parameters.count(b'"') in (0, 2), line


def test_the_default_dtstamp_is_what_the_register_records_as_past() -> None:
    """The latest meeting end lay in the future; the example's DTSTAMP is now its latest paper's publication."""
    example = load_register(Path(__file__).resolve().parents[2] / "examples" / "oxfordshire")
    from coproduction.calendar import default_dtstamp

    stamp = default_dtstamp(example.meetings)
    assert stamp == datetime(2026, 11, 20, tzinfo=UTC)
    assert stamp < max(m.end for m in example.meetings)
    assert default_dtstamp(hard_year().meetings) == datetime(1970, 1, 1, tzinfo=UTC)  # nothing held, no papers
