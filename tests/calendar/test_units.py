"""Small pieces: slot rules, UID encoding, text cleaning, dates in descriptions."""

from __future__ import annotations

from datetime import date, time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coproduction.calendar.description import format_day, read_description
from coproduction.calendar.series import SlotRule
from coproduction.calendar.text import clean_text, quote_id, unquote_id
from coproduction.models import Cadence, Frequency, Weekday
from tests.calendar.schedules import nth_weekday


@given(st.text())
def test_quote_id_round_trips_and_is_uid_safe(identifier: str) -> None:
    quoted = quote_id(identifier)
    assert unquote_id(quoted) == identifier
    assert all(ch.isascii() and (ch.isalnum() or ch in "-_%") for ch in quoted)


@pytest.mark.parametrize(
    ("cadence", "expected"),
    [
        (Cadence(Frequency.MONTHLY, Weekday.TU, 1), ("MONTHLY", 1, "1TU")),
        (Cadence(Frequency.BIMONTHLY, Weekday.MO, -1), ("MONTHLY", 2, "-1MO")),
        (Cadence(Frequency.QUARTERLY, Weekday.FR, 2), ("MONTHLY", 3, "2FR")),
        (Cadence(Frequency.WEEKLY, Weekday.WE), ("WEEKLY", 1, "WE")),
        (Cadence(Frequency.FORTNIGHTLY, Weekday.WE, 3), ("WEEKLY", 2, "WE")),
    ],
)
def test_rules_from_cadences(cadence: Cadence, expected: tuple[str, int, str]) -> None:
    rule = SlotRule.from_cadence(cadence)
    assert rule is not None
    assert (rule.freq, rule.interval, rule.byday) == expected


@pytest.mark.parametrize(
    "cadence",
    [
        None,
        Cadence(Frequency.MONTHLY),
        Cadence(Frequency.MONTHLY, Weekday.TU),
        Cadence(Frequency.MONTHLY, Weekday.TU, 0),
    ],
)
def test_cadences_that_give_no_series(cadence: Cadence | None) -> None:
    assert SlotRule.from_cadence(cadence) is None


@given(
    year=st.integers(2000, 2040),
    weekday=st.sampled_from(list(Weekday)),
    nth=st.sampled_from([1, 2, 3, 4, -1]),
    interval=st.sampled_from([1, 2, 3]),
)
def test_monthly_slots_agree_with_counting_days(year: int, weekday: Weekday, nth: int, interval: int) -> None:
    rule = SlotRule("MONTHLY", interval, weekday, nth, time(10), time(12))
    anchor = nth_weekday(year, 1, weekday, nth)
    slots = list(rule.slots(anchor, date(year, 12, 31)))
    assert slots == [nth_weekday(year, month, weekday, nth) for month in range(1, 13, interval)]
    assert all(rule.on_pattern(slot) for slot in slots)


def test_fifth_weekday_skips_months_without_one() -> None:
    rule = SlotRule("MONTHLY", 1, Weekday.TU, 5)
    slots = list(rule.slots(date(2026, 3, 31), date(2026, 12, 31)))
    assert slots == [date(2026, 3, 31), date(2026, 6, 30), date(2026, 9, 29), date(2026, 12, 29)]


def test_format_day_needs_no_locale() -> None:
    assert format_day(date(2026, 3, 3)) == "3 March 2026"


def test_read_description_ignores_what_it_does_not_know() -> None:
    details = read_description("Hello\nAccess: a moat; 1 BSL interpreter booked\nPaper: x (published 31 February 2026)")
    assert details.bsl_interpreters == 1
    assert details.papers[0].published is None  # an impossible date is not invented
    assert details.venue is None
    assert details.mode is None


def test_clean_text_examples() -> None:
    assert clean_text("  Board\r\nmeeting\x00 ") == "Board meeting"
    assert clean_text("a\u2028b\x85c") == "a b c"


def test_calendar_names_are_escaped_text() -> None:
    from datetime import UTC, datetime

    from coproduction.calendar import export_calendar, import_calendar
    from coproduction.policy import Policy
    from tests.calendar.schedules import register

    reg = register([])
    reg = type(reg)(organisation="Smith, Jones; Partners \\ Co", area="A, B")
    data = export_calendar(reg, Policy(), dtstamp=datetime(2026, 1, 1, tzinfo=UTC), domain="x.example")
    assert b"X-WR-CALNAME:Smith\\, Jones\\; Partners \\\\ Co: co-production meetings\r\n" in data
    assert import_calendar(data).name == "Smith, Jones; Partners \\ Co: co-production meetings"
