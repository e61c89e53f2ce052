"""The accessibility checks together: their contracts, shared helpers and properties."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import attrs
import pytest
from hypothesis import given

from coproduction.checks import Principle, SubjectKind
from coproduction.errors import PolicyError
from coproduction.models import (
    AccessNeed,
    AgendaItem,
    Break,
    MeetingMode,
    PaperFormat,
    Venue,
    VenueFeature,
)
from coproduction.policy import Policy, Region, Severity
from coproduction.working_days import bank_holiday_name
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
from tests.checks.accessibility.support import THURSDAY, one_meeting
from tests.checks.contract import assert_contract


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
def test_contract(code: str, name: str, severity: Severity) -> None:
    assert_contract(code, name, severity, Principle.ACCESSIBILITY, SubjectKind.MEETING)


def test_regions_have_their_own_bank_holidays():
    easter_monday, scottish_summer = date(2026, 4, 6), date(2026, 8, 3)
    assert bank_holiday_name(easter_monday, Region.ENGLAND_AND_WALES) == "Easter Monday"
    assert bank_holiday_name(easter_monday, Region.SCOTLAND) is None
    assert bank_holiday_name(scottish_summer, Region.SCOTLAND) is not None
    assert bank_holiday_name(scottish_summer, Region.ENGLAND_AND_WALES) is None
    assert bank_holiday_name(date(2026, 3, 17), Region.NORTHERN_IRELAND) is not None


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


@given(scenarios())
def test_accessibility_checks_never_crash_and_are_deterministic(scenario):
    assert_stable([f"AC{n:03d}" for n in range(1, 11)], scenario)


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
