"""``coproduction calendar PATH``: options, atomic output, deterministic default DTSTAMP, exit statuses."""

from __future__ import annotations

import argparse
from datetime import UTC, datetime
from pathlib import Path

import pytest
from icalendar import Calendar

from coproduction.cli import main
from coproduction.cli.calendar_cmd import default_domain, parse_dtstamp
from tests.calendar.bytes_checks import assert_wellformed_bytes

#: A small register (the bundled example is exercised in test_bytes; loading it takes seconds).
EXAMPLE = str(Path(__file__).parent / "data" / "register.yaml")


def test_writes_the_file_atomically_and_deterministically(tmp_path: Path) -> None:
    target = tmp_path / "board.ics"
    assert main(["calendar", EXAMPLE, "--group", "board", "-o", str(target), "--domain", "oxon.example"]) == 0
    first = target.read_bytes()
    assert main(["calendar", EXAMPLE, "--group", "board", "-o", str(target), "--domain", "oxon.example"]) == 0
    assert target.read_bytes() == first
    assert_wellformed_bytes(first)
    assert [p.name for p in tmp_path.iterdir()] == ["board.ics"]  # no temporary file left behind
    calendar = Calendar.from_ical(first)
    assert calendar["X-WR-CALNAME"] == "Test Co-production Board"
    uids = {str(e["UID"]) for e in calendar.walk("VEVENT")}
    assert uids == {"series.board@oxon.example"}
    # The default DTSTAMP is the latest date the register records as past (here the agenda's publication,
    # 19 December 2025), never the wall clock and never an upcoming meeting's end.
    stamps = {e.decoded("DTSTAMP") for e in calendar.walk("VEVENT")}
    assert stamps == {datetime(2025, 12, 19, tzinfo=UTC)}


def test_stdout_dates_attendees_and_dtstamp(capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    status = main(
        ["calendar", EXAMPLE, "--from", "2026-03-01", "--to", "2026-06-30", "--attendees", "--dtstamp", "2026-02-01"]
    )
    out, _ = capsysbinary.readouterr()
    assert status == 0
    calendar = Calendar.from_ical(out)
    starts = [e.decoded("DTSTART").date().isoformat() for e in calendar.walk("VEVENT")]
    assert starts
    assert all("2026-03-01" <= s <= "2026-06-30" for s in starts)
    assert b"ATTENDEE" in out
    assert b"DTSTAMP:20260201T000000Z" in out
    assert b"@test-county-council.invalid" in out
    for word in (b"buddhist", b"bisexual", b"85-plus"):  # Ann's diversity answers in the register
        assert word not in out.lower()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--group", "nope"], "no group with id 'nope'"),
        (["--from", "2026-13-01"], "is not a date"),
        (["--dtstamp", "2026-01-01T10:00"], "with a zone"),
        (["--domain", "not a domain"], "not a domain name"),
        (["--from", "2026-06-01", "--to", "2026-01-01"], "--from is after --to"),
    ],
)
def test_bad_options_exit_2_with_a_message(capsys: pytest.CaptureFixture[str], args: list[str], message: str) -> None:
    try:
        status = main(["calendar", EXAMPLE, *args])
    except SystemExit as stop:  # argparse rejects bad option values itself
        status = int(stop.code or 0)
    _, err = capsys.readouterr()
    assert status == 2
    assert message in err
    assert "Traceback" not in err


def test_a_missing_register_exits_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["calendar", str(tmp_path / "missing")]) == 2
    assert "no such file" in capsys.readouterr().err


def test_parse_dtstamp_and_default_domain() -> None:
    assert parse_dtstamp("2026-11-25T09:00:00Z").isoformat() == "2026-11-25T09:00:00+00:00"
    assert parse_dtstamp("2026-11-25").isoformat() == "2026-11-25T00:00:00+00:00"
    with pytest.raises(argparse.ArgumentTypeError):
        parse_dtstamp("yesterday")
    assert default_domain("Oxfordshire County Council") == "oxfordshire-county-council.invalid"
    assert default_domain("!!!") == "coproduction.invalid"


HARD = Path(__file__).resolve().parents[1] / "data" / "calendar"


def test_previous_may_be_the_output_file_and_no_sequence_goes_down(tmp_path: Path) -> None:
    """Publish, move February's board meeting, move it back, each given the file published before (issue 13)."""
    feed = tmp_path / "feed.ics"
    common = ["--dtstamp", "2026-11-25", "-o", str(feed)]
    assert main(["calendar", str(HARD / "hard-year.yaml"), *common]) == 0
    assert main(["calendar", str(HARD / "hard-year-moved.yaml"), "--previous", str(feed), *common]) == 0
    assert main(["calendar", str(HARD / "hard-year.yaml"), "--previous", str(feed), *common]) == 0
    back = feed.read_bytes()
    february = [
        e
        for e in Calendar.from_ical(back).walk("VEVENT")
        if e.decoded("RECURRENCE-ID", None) == datetime(2026, 2, 3, 10, tzinfo=UTC)
    ]
    assert [int(e["SEQUENCE"]) for e in february] == [2]
    assert main(["calendar", str(HARD / "hard-year.yaml"), "--previous", str(feed), *common]) == 0
    assert feed.read_bytes() == back  # nothing changed: the same bytes


def test_the_default_dtstamp_never_goes_back_before_the_previous_files(tmp_path: Path) -> None:
    previous = tmp_path / "previous.ics"
    assert main(["calendar", EXAMPLE, "--dtstamp", "2027-01-01T09:30:00Z", "-o", str(previous)]) == 0
    out = tmp_path / "out.ics"
    assert main(["calendar", EXAMPLE, "--previous", str(previous), "-o", str(out)]) == 0
    assert b"DTSTAMP:20270101T093000Z" in out.read_bytes()
    assert main(["calendar", EXAMPLE, "-o", str(out)]) == 0
    assert b"DTSTAMP:20251219T000000Z" in out.read_bytes()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "cannot read the previous export"),
        (b"not a calendar", "not an iCalendar file"),
        (
            b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:x\r\nSEQUENCE:-1\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
            "$.VEVENT[0].SEQUENCE: expected a whole number",
        ),
        (
            b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nSEQUENCE:1\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
            "$.VEVENT[0]: cannot read the event's UID",
        ),
    ],
)
def test_a_bad_previous_file_exits_2_naming_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes | None, message: str
) -> None:
    previous = tmp_path / "previous.ics"
    if content is not None:
        previous.write_bytes(content)
    out = tmp_path / "out.ics"
    assert main(["calendar", EXAMPLE, "--previous", str(previous), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert f"{previous}" in err
    assert message in err
    assert "Traceback" not in err
    assert not out.exists()


def test_the_policys_organiser_address_names_every_event(capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    assert main(["calendar", EXAMPLE, "--set", "calendar_organiser=meetings@test-county.gov.uk"]) == 0
    out, _ = capsysbinary.readouterr()
    organisers = {str(e["ORGANIZER"]) for e in Calendar.from_ical(out).walk("VEVENT")}
    assert organisers == {"mailto:meetings@test-county.gov.uk"}


def test_an_organiser_that_is_not_an_address_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["calendar", EXAMPLE, "--set", "calendar_organiser=meetings\r\nX-EVIL:1"]) == 2
    assert "not an e-mail address" in capsys.readouterr().err
