"""The VTIMEZONE is rule-based and agrees with zoneinfo for every hour of 2025-2030."""

from __future__ import annotations

import bisect
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from dateutil.rrule import rrulestr
from icalendar import Calendar, Timezone

from coproduction.calendar import CalendarError, build_vtimezone

ZONES = [
    "Europe/London",  # the default: last Sunday of March and October, 01:00 UTC
    "Europe/Dublin",  # winter time is the "negative DST" in tzdata's main form
    "America/New_York",  # second Sunday of March, first Sunday of November
    "Australia/Sydney",  # southern hemisphere: daylight time spans the new year
    "Pacific/Chatham",  # +12:45 / +13:45
    "Asia/Kolkata",  # no DST, half-hour offset
    "America/Sao_Paulo",  # DST abolished in 2019
    "Africa/Casablanca",  # Ramadan changes: no yearly rule, one-off onsets
]


def onsets(vtimezone: Timezone, until: datetime) -> list[tuple[datetime, timedelta]]:
    """Every onset in UTC with the offset it brings, read by the RFC 5545 rules, independently of the builder."""
    out = []
    for observance in vtimezone.subcomponents:
        start = observance.decoded("DTSTART")
        before = observance.decoded("TZOFFSETFROM")
        after = observance.decoded("TZOFFSETTO")
        local_onsets = [start]
        if "RRULE" in observance:
            rule = observance["RRULE"].to_ical().decode()
            if "UNTIL" in observance["RRULE"]:
                stop = observance["RRULE"]["UNTIL"][0]
                rule = rule.replace(stop.strftime("%Y%m%dT%H%M%SZ"), (stop + before).strftime("%Y%m%dT%H%M%S"))
            local_onsets = list(rrulestr(rule, dtstart=start).between(start, until.replace(tzinfo=None), inc=True))
        out.extend(((local - before).replace(tzinfo=UTC), after) for local in local_onsets)
    return sorted(out)


@pytest.mark.parametrize("key", ZONES)
def test_every_hour_of_2025_to_2030_has_zoneinfos_offset(key: str) -> None:
    vtimezone = build_vtimezone(key, 2025, 2030)
    changes = onsets(vtimezone, datetime(2031, 1, 1, tzinfo=UTC))
    instants = [instant for instant, _ in changes]
    zone = ZoneInfo(key)
    hour = datetime(2025, 1, 1, tzinfo=UTC)
    checked = 0
    while hour < datetime(2031, 1, 1, tzinfo=UTC):
        position = bisect.bisect_right(instants, hour) - 1
        assert position >= 0, f"{key}: {hour} is before every onset"
        assert changes[position][1] == hour.astimezone(zone).utcoffset(), f"{key} at {hour}"
        hour += timedelta(hours=1)
        checked += 1
    assert checked == 52584


@pytest.mark.parametrize("key", ZONES)
def test_icalendar_reads_the_zone_back_with_the_same_offsets(key: str) -> None:
    """A second reader: icalendar's own VTIMEZONE-to-tzinfo conversion, at noon each day and around changes."""
    vtimezone = build_vtimezone(key, 2025, 2030)
    calendar = Calendar.from_ical(
        b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:test\r\n" + vtimezone.to_ical() + b"END:VCALENDAR\r\n"
    )
    tz = calendar.walk("VTIMEZONE")[0].to_tz()
    zone = ZoneInfo(key)
    instant = datetime(2025, 1, 1, 12, tzinfo=UTC)
    while instant < datetime(2031, 1, 1, tzinfo=UTC):
        assert instant.astimezone(tz).utcoffset() == instant.astimezone(zone).utcoffset(), f"{key} {instant}"
        instant += timedelta(days=1)


def test_london_is_two_yearly_rules_and_no_rdate() -> None:
    text = build_vtimezone("Europe/London", 2025, 2030).to_ical().decode()
    assert "RDATE" not in text
    assert text.count("RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3") == 1
    assert text.count("RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10") == 1
    assert "UNTIL" not in text  # the current rule goes on
    assert "TZNAME:BST" in text
    assert "TZNAME:GMT" in text


def test_rules_that_change_get_an_until_in_utc() -> None:
    """US rules changed in 2007: the 1990s-2006 rule ends (UNTIL ...Z), the current one has no UNTIL."""
    text = build_vtimezone("America/New_York", 2004, 2009).to_ical().decode()
    assert "RDATE" not in text
    untils = [line for line in text.splitlines() if "UNTIL=" in line]
    assert len(untils) == 2
    assert all(line.split("UNTIL=")[1].split(";")[0].endswith("Z") for line in untils)
    assert text.count("RRULE:FREQ=YEARLY;BYDAY=2SU;BYMONTH=3") == 1


def test_a_zone_without_changes_is_one_observance() -> None:
    vtimezone = build_vtimezone("Asia/Tokyo", 2025, 2030)
    assert [c.name for c in vtimezone.subcomponents] == ["STANDARD"]
    assert vtimezone.subcomponents[0].decoded("TZOFFSETTO") == timedelta(hours=9)


def test_unknown_zone_is_a_calendar_error() -> None:
    with pytest.raises(CalendarError, match="unknown time zone 'Mars/Olympus'"):
        build_vtimezone("Mars/Olympus", 2025, 2030)
