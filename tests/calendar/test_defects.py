"""Issue 13's defects, each a regression test driven by a file in tests/data/calendar."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from pathlib import Path

from icalendar import Calendar

from coproduction.calendar import export_calendar, import_calendar
from coproduction.io.loader import load_register, loads_register
from coproduction.io.saver import dumps_register
from coproduction.policy import Policy
from tests.calendar.bytes_checks import unfold
from tests.calendar.engines import icaljs_occurrences, recurring_ical_events_occurrences

DATA = Path(__file__).resolve().parents[1] / "data" / "calendar"
DOMAIN = "hard-year.example.gov.uk"
STAMP = datetime(2026, 11, 25, tzinfo=UTC)


def export(register, **options) -> bytes:  # type: ignore[no-untyped-def]
    return export_calendar(register, Policy(), dtstamp=STAMP, domain=DOMAIN, **options)


def utc(text: str) -> datetime:
    return datetime.fromisoformat(text).astimezone(UTC)


#: clock-changes.ics read as RFC 5545 section 3.3.5 says: a repeated time is the first; a skipped one has the
#: offset before the gap. An occurrence's end is its start plus the series' exact duration (section 3.8.5.3).
RFC_READING = [
    ("night-shift-handover-2", utc("2026-03-29T01:30:00+00:00"), utc("2026-03-29T03:30:00+01:00")),
    ("sunday-night-line-2026-10-18", utc("2026-10-18T01:30:00+01:00"), utc("2026-10-18T02:30:00+01:00")),
    ("night-shift-handover-1", utc("2026-10-25T01:30:00+01:00"), utc("2026-10-25T02:30:00+00:00")),
    ("sunday-night-line-2026-10-25", utc("2026-10-25T01:30:00+01:00"), utc("2026-10-25T01:30:00+00:00")),
    ("sunday-night-line-2026-11-01", utc("2026-11-01T01:30:00+00:00"), utc("2026-11-01T02:30:00+00:00")),
]


def test_defect_1_local_times_the_clocks_repeat_or_skip_are_read_as_rfc_5545_says_and_written_in_utc() -> None:
    original = (DATA / "clock-changes.ics").read_bytes()
    imported = import_calendar(original, source="clock-changes.ics")
    got = [(m.id, m.start.astimezone(UTC), m.end.astimezone(UTC)) for m in imported.meetings]
    assert got == RFC_READING
    # Every imported time is a real wall-clock time (the skipped 01:30 became 02:30 BST, the same instant).
    assert imported.meetings[0].start.isoformat() == "2026-03-29T02:30:00+01:00"
    register = imported.to_register("Example Council", "Exampleshire")
    exported = export(register)
    lines = unfold(exported)
    assert b"DTSTART:20261025T003000Z" in lines  # the first 01:30, in UTC
    assert b"DTSTART;TZID=Europe/London:20260329T023000" in lines  # 02:30 BST is clear: local time stays
    # The export means the same instants in every engine, and reads back to them.
    span = (date(2026, 1, 1), date(2027, 1, 1))
    readings = sorted((start, end) for _, start, end in RFC_READING)
    for engine in (recurring_ical_events_occurrences, icaljs_occurrences):
        assert sorted((start, end) for _, start, end, _, _ in engine(exported, *span)) == readings, engine
    again = import_calendar(exported).to_register("Example Council", "Exampleshire")
    assert sorted((m.start, m.end) for m in again.meetings) == readings
    assert export(again) == exported


def test_defect_1_the_original_file_is_read_differently_by_ical_js() -> None:
    """Why the export writes UTC: ical.js takes the second of a repeated 01:30 and reads a skipped one an hour
    early, so the council's own file means other instants there than in Python."""
    span = (date(2026, 1, 1), date(2027, 1, 1))
    original = (DATA / "clock-changes.ics").read_bytes()
    starts = {start for _, start, _, _, _ in icaljs_occurrences(original, *span)}
    assert utc("2026-10-25T01:30:00+00:00") in starts  # RFC 5545: 00:30 UTC
    assert utc("2026-03-29T00:30:00+00:00") in starts  # RFC 5545: 01:30 UTC


def test_defect_2_an_overnight_series_exported_before_the_fix_imports_to_a_register_that_loads() -> None:
    """Its cadence came back as 22:00-01:00, which a register refuses ("end before start"); re-exported, the
    series fell apart into stand-alone events with new UIDs."""
    imported = import_calendar((DATA / "overnight-series-before-issue-13.ics").read_bytes())
    (group,) = imported.groups
    assert group.cadence is not None
    assert (group.cadence.start, group.cadence.end) == (time(22), None)
    register = loads_register(
        dumps_register(imported.to_register("Hard Year Council", "Hardshire"), "yaml"), "yaml", "imported.yaml"
    )
    exported = export(register)
    (series,) = Calendar.from_ical(exported).walk("VEVENT")
    assert str(series["UID"]) == f"series.overnight@{DOMAIN}"
    assert series["RRULE"]["BYDAY"] == ["SA"]
    assert series.decoded("DTEND") - series.decoded("DTSTART") == datetime(2026, 1, 4, 1) - datetime(2026, 1, 3, 22)
    assert [value.dt.date() for value in series["EXDATE"].dts] == [date(2026, 1, 17)]
    again = import_calendar(exported).to_register("Hard Year Council", "Hardshire")
    assert export(again) == exported


def test_defect_3_a_retimed_first_meeting_is_an_override_of_the_first_slot() -> None:
    """hard-year.yaml's board met at 14:00 on 6 January instead of 10:00: the series still starts on 6 January,
    and no board meeting gets a UID of its own."""
    register = load_register(DATA / "hard-year.yaml")
    calendar = Calendar.from_ical(export(register, group="board"))
    board = [e for e in calendar.walk("VEVENT") if str(e["UID"]).startswith("series.board@")]
    master = next(e for e in board if "RRULE" in e)
    assert master.decoded("DTSTART").isoformat() == "2026-01-06T10:00:00+00:00"
    first = next(e for e in board if e.decoded("RECURRENCE-ID", None) == master.decoded("DTSTART"))
    assert first.decoded("DTSTART").isoformat() == "2026-01-06T14:00:00+00:00"
    assert {str(e["UID"]) for e in calendar.walk("VEVENT")} == {
        f"series.board@{DOMAIN}",
        f"meeting.board.board-away-day@{DOMAIN}",
    }
