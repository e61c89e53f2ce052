"""Hypothesis: any text in titles, venues, addresses, links, paper titles and names yields a file with exactly the
intended properties (no injected line, property or parameter) that still parses, byte-clean."""

from __future__ import annotations

from collections import Counter
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st
from icalendar import Calendar

from coproduction.calendar import export_calendar
from coproduction.calendar.text import clean_text, unescape_text
from coproduction.models import Paper, Venue
from coproduction.policy import Policy
from tests.calendar.bytes_checks import assert_wellformed_bytes, property_names
from tests.calendar.schedules import DOMAIN, DTSTAMP, meeting, member, register

#: Text an attacker or an unlucky paste might hold: line breaks, iCalendar syntax, quotes, controls, separators.
NASTY = "\r\n\t\x00\x07\x1b\x7f\x85\u2028\u2029:;,\\\"'^=BEGIN:VEVENT\r\nEND:VCALENDAR X-EVIL;CN=x:é😀"
texts = st.one_of(
    st.text(max_size=120),
    st.text(alphabet=NASTY, max_size=120),
    st.lists(st.sampled_from(["\r\nATTENDEE:mailto:x@y", "\nSUMMARY:pwned", '";X=1:', "\\n", "DTSTART:2020"]))
    .map("".join),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=80),
    # Lone surrogates cannot be encoded as UTF-8 at all; a register read from a lax source might hold one.
    st.text(alphabet=st.one_of(st.characters(categories=["Cs"]), st.sampled_from("ab\n")), max_size=20),
)

ALLOWED_EVENT = {
    "UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY", "STATUS", "SEQUENCE", "LOCATION", "DESCRIPTION", "URL",
    "CONFERENCE", "ATTENDEE", "RRULE", "EXDATE", "RECURRENCE-ID", "ORGANIZER",
}  # fmt: skip
#: With attendees, as here, the file has no METHOD (RFC 5546 allows no ATTENDEE in a PUBLISH).
ALLOWED_CALENDAR = {
    "VERSION", "PRODID", "CALSCALE", "NAME", "X-WR-CALNAME", "DESCRIPTION", "X-WR-CALDESC",
    "X-WR-TIMEZONE", "REFRESH-INTERVAL", "X-PUBLISHED-TTL",
}  # fmt: skip


@settings(max_examples=60)
@given(
    identifier=texts,
    title=texts,
    venue=texts,
    address=texts,
    link=texts,
    paper=texts,
    name=texts,
    organisation=texts,
)
def test_any_text_gives_exactly_the_intended_properties(
    identifier: str, title: str, venue: str, address: str, link: str, paper: str, name: str, organisation: str
) -> None:
    day = date(2026, 2, 3)
    meetings = [
        meeting(
            f"m{i}",
            d,
            title=title,
            venue=Venue(venue, address),
            joining_link=link,
            papers=(Paper(paper),),
            expected=("ann", "bo"),
        )
        for i, d in enumerate([day, date(2026, 3, 3)])
    ]
    # A stand-alone meeting whose id (and so UID) is arbitrary text.
    meetings.append(meeting(identifier, date(2026, 2, 18), title=title, venue=Venue(venue, address)))
    reg = register(meetings, members=[member("ann", name), member("bo", name + "x")])
    reg = type(reg)(
        organisation=organisation, area=name, members=reg.members, groups=reg.groups, meetings=reg.meetings
    )
    data = export_calendar(reg, Policy(), dtstamp=DTSTAMP, domain=DOMAIN, attendees=True)
    assert_wellformed_bytes(data)

    names = property_names(data)
    calendar_names = Counter(n for component, n in names if component == "VCALENDAR")
    assert set(calendar_names) == ALLOWED_CALENDAR
    assert set(calendar_names.values()) == {1}
    marker = b"\r\nBEGIN:VEVENT\r\n"  # at the start of a line: never inside a (folded) value
    assert data.count(marker) == 2  # the series and the stand-alone meeting, nothing injected
    for part, attendees in zip(data.split(marker)[1:], (2, 0), strict=True):
        event = b"BEGIN:VEVENT\r\n" + part.split(b"\r\nEND:VEVENT")[0] + b"\r\nEND:VEVENT\r\n"
        event_names = Counter(n for _, n in property_names(event))
        assert set(event_names) <= ALLOWED_EVENT
        assert {"UID", "DTSTART", "DTEND", "SUMMARY", "DESCRIPTION", "ORGANIZER"} <= set(event_names)
        assert {v for k, v in event_names.items() if k != "ATTENDEE"} == {1}, event_names  # every property once
        assert event_names["ATTENDEE"] == attendees

    calendar = Calendar.from_ical(data)
    event, standalone = calendar.walk("VEVENT")
    assert str(standalone["UID"]).startswith("meeting.board.")
    assert str(standalone["SUMMARY"]) == clean_text(title)
    assert str(event["SUMMARY"]) == clean_text(title)
    expected_location = ", ".join(p for p in (clean_text(venue), clean_text(address)) if p)
    assert str(event.get("LOCATION", "")) == expected_location
    description = str(event["DESCRIPTION"])
    assert "\r" not in description
    assert f"Venue: {clean_text(venue)}" in description.split("\n")
    assert [a.params.get("CN") for a in event["ATTENDEE"]] == [
        clean_text(n).replace('"', "'").replace(";", ",") or None for n in (name, name + "x")
    ]
    for name_property in ("NAME", "X-WR-CALNAME"):  # TEXT values, escaped on the way out
        assert unescape_text(str(calendar[name_property])) == f"{clean_text(organisation)}: co-production meetings"


@settings(max_examples=40)
@given(text=texts)
def test_clean_text_is_one_line_and_idempotent(text: str) -> None:
    cleaned = clean_text(text)
    assert clean_text(cleaned) == cleaned
    assert not any(ord(ch) < 0x20 or 0x7F <= ord(ch) <= 0x9F for ch in cleaned)
    assert "\u2028" not in cleaned
    assert "\u2029" not in cleaned
    cleaned.encode("utf-8")
