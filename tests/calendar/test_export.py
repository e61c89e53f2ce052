"""What the export writes: calendar properties, the series, EXDATEs, overrides, cancellations, UIDs, DTSTAMP."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import attrs
import pytest
from icalendar import Calendar

from coproduction.calendar import CalendarError, default_dtstamp, export_calendar, meeting_uid, series_uid
from coproduction.models import (
    AgeBand,
    Cadence,
    DiversityProfile,
    Frequency,
    Group,
    GroupKind,
    MeetingMode,
    MeetingStatus,
    PaperFormat,
    Religion,
    SexualOrientation,
    Venue,
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
    nth_weekday,
    published_papers,
    register,
)

#: Properties every event repeats, series or override (clients inherit nothing from the series).
EVENT_PROPERTIES = {"UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY", "STATUS", "SEQUENCE", "DESCRIPTION"}


def export(reg, **options) -> bytes:  # type: ignore[no-untyped-def]
    options.setdefault("dtstamp", DTSTAMP)
    options.setdefault("domain", DOMAIN)
    return export_calendar(reg, options.pop("policy", Policy()), **options)


def parse(data: bytes) -> Calendar:
    return Calendar.from_ical(data)


def events(data: bytes) -> list:  # type: ignore[type-arg]
    return parse(data).walk("VEVENT")


def test_calendar_properties() -> None:
    calendar = parse(export(register(board_meetings(2026, range(1, 4))), group="board"))
    assert calendar["METHOD"] == "PUBLISH"
    assert calendar["VERSION"] == "2.0"
    assert calendar["NAME"] == calendar["X-WR-CALNAME"] == "Team-Up Co-production Board"
    assert calendar["DESCRIPTION"] == calendar["X-WR-CALDESC"]
    assert calendar["X-WR-CALDESC"] == "Meetings of Team-Up Co-production Board (Oxfordshire County Council)"
    assert calendar["X-WR-TIMEZONE"] == "Europe/London"
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/London"]
    assert calendar.decoded("REFRESH-INTERVAL") == timedelta(hours=12)
    assert calendar["REFRESH-INTERVAL"].params["VALUE"] == "DURATION"
    assert calendar["X-PUBLISHED-TTL"].to_ical() == b"PT12H"


def test_events_time_zone_is_the_policys_and_declared() -> None:
    policy = Policy(timezone="Europe/Dublin")
    calendar = parse(export(register(board_meetings(2026, [1, 2])), policy=policy))
    assert calendar["X-WR-TIMEZONE"] == "Europe/Dublin"
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/Dublin"]
    for event in calendar.walk("VEVENT"):
        assert event["DTSTART"].params["TZID"] == "Europe/Dublin"


def test_a_cadence_is_one_series_in_byday_form_with_until_in_utc() -> None:
    data = export(register(board_meetings(2026, range(1, 13))))
    (series,) = events(data)
    rule = series["RRULE"]
    assert rule["FREQ"] == ["MONTHLY"]
    assert rule["BYDAY"] == ["1TU"]
    assert "INTERVAL" not in rule
    assert rule["UNTIL"] == [datetime(2026, 12, 1, 10, 0, tzinfo=UTC)]
    assert b"BYDAY=1TU" in data
    assert b"UNTIL=20261201T100000Z" in data
    assert series.decoded("DTSTART") == at(date(2026, 1, 6), 10)
    assert series.decoded("DTEND") == at(date(2026, 1, 6), 12, 30)
    assert str(series["UID"]) == series_uid("board", DOMAIN) == "series.board@oxfordshire.example.gov.uk"


@pytest.mark.parametrize(
    ("frequency", "weekday", "week", "rule", "step"),
    [
        (Frequency.WEEKLY, Weekday.WE, None, {"FREQ": ["WEEKLY"], "BYDAY": ["WE"]}, 7),
        (Frequency.FORTNIGHTLY, Weekday.WE, None, {"FREQ": ["WEEKLY"], "INTERVAL": [2], "BYDAY": ["WE"]}, 14),
    ],
)
def test_weekly_and_fortnightly_cadences(frequency, weekday, week, rule, step) -> None:  # type: ignore[no-untyped-def]
    first = date(2026, 3, 4)
    meetings = [meeting(f"w{i}", first + timedelta(days=step * i)) for i in range(6)]
    cadence = Cadence(frequency, weekday, week, time(10), time(12, 30))
    (series,) = events(export(register(meetings, cadence=cadence)))
    assert {k: v for k, v in series["RRULE"].items() if k != "UNTIL"} == rule
    assert series["RRULE"]["UNTIL"] == [(at(first + timedelta(days=step * 5), 10)).astimezone(UTC)]


def test_quarterly_last_thursday() -> None:
    cadence = Cadence(Frequency.QUARTERLY, Weekday.TH, -1, time(13, 30), time(15, 30))
    days = [nth_weekday(2026, month, Weekday.TH, -1) for month in (1, 4, 7, 10)]
    meetings = [meeting(f"q{i}", day, start=at(day, 13, 30), end=at(day, 15, 30)) for i, day in enumerate(days)]
    (series,) = events(export(register(meetings, cadence=cadence)))
    assert series["RRULE"]["BYDAY"] == ["-1TH"]
    assert series["RRULE"]["INTERVAL"] == [3]


def test_a_removed_meeting_is_an_exdate_in_the_series_zone() -> None:
    (series,) = events(export(register(board_meetings(2026, [1, 2, 4, 5]))))
    exdates = [value.dt for exdate in [series["EXDATE"]] for value in exdate.dts]
    assert exdates == [at(date(2026, 3, 3), 10)]
    assert series["EXDATE"].params["TZID"] == "Europe/London"


def test_a_moved_meeting_overrides_its_slot_and_repeats_every_property() -> None:
    slot = date(2026, 3, 3)
    moved_to = date(2026, 3, 10)
    meetings = [*board_meetings(2026, [1, 2, 4]), meeting("board-2026-03", moved_to, replaces=slot)]
    series, override = events(export(register(meetings)))
    assert override["UID"] == series["UID"]
    assert override.decoded("RECURRENCE-ID") == at(slot, 10)
    assert override["RECURRENCE-ID"].params["TZID"] == "Europe/London"
    assert override.decoded("DTSTART") == at(moved_to, 10)
    assert override["SEQUENCE"] > series["SEQUENCE"]
    for name in EVENT_PROPERTIES | {"LOCATION", "URL", "CONFERENCE"}:
        assert name in override, name
    for name in ("SUMMARY", "LOCATION", "DESCRIPTION", "URL", "STATUS"):
        assert override[name] == series[name], name
    assert "RRULE" not in override
    assert "EXDATE" not in override


def test_a_changed_time_on_the_slot_date_is_an_override_without_replaces() -> None:
    day = date(2026, 2, 3)
    meetings = [*board_meetings(2026, [1, 3]), meeting("late", day, start=at(day, 14), end=at(day, 16))]
    _, override = events(export(register(meetings)))
    assert override.decoded("RECURRENCE-ID") == at(day, 10)
    assert override.decoded("DTSTART") == at(day, 14)


def test_a_cancelled_meeting_is_a_cancelled_override_with_a_higher_sequence() -> None:
    meetings = board_meetings(2026, [1, 3])
    meetings.insert(1, meeting("board-2026-02", date(2026, 2, 3), status=MeetingStatus.CANCELLED))
    series, cancelled = events(export(register(meetings)))
    assert cancelled["STATUS"] == "CANCELLED"
    assert cancelled["SUMMARY"] == "Cancelled: Team-Up Co-production Board"
    assert cancelled["SEQUENCE"] == series["SEQUENCE"] + 1
    assert cancelled.decoded("RECURRENCE-ID") == at(date(2026, 2, 3), 10)
    assert series["STATUS"] == "CONFIRMED"


def test_the_series_never_takes_a_cancelled_meetings_content() -> None:
    meetings = [meeting(m.id, m.start.date(), status=MeetingStatus.CANCELLED) for m in board_meetings(2026, [1, 2])]
    series, *overrides = events(export(register(meetings)))
    assert series["STATUS"] == "CONFIRMED"
    assert not str(series["SUMMARY"]).startswith("Cancelled")
    assert [o["STATUS"] for o in overrides] == ["CANCELLED", "CANCELLED"]


def test_a_cancelled_stand_alone_meeting() -> None:
    day = date(2026, 2, 18)
    data = export(register([meeting("extra", day, status=MeetingStatus.CANCELLED, sequence=2)]))
    (event,) = events(data)
    assert event["STATUS"] == "CANCELLED"
    assert event["SEQUENCE"] == 3
    assert str(event["UID"]) == meeting_uid("board", "extra", DOMAIN) == "meeting.board.extra@" + DOMAIN


def test_meetings_off_the_cadence_stand_alone_and_groups_without_one_too() -> None:
    extra_day = date(2026, 1, 20)
    other = Group(id="champions", name="Champions", kind=GroupKind.CHAMPIONS_NETWORK)
    meetings = [
        *board_meetings(2026, [1, 2]),
        meeting("extra", extra_day),
        meeting("c1", date(2026, 1, 15), group="champions"),
    ]
    found = events(export(register(meetings, extra_groups=[other])))
    assert [str(e["UID"]).split("@")[0] for e in found] == [
        "series.board",
        "meeting.champions.c1",
        "meeting.board.extra",
    ]


def test_a_series_starts_at_its_first_claimed_slot_even_when_that_meeting_was_retimed() -> None:
    """Issue 13, defect 3 (this test used to expect the opposite): a re-timed first meeting is an override of the
    first slot, not a stand-alone event under a new UID with the series starting a month later."""
    odd_time = meeting("early", date(2026, 1, 6), start=at(date(2026, 1, 6), 9), end=at(date(2026, 1, 6), 11))
    series, override = events(export(register([odd_time, *board_meetings(2026, [2, 3])])))
    assert series.decoded("DTSTART") == at(date(2026, 1, 6), 10)
    assert {str(series["UID"]), str(override["UID"])} == {series_uid("board", DOMAIN)}
    assert override.decoded("RECURRENCE-ID") == at(date(2026, 1, 6), 10)
    assert override.decoded("DTSTART") == at(date(2026, 1, 6), 9)


def test_content_that_differs_is_an_override_and_the_commonest_is_the_series() -> None:
    meetings = board_meetings(2026, range(1, 7))
    with_papers = meeting("board-2026-02", date(2026, 2, 3), papers=published_papers(date(2026, 2, 3)))
    meetings[1] = with_papers
    series, override = events(export(register(meetings)))
    assert "Paper: Agenda (published 24 January 2026; standard, Easy Read)" in str(override["DESCRIPTION"])
    assert "Paper:" not in str(series["DESCRIPTION"])
    assert override.decoded("RECURRENCE-ID") == override.decoded("DTSTART")


def test_description_and_location_carry_access_information() -> None:
    day = date(2026, 2, 3)
    (event,) = events(export(register([meeting("m", day, papers=published_papers(day))], cadence=None)))
    description = str(event["DESCRIPTION"]).splitlines()
    assert description == [
        "How to attend: in person or online",
        "Venue: County Hall, Committee Room 2",
        "Address: New Road, Oxford OX1 1ND",
        "Join online: https://meet.example.org/team-up",
        "Access: step-free access; hearing loop; 2 BSL interpreters booked; live captions; Easy Read papers",
        "Papers: out at least 5 clear working days before the meeting;"
        " Easy Read versions, where needed, at least 7 days before",
        "Paper: Agenda (published 24 January 2026; standard, Easy Read)",
        "Paper: Winter plan briefing (not yet published; large print)",
    ]
    assert event["LOCATION"] == "County Hall, Committee Room 2, New Road, Oxford OX1 1ND"
    assert event["URL"] == "https://meet.example.org/team-up"
    assert event["CONFERENCE"] == "https://meet.example.org/team-up"
    assert event["CONFERENCE"].params["FEATURE"] == ["AUDIO", "VIDEO"]
    assert event["CONFERENCE"].params["VALUE"] == "URI"


def test_description_when_nothing_is_arranged_and_every_paper_is_out() -> None:
    day = date(2026, 2, 3)
    plain = meeting(
        "m",
        day,
        mode=MeetingMode.IN_PERSON,
        venue=Venue("Library"),
        joining_link=None,
        bsl_interpreters=0,
        captions=False,
        papers=published_papers(day)[:1],
    )
    (event,) = events(export(register([plain], cadence=None)))
    lines = str(event["DESCRIPTION"]).splitlines()
    assert lines[0] == "How to attend: in person"
    assert "Access: Easy Read papers" in lines
    assert "Papers: all out, the last on 24 January 2026" in lines
    assert "URL" not in event
    assert "CONFERENCE" not in event
    no_access = meeting("n", day, venue=None, joining_link=None, bsl_interpreters=0, captions=False)
    (event,) = events(export(register([no_access], cadence=None)))
    assert "Access: none recorded" in str(event["DESCRIPTION"]).splitlines()
    assert "LOCATION" not in event


@pytest.mark.parametrize(
    "link", ["javascript:alert(1)", "https://x.example/a b", "https://x.example/\"><", "ftp://x.example/"]
)
def test_a_link_that_is_not_a_clean_http_url_stays_out_of_url_and_conference(link: str) -> None:
    (event,) = events(export(register([meeting("m", date(2026, 2, 3), joining_link=link)], cadence=None)))
    assert "URL" not in event
    assert "CONFERENCE" not in event
    assert "Join online: " in str(event["DESCRIPTION"])


def test_attendees_only_when_asked_for() -> None:
    members = [member("ann", "Ann O'Neil"), member("bo", 'Bo "Bobby" Li')]
    reg = register([meeting("m", date(2026, 2, 3), expected=("ann", "bo", "gone"))], cadence=None, members=members)
    (event,) = events(export(reg))
    assert "ATTENDEE" not in event
    (event,) = events(export(reg, attendees=True))
    attendees = event["ATTENDEE"]
    assert [str(a) for a in attendees] == [
        "urn:coproduction:member:ann",
        "urn:coproduction:member:bo",
        "urn:coproduction:member:gone",
    ]
    assert [a.params.get("CN") for a in attendees] == ["Ann O'Neil", "Bo 'Bobby' Li", None]
    assert all(a.params["ROLE"] == "REQ-PARTICIPANT" for a in attendees)


def test_diversity_data_never_appears_and_is_never_read(monkeypatch: pytest.MonkeyPatch) -> None:
    profile = DiversityProfile(
        age=AgeBand.AGED_85_PLUS, religion=Religion.BUDDHIST, sexual_orientation=SexualOrientation.BISEXUAL
    )
    reg = register(
        [meeting("m", date(2026, 2, 3), expected=("ann",))], cadence=None, members=[member("ann", "Ann", profile)]
    )

    def refuse(self: object, name: str) -> object:
        raise AssertionError(f"the export read diversity data ({name})")

    monkeypatch.setattr(DiversityProfile, "__getattribute__", refuse)
    data = export(reg, attendees=True).decode().lower()
    monkeypatch.undo()
    for word in ("85-plus", "buddhist", "bisexual", "diversity", "religion", "orientation"):
        assert word not in data


def test_same_register_same_bytes_and_dtstamp_is_the_clock_given() -> None:
    reg = register(board_meetings(2026, range(1, 13)))
    assert export(reg) == export(reg)
    assert b"DTSTAMP:20260101T090000Z" in export(reg)
    later = export(reg, dtstamp=datetime(2026, 6, 1, 10, tzinfo=LONDON))
    assert b"DTSTAMP:20260601T090000Z" in later


def test_uid_domain_is_configurable_and_ids_are_encoded() -> None:
    reg = register([meeting("a.b/c d", date(2026, 2, 18))], cadence=None)
    (event,) = events(export(reg, domain="Council.Example"))
    assert str(event["UID"]) == "meeting.board.a%2Eb%2Fc%20d@council.example"


@pytest.mark.parametrize("domain", ["", "bad domain", "x@y", "-lead.example", "a\r\nUID:x"])
def test_a_malformed_domain_is_refused(domain: str) -> None:
    with pytest.raises(CalendarError, match="not a domain name"):
        export(register(board_meetings(2026, [1])), domain=domain)


def test_a_naive_dtstamp_is_refused() -> None:
    with pytest.raises(CalendarError, match="time-zone-aware"):
        export(register(board_meetings(2026, [1])), dtstamp=datetime(2026, 1, 1))


def test_unknown_group_and_unknown_zone_are_calendar_errors() -> None:
    with pytest.raises(CalendarError, match="no group with id 'nope'"):
        export(register(board_meetings(2026, [1])), group="nope")
    with pytest.raises(CalendarError, match="unknown time zone"):
        export(register(board_meetings(2026, [1])), policy=Policy(timezone="Nowhere/Special"))


def test_from_and_to_are_inclusive_local_dates() -> None:
    reg = register(board_meetings(2026, range(1, 13)))
    (series,) = events(export(reg, start=date(2026, 3, 3), end=date(2026, 5, 5)))
    assert series.decoded("DTSTART") == at(date(2026, 3, 3), 10)
    assert series["RRULE"]["UNTIL"] == [at(date(2026, 5, 5), 10).astimezone(UTC)]
    assert events(export(reg, start=date(2027, 1, 1))) == []


def test_an_empty_export_still_declares_its_zone() -> None:
    calendar = parse(export(register([])))
    assert calendar.walk("VEVENT") == []
    assert len(calendar.walk("VTIMEZONE")) == 1


def test_default_dtstamp_comes_from_the_register_not_the_clock() -> None:
    """The latest date the register records as past: a paper's publication (00:00 UTC) or a held meeting's end.
    Upcoming meetings' ends, which lie ahead, do not count (issue 13: a DTSTAMP in the future)."""
    meetings = board_meetings(2026, [1, 2])
    assert default_dtstamp(meetings) == datetime(1970, 1, 1, tzinfo=UTC)
    held = [attrs.evolve(m, status=MeetingStatus.HELD) for m in meetings]
    assert default_dtstamp(held) == at(date(2026, 2, 3), 12, 30).astimezone(UTC)
    later_paper = meeting("p", date(2026, 1, 6), papers=published_papers(date(2026, 3, 30))[:1])
    assert default_dtstamp([later_paper]) == datetime(2026, 3, 20, tzinfo=UTC)
    assert default_dtstamp([*held, later_paper]) == datetime(2026, 3, 20, tzinfo=UTC)
    assert default_dtstamp([]) == datetime(1970, 1, 1, tzinfo=UTC)


def test_paper_formats_are_listed_in_a_fixed_order() -> None:
    day = date(2026, 2, 3)
    papers = published_papers(day)[:1]
    paper = papers[0].__class__("All", None, frozenset(PaperFormat))
    (event,) = events(export(register([meeting("m", day, papers=(paper,))], cadence=None)))
    assert (
        "Paper: All (not yet published; standard, Easy Read, large print, screen-reader ready, audio, braille)"
        in str(event["DESCRIPTION"]).splitlines()
    )


def test_a_meeting_without_a_time_zone_is_refused_not_guessed() -> None:
    day = date(2026, 2, 3)
    naive = meeting("m", day, start=datetime(2026, 2, 3, 10), end=datetime(2026, 2, 3, 12))
    with pytest.raises(CalendarError, match="'m' has a start or end without a time zone"):
        export(register([naive], cadence=None))
