"""AC001-AC010: each check fires, and stays silent, at the edges of its thresholds (CHECKS.md, "AC")."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import attrs
import pytest
from hypothesis import given

from coproduction.checks import builtin_registry
from coproduction.checks.accessibility import jargon_used, longest_stretch_without_break
from coproduction.errors import PolicyError
from coproduction.models import (
    AccessNeed,
    AgendaItem,
    Break,
    MeetingMode,
    MeetingStatus,
    Membership,
    PaperFormat,
    Venue,
    VenueFeature,
)
from coproduction.policy import Policy, Region, Severity
from coproduction.working_days import bank_holiday_name, clear_working_days_between, working_day_calendar
from tests.checks.acc_builders import (
    OWN_CODES,
    assert_stable,
    findings,
    group,
    meeting,
    member,
    messages,
    paper,
    register,
    scenarios,
)

THURSDAY = date(2026, 11, 12)
SCOTLAND = Policy(region=Region.SCOTLAND)
NORTHERN_IRELAND = Policy(region=Region.NORTHERN_IRELAND)


def one_meeting(*people, **fields):
    """A register with ``people`` on the board and one meeting built from ``fields``."""
    return register(members=list(people), meetings=[meeting(**fields)])


# --- registry --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "name", "severity"),
    [
        ("AC001", "late-papers", Severity.ERROR),
        ("AC002", "missing-accessible-format", Severity.ERROR),
        ("AC003", "inaccessible-venue", Severity.ERROR),
        ("AC004", "no-interpreter-booked", Severity.ERROR),
        ("AC005", "no-remote-access", Severity.WARNING),
        ("AC006", "no-break", Severity.WARNING),
        ("AC007", "inaccessible-hours", Severity.WARNING),
        ("AC008", "meeting-too-long", Severity.INFO),
        ("AC009", "meeting-on-non-working-day", Severity.INFO),
        ("AC010", "unexplained-jargon", Severity.INFO),
    ],
)
def test_contract(code, name, severity):
    check = builtin_registry()[code]
    assert (check.name, check.severity, check.principle.value, check.subject.value) == (
        name,
        severity,
        "accessibility",
        "meeting",
    )
    assert check.doc.sources, f"{code} cites no source"
    for setting in check.doc.settings:
        assert hasattr(Policy(), setting), f"{code} documents an unknown setting {setting!r}"


# --- working days ------------------------------------------------------------------------------------------------


def test_clear_days_exclude_publication_day_meeting_day_and_weekend():
    # Wed 4 Nov -> Thu 12 Nov: Thu, Fri, Mon, Tue, Wed are clear.
    assert clear_working_days_between(date(2026, 11, 4), THURSDAY, working_day_calendar(Region.ENGLAND_AND_WALES)) == 5


def test_regions_have_their_own_bank_holidays():
    easter_monday, scottish_summer = date(2026, 4, 6), date(2026, 8, 3)
    assert bank_holiday_name(easter_monday, Region.ENGLAND_AND_WALES) == "Easter Monday"
    assert bank_holiday_name(easter_monday, Region.SCOTLAND) is None
    assert bank_holiday_name(scottish_summer, Region.SCOTLAND) is not None
    assert bank_holiday_name(scottish_summer, Region.ENGLAND_AND_WALES) is None
    assert bank_holiday_name(date(2026, 3, 17), Region.NORTHERN_IRELAND) is not None


# --- AC001 late-papers ---------------------------------------------------------------------------------------


def test_ac001_exactly_five_clear_working_days_is_on_time():
    reg = one_meeting(day=THURSDAY, papers=(paper(published=date(2026, 11, 4)),))
    assert findings("AC001", reg, as_of=THURSDAY) == []


def test_ac001_four_clear_working_days_fires():
    reg = one_meeting(day=THURSDAY, papers=(paper("Budget", published=date(2026, 11, 5)),))
    (finding,) = findings("AC001", reg, as_of=THURSDAY)
    assert finding.subject.id == "m1"
    assert finding.severity is Severity.ERROR
    assert "'Budget'" in finding.message
    assert "4 clear working days" in finding.message
    assert "needs 5" in finding.message
    assert finding.hint


def test_ac001_bank_holidays_are_not_working_days_and_differ_by_region():
    # Tue 31 Mar 2026 -> Thu 9 Apr: Good Friday (3 Apr) everywhere; Easter Monday (6 Apr) in England only.
    reg = one_meeting(day=date(2026, 4, 9), papers=(paper(published=date(2026, 3, 31)),))
    (england,) = messages("AC001", reg, as_of=date(2026, 4, 9))
    assert "4 clear working days" in england
    assert messages("AC001", reg, as_of=date(2026, 4, 9), policy=SCOTLAND) == []


def test_ac001_scottish_summer_bank_holiday_shortens_notice_in_scotland_only():
    reg = one_meeting(day=date(2026, 8, 6), papers=(paper(published=date(2026, 7, 29)),))
    assert messages("AC001", reg, as_of=date(2026, 8, 6)) == []
    (scotland,) = messages("AC001", reg, as_of=date(2026, 8, 6), policy=SCOTLAND)
    assert "4 clear working days" in scotland


def test_ac001_same_weekdays_without_a_bank_holiday_are_enough():
    # The week after Easter: Tue 14 Apr -> Thu 23 Apr has 6 clear working days, no holidays.
    reg = one_meeting(day=date(2026, 4, 23), papers=(paper(published=date(2026, 4, 15)),))
    assert messages("AC001", reg, as_of=date(2026, 4, 23)) == []


def test_ac001_unpublished_paper_waits_until_it_is_too_late():
    reg = one_meeting(day=THURSDAY, papers=(paper("Budget", published=None),))
    assert findings("AC001", reg, as_of=date(2026, 11, 4)) == []  # publishing today still gives 5
    (late,) = messages("AC001", reg, as_of=date(2026, 11, 5))
    assert late == (
        "Paper 'Budget' is not published and only 4 clear working days remain before the meeting on 2026-11-12; "
        "papers need 5 clear working days."
    )
    (last,) = messages("AC001", reg, as_of=date(2026, 11, 10))
    assert "only 1 clear working day remains" in last
    (today,) = messages("AC001", reg, as_of=THURSDAY)
    assert "only 0 clear working days remain" in today
    (past,) = messages("AC001", reg, as_of=date(2026, 11, 13))
    assert past == "Paper 'Budget' was never published, and the meeting on 2026-11-12 has passed."


def test_ac001_paper_published_on_the_day_or_after():
    for published in (THURSDAY, date(2026, 11, 20)):
        reg = one_meeting(day=THURSDAY, papers=(paper("Budget", published=published),))
        (message,) = messages("AC001", reg, as_of=date(2026, 12, 1))
        assert "not before the meeting on 2026-11-12" in message


def test_ac001_policy_override_of_notice():
    reg = one_meeting(day=THURSDAY, papers=(paper(published=date(2026, 11, 5)),))
    assert messages("AC001", reg, as_of=THURSDAY, policy=Policy(papers_notice_working_days=4)) == []
    reg = one_meeting(day=THURSDAY, papers=(paper(published=date(2026, 11, 4)),))
    assert len(messages("AC001", reg, as_of=THURSDAY, policy=Policy(papers_notice_working_days=6))) == 1


def test_ac001_easy_read_readers_need_seven_calendar_days():
    reader = member("p1", needs=[AccessNeed.EASY_READ])
    # Published Sunday 1 Nov for Saturday 7 Nov: Mon-Fri are 5 clear working days, but only 6 calendar days.
    saturday = date(2026, 11, 7)
    without = one_meeting(member("p2"), day=saturday, papers=(paper(published=date(2026, 11, 1)),))
    assert messages("AC001", without, as_of=saturday) == []
    with_reader = one_meeting(reader, day=saturday, papers=(paper(published=date(2026, 11, 1)),))
    (message,) = messages("AC001", with_reader, as_of=saturday)
    assert "6 days before" in message
    assert "1 expected attendee needs Easy Read, which needs 7 days" in message
    on_time = one_meeting(reader, day=saturday, papers=(paper(published=date(2026, 10, 31)),))
    assert messages("AC001", on_time, as_of=saturday) == []


def test_ac001_easy_read_notice_for_unpublished_paper():
    reader = member("p1", needs=[AccessNeed.EASY_READ])
    policy = Policy(papers_notice_working_days=2, easy_read_notice_days=7)
    reg = one_meeting(reader, day=THURSDAY, papers=(paper(published=None),))
    assert messages("AC001", reg, as_of=date(2026, 11, 5), policy=policy) == []  # 7 days away
    (message,) = messages("AC001", reg, as_of=date(2026, 11, 6), policy=policy)
    assert "6 days away" in message


def test_ac001_cancelled_meetings_are_not_judged():
    reg = one_meeting(day=THURSDAY, status=MeetingStatus.CANCELLED, papers=(paper(published=date(2026, 11, 11)),))
    assert findings("AC001", reg, as_of=THURSDAY) == []


def test_ac001_one_finding_per_late_paper():
    papers = (paper("B", published=date(2026, 11, 10)), paper("A", published=date(2026, 11, 11)), paper("C"))
    reg = one_meeting(day=THURSDAY, papers=papers)
    assert [m.split("'")[1] for m in messages("AC001", reg, as_of=THURSDAY)] == ["A", "B"]


def test_ac001_uses_the_local_date_of_the_meeting():
    # 23:30 UTC on Wednesday 8 July is 00:30 on Thursday 9 July in London.
    start = datetime(2026, 7, 8, 23, 30, tzinfo=UTC)
    late = meeting(papers=(paper(published=date(2026, 7, 1)),))
    reg = register(meetings=[attrs.evolve(late, start=start, end=start + timedelta(minutes=90))])
    # Wed 1 Jul -> Thu 9 Jul: Thu 2, Fri 3, Mon 6, Tue 7, Wed 8 = 5 clear days (only 4 to Wed 8 in UTC).
    assert messages("AC001", reg, as_of=date(2026, 7, 9)) == []


# --- AC002 missing-accessible-format -------------------------------------------------------------------------


def test_ac002_fires_for_each_missing_format_with_counts_not_names():
    people = [
        member("p1", needs=[AccessNeed.EASY_READ]),
        member("p2", needs=[AccessNeed.EASY_READ, AccessNeed.LARGE_PRINT]),
        member("p3", needs=[AccessNeed.BSL]),
    ]
    reg = one_meeting(*people, papers=(paper("Budget"),))
    (finding,) = findings("AC002", reg)
    assert finding.message == (
        "Paper 'Budget' is not available in Easy Read (2 expected attendees) and large print (1 expected attendee)."
    )
    assert "Member p" not in finding.message


def test_ac002_silent_when_every_needed_format_exists():
    people = [member("p1", needs=[AccessNeed.EASY_READ]), member("p2", needs=[AccessNeed.BRAILLE])]
    formats = frozenset({PaperFormat.STANDARD, PaperFormat.EASY_READ, PaperFormat.BRAILLE})
    reg = one_meeting(*people, papers=(paper(formats=formats),))
    assert findings("AC002", reg) == []


def test_ac002_unasked_members_have_no_known_needs():
    reg = one_meeting(member("p1", needs=None), papers=(paper(),))
    assert findings("AC002", reg) == []


def test_ac002_expected_list_replaces_the_group():
    people = [member("p1", needs=[AccessNeed.AUDIO]), member("p2")]
    assert len(findings("AC002", one_meeting(*people, papers=(paper(),)))) == 1
    assert findings("AC002", one_meeting(*people, papers=(paper(),), expected=("p2",))) == []
    assert len(findings("AC002", one_meeting(*people, papers=(paper(),), expected=("p1", "ghost")))) == 1


def test_ac002_members_who_left_before_the_meeting_are_not_expected():
    reader = member("p1", needs=[AccessNeed.SCREEN_READER])
    left = [Membership("p1", "board", started=date(2025, 1, 1), left=date(2026, 11, 1))]
    reg = register(members=[reader], memberships=left, meetings=[meeting(papers=(paper(),))])
    assert findings("AC002", reg) == []
    stayed = [Membership("p1", "board", started=date(2025, 1, 1), left=date(2026, 11, 13))]
    reg = register(members=[reader], memberships=stayed, meetings=[meeting(papers=(paper(),))])
    assert len(findings("AC002", reg)) == 1


# --- AC003 inaccessible-venue --------------------------------------------------------------------------------


def test_ac003_venue_lacking_a_needed_feature_fires():
    people = [member("p1", needs=[AccessNeed.STEP_FREE, AccessNeed.HEARING_LOOP]), member("p2", needs=[AccessNeed.BSL])]
    reg = one_meeting(*people, venue=Venue("Library", features=frozenset({VenueFeature.STEP_FREE})))
    (message,) = messages("AC003", reg)
    assert message == "The venue 'Library' lacks a hearing loop (1 expected attendee)."


def test_ac003_silent_when_venue_has_everything_or_meeting_is_online():
    needs = member("p1", needs=[AccessNeed.STEP_FREE, AccessNeed.QUIET_ROOM])
    venue = Venue("Hall", features=frozenset({VenueFeature.STEP_FREE, VenueFeature.QUIET_ROOM}))
    assert findings("AC003", one_meeting(needs, venue=venue)) == []
    assert findings("AC003", one_meeting(needs, mode=MeetingMode.ONLINE, venue=None)) == []


def test_ac003_hybrid_meetings_are_judged_and_missing_venue_fires():
    needs = member("p1", needs=[AccessNeed.ACCESSIBLE_TOILET])
    assert len(findings("AC003", one_meeting(needs, mode=MeetingMode.HYBRID))) == 1
    (message,) = messages("AC003", one_meeting(needs, venue=None))
    assert message.startswith("No venue is recorded")


def test_ac003_needs_that_are_not_venue_features_are_ignored():
    assert findings("AC003", one_meeting(member("p1", needs=[AccessNeed.BSL, AccessNeed.EASY_READ]))) == []


# --- AC004 no-interpreter-booked -----------------------------------------------------------------------------

SIGNER = member("p1", needs=[AccessNeed.BSL])


@pytest.mark.parametrize(
    ("minutes", "booked", "fires"),
    [
        (60, 0, True),
        (60, 1, False),
        (119, 1, False),
        (120, 1, True),
        (120, 2, False),
        (150, 3, False),
    ],
)
def test_ac004_two_interpreters_from_120_minutes(minutes, booked, fires):
    reg = one_meeting(SIGNER, minutes=minutes, bsl_interpreters=booked)
    assert bool(findings("AC004", reg)) is fires


def test_ac004_message_and_hint():
    (finding,) = findings("AC004", one_meeting(SIGNER, minutes=120, bsl_interpreters=1))
    assert finding.message == (
        "1 expected attendee needs British Sign Language; 1 interpreter booked, 2 needed "
        "(the meeting runs 120 minutes, 120 or more)."
    )
    assert finding.hint == "Book 1 more BSL interpreter now."


def test_ac004_silent_without_a_signer_and_policy_override():
    assert findings("AC004", one_meeting(member("p2"), minutes=200)) == []
    policy = Policy(two_interpreters_from_minutes=90)
    assert len(findings("AC004", one_meeting(SIGNER, minutes=90, bsl_interpreters=1), policy=policy)) == 1
    assert findings("AC004", one_meeting(SIGNER, minutes=89, bsl_interpreters=1), policy=policy) == []


# --- AC005 no-remote-access ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("mode", "link", "fires"),
    [
        (MeetingMode.ONLINE, None, True),
        (MeetingMode.ONLINE, "   ", True),
        (MeetingMode.HYBRID, None, True),
        (MeetingMode.ONLINE, "https://meet.example/board", False),
        (MeetingMode.IN_PERSON, None, False),
    ],
)
def test_ac005_joining_link(mode, link, fires):
    assert bool(findings("AC005", one_meeting(mode=mode, joining_link=link))) is fires


def test_ac005_captions_needed_online():
    viewer = member("p1", needs=[AccessNeed.CAPTIONS])
    link = "https://meet.example/board"
    (message,) = messages("AC005", one_meeting(viewer, mode=MeetingMode.HYBRID, joining_link=link))
    assert message == "1 expected attendee needs captions and none are provided."
    assert findings("AC005", one_meeting(viewer, mode=MeetingMode.ONLINE, joining_link=link, captions=True)) == []
    assert findings("AC005", one_meeting(viewer, mode=MeetingMode.IN_PERSON)) == []


# --- AC006 no-break --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("minutes", "fires"), [(90, False), (91, True)])
def test_ac006_ninety_minutes_without_a_break(minutes, fires):
    assert bool(findings("AC006", one_meeting(minutes=minutes))) is fires


def test_ac006_breaks_split_the_meeting():
    assert findings("AC006", one_meeting(minutes=190, breaks=(Break(90, 10),))) == []
    (message,) = messages("AC006", one_meeting(minutes=191, breaks=(Break(90, 10),)))
    assert message == "The meeting has a stretch of 91 minutes without a break (limit 90)."
    (early,) = messages("AC006", one_meeting(minutes=180, breaks=(Break(20, 10),)))
    assert "150 minutes" in early


def test_ac006_policy_override():
    assert len(findings("AC006", one_meeting(minutes=61), policy=Policy(max_minutes_without_break=60))) == 1
    assert findings("AC006", one_meeting(minutes=60), policy=Policy(max_minutes_without_break=60)) == []


def test_longest_stretch_handles_odd_breaks():
    odd = meeting(minutes=120, breaks=(Break(-10, 5), Break(200, 10), Break(60, 0), Break(60, 15)))
    assert longest_stretch_without_break(odd) == 60
    assert longest_stretch_without_break(meeting(minutes=-5)) == 0


# --- AC007 inaccessible-hours ----------------------------------------------------------------------------------


def test_ac007_edges_of_the_day():
    assert findings("AC007", one_meeting(start=time(9, 30), minutes=390)) == []  # 09:30-16:00
    (early,) = messages("AC007", one_meeting(start=time(9, 29), minutes=60))
    assert early == "The meeting starts at 09:29, before 09:30."
    (late,) = messages("AC007", one_meeting(start=time(14, 0), minutes=121))
    assert late == "The meeting ends at 16:01, after 16:00."
    (both,) = messages("AC007", one_meeting(start=time(8, 0), minutes=600))
    assert both == "The meeting starts at 08:00, before 09:30 and ends at 18:00, after 16:00."


def test_ac007_reads_the_policy_time_zone():
    # 08:45 UTC in July is 09:45 in London: fine there, too early on a UTC clock.
    start = datetime(2026, 7, 9, 8, 45, tzinfo=UTC)
    reg = register(meetings=[attrs.evolve(meeting(), start=start, end=start + timedelta(minutes=60))])
    assert findings("AC007", reg) == []
    assert len(findings("AC007", reg, policy=Policy(timezone="UTC"))) == 1


def test_ac007_overnight_meeting_ends_too_late_and_override():
    (message,) = messages("AC007", one_meeting(start=time(10, 0), minutes=24 * 60))
    assert "after 16:00" in message
    policy = Policy(earliest_start=time(9, 0), latest_end=time(17, 0))
    assert findings("AC007", one_meeting(start=time(9, 0), minutes=480), policy=policy) == []


# --- AC008 meeting-too-long ------------------------------------------------------------------------------------


@pytest.mark.parametrize(("minutes", "fires"), [(150, False), (151, True)])
def test_ac008_longest_meeting(minutes, fires):
    assert bool(findings("AC008", one_meeting(minutes=minutes))) is fires


def test_ac008_override():
    assert findings("AC008", one_meeting(minutes=151), policy=Policy(max_meeting_minutes=180)) == []


# --- AC009 meeting-on-non-working-day --------------------------------------------------------------------------


def test_ac009_weekday_is_silent_weekend_fires():
    assert findings("AC009", one_meeting(day=THURSDAY)) == []
    (message,) = messages("AC009", one_meeting(day=date(2026, 11, 7)))
    assert message == "The meeting on 2026-11-07 falls on a Saturday."


def test_ac009_bank_holidays_per_region():
    easter = one_meeting(day=date(2026, 4, 6))
    (message,) = messages("AC009", easter)
    assert message == "The meeting on 2026-04-06 falls on a bank holiday (Easter Monday)."
    assert messages("AC009", easter, policy=SCOTLAND) == []
    summer = one_meeting(day=date(2026, 8, 3))
    assert messages("AC009", summer) == []
    assert len(messages("AC009", summer, policy=SCOTLAND)) == 1
    st_patrick = one_meeting(day=date(2026, 3, 17))
    assert messages("AC009", st_patrick) == []
    assert len(messages("AC009", st_patrick, policy=NORTHERN_IRELAND)) == 1


def test_ac009_uses_the_local_date():
    # 23:30 UTC on Friday 10 July is 00:30 on Saturday in London.
    start = datetime(2026, 7, 10, 23, 30, tzinfo=UTC)
    reg = register(meetings=[attrs.evolve(meeting(), start=start, end=start + timedelta(minutes=60))])
    (message,) = messages("AC009", reg)
    assert "2026-07-11" in message
    assert messages("AC009", reg, policy=Policy(timezone="UTC")) == []


# --- AC010 unexplained-jargon ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "terms"),
    [
        ("CQC inspection", ["CQC"]),
        ("ICB update on KPIs for ASC", ["ASC", "ICB"]),
        ("Care Quality Commission (CQC) report", []),
        ("CQC (the care inspector) report", []),
        ("cqc inspection", []),
        ("ASCOT survey", []),
        ("Report from the ICB: Integrated Care Board priorities", []),
        ("KPI", ["KPI"]),
        ("", []),
    ],
)
def test_jargon_matching(title, terms):
    assert jargon_used(title, dict(Policy().jargon)) == terms


def test_ac010_agenda_items_and_papers():
    reg = one_meeting(
        agenda=(AgendaItem("CQC inspection"), AgendaItem("Budget")),
        papers=(paper("ICB plan"),),
    )
    found = messages("AC010", reg)
    assert found == [
        "Agenda item 'CQC inspection' uses 'CQC' without explaining it.",
        "Paper 'ICB plan' uses 'ICB' without explaining it.",
    ]
    (finding, _) = findings("AC010", reg)
    assert "Care Quality Commission" in finding.hint


def test_ac010_explanation_silences():
    reg = one_meeting(
        agenda=(AgendaItem("CQC inspection", explanation="The inspector's visit"),),
        papers=(paper("ICB plan", explanation="The NHS body's plan"),),
    )
    assert findings("AC010", reg) == []


def test_ac010_policy_jargon_list():
    reg = one_meeting(agenda=(AgendaItem("CQC and LD update"),))
    assert findings("AC010", reg, policy=Policy(jargon={})) == []
    (message,) = messages("AC010", reg, policy=Policy(jargon={"LD": "learning disability"}))
    assert "'LD'" in message


# --- every check together ------------------------------------------------------------------------------------


def test_a_well_run_meeting_has_no_accessibility_findings():
    people = [
        member("p1", needs=[AccessNeed.EASY_READ, AccessNeed.STEP_FREE]),
        member("p2", needs=[AccessNeed.BSL]),
        member("p3", perspectives=[], needs=()),
    ]
    good = meeting(
        day=THURSDAY,
        start=time(10, 0),
        minutes=150,
        mode=MeetingMode.HYBRID,
        joining_link="https://meet.example/board",
        bsl_interpreters=2,
        breaks=(Break(75, 15),),
        venue=Venue("County Hall", features=frozenset({VenueFeature.STEP_FREE})),
        papers=(paper("Budget", published=date(2026, 11, 2), formats=frozenset(PaperFormat)),),
        agenda=(AgendaItem("Care Quality Commission (CQC) report"),),
    )
    reg = register(members=people, groups=[group()], meetings=[good])
    codes = [f"AC{n:03d}" for n in range(1, 11)]
    assert findings(codes, reg, as_of=THURSDAY) == []


def test_naive_times_are_read_as_local():
    naive = datetime(2026, 11, 12, 9, 0)
    reg = register(meetings=[attrs.evolve(meeting(), start=naive, end=naive + timedelta(minutes=60))])
    assert messages("AC007", reg) == ["The meeting starts at 09:00, before 09:30."]


def test_unknown_time_zone_is_a_policy_error():
    with pytest.raises(PolicyError, match="timezone"):
        findings("AC007", one_meeting(), policy=Policy(timezone="Mars/Olympus"))


def test_other_zones_convert():
    # 05:00 in New York is 10:00 in London (November): fine on the policy's clock.
    reg = one_meeting(start=time(5, 0), zone=ZoneInfo("America/New_York"))
    assert findings("AC007", reg) == []


# --- properties ----------------------------------------------------------------------------------------------


@given(scenarios())
def test_accessibility_checks_never_crash_and_are_deterministic(scenario):
    assert_stable([f"AC{n:03d}" for n in range(1, 11)], scenario)


def test_clear_days_can_stop_counting_early():
    england = working_day_calendar(Region.ENGLAND_AND_WALES)
    assert clear_working_days_between(date(2026, 1, 1), date(2026, 12, 31), england, at_most=5) == 5
    assert clear_working_days_between(date(2026, 11, 5), THURSDAY, england, at_most=5) == 4
    assert clear_working_days_between(date(1, 1, 1), date(9999, 12, 31), england, at_most=5) == 5
    assert clear_working_days_between(THURSDAY, THURSDAY, england) == 0


def test_ac001_far_apart_dates_are_quick_and_on_time():
    reg = one_meeting(day=date(9999, 12, 30), papers=(paper(published=date(1, 1, 1)), paper("Later", published=None)))
    assert messages("AC001", reg, as_of=date(1, 1, 2)) == []


def test_times_at_the_edge_of_the_calendar_are_kept():
    start = datetime(9999, 12, 31, 20, 0, tzinfo=UTC)
    reg = register(meetings=[attrs.evolve(meeting(), start=start, end=start + timedelta(minutes=60))])
    auckland = Policy(timezone="Pacific/Auckland")  # 13 hours ahead: would be in the year 10000
    assert messages("AC007", reg, policy=auckland) == ["The meeting ends at 21:00, after 16:00."]
    assert len(findings(list(OWN_CODES), reg, as_of=date(9999, 12, 31), policy=auckland)) >= 1


def test_policy_severity_override_applies():
    saturday = one_meeting(day=date(2026, 11, 7))
    (default,) = findings("AC009", saturday)
    assert default.severity is Severity.INFO
    (raised,) = findings("AC009", saturday, policy=Policy(severity={"AC": Severity.ERROR}))
    assert raised.severity is Severity.ERROR
