"""Byte-level properties: CRLF only, lines of at most 75 octets, valid UTF-8, UNTIL ending in Z."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from coproduction.calendar import export_calendar
from coproduction.io.loader import load_register
from coproduction.models import Venue
from coproduction.policy import Policy
from tests.calendar.bytes_checks import assert_wellformed_bytes, unfold
from tests.calendar.schedules import DOMAIN, DTSTAMP, board_meetings, meeting, member, register

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "oxfordshire"


def test_a_year_of_board_meetings() -> None:
    data = export_calendar(register(board_meetings(2026, range(1, 13))), Policy(), dtstamp=DTSTAMP, domain=DOMAIN)
    assert_wellformed_bytes(data)
    assert any(line.startswith(b"RRULE:") and b"UNTIL=20261201T100000Z" in line for line in unfold(data))


@pytest.mark.parametrize(
    "text",
    [
        "Cyfarfod Bwrdd Cyd-gynhyrchu — Neuadd y Sir, Caerdydd ✓ " * 3,  # Welsh and dashes: 2-3 octet characters
        "会议" * 60,  # 3-octet characters: a fold must fall between them
        "🧑‍🦽♿️🦻" * 30,  # 4-octet characters and joiners
        "a" * 74 + "é" + "b" * 200,  # a 2-octet character right at the fold
    ],
)
def test_long_multibyte_text_folds_between_characters(text: str) -> None:
    reg = register(
        [meeting("m", date(2026, 2, 3), title=text, venue=Venue(text, text), expected=("ann",))],
        cadence=None,
        members=[member("ann", text)],
    )
    data = export_calendar(reg, Policy(), dtstamp=DTSTAMP, domain=DOMAIN, attendees=True)
    assert_wellformed_bytes(data)


def test_the_bundled_example_register() -> None:
    data = export_calendar(load_register(EXAMPLE), Policy(), dtstamp=DTSTAMP, domain=DOMAIN, attendees=True)
    assert_wellformed_bytes(data)
    assert data.count(b"BEGIN:VEVENT") >= 2


def test_the_checker_catches_what_it_should() -> None:
    """The byte checks themselves fire: a bare LF, a long line, a local UNTIL, invalid UTF-8."""
    good = b"BEGIN:VCALENDAR\r\nRRULE:FREQ=MONTHLY;UNTIL=20261201T100000Z\r\nEND:VCALENDAR\r\n"
    assert_wellformed_bytes(good)
    for bad in (
        good.replace(b"\r\nEND", b"\nEND"),
        good.replace(b"FREQ=MONTHLY", b"FREQ=MONTHLY" + b"X" * 80),
        good.replace(b"100000Z", b"100000"),
        good.replace(b"MONTHLY", b"MONTHLY\xff"),
    ):
        with pytest.raises((AssertionError, UnicodeDecodeError)):
            assert_wellformed_bytes(bad)
