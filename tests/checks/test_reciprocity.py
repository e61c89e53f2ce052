"""RC001-RC005: each check fires, and stays silent, at the edges of its thresholds (CHECKS.md, "RC")."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given

from coproduction.checks import builtin_registry
from coproduction.models import (
    Action,
    ActionStatus,
    AgendaItem,
    Attendance,
    AttendanceStatus,
    MeetingStatus,
    Membership,
    Outcome,
    Payment,
    PaymentKind,
    PaymentPreference,
    TrainingRecord,
)
from coproduction.policy import LivingWageRate, Policy, Severity
from tests.checks.acc_builders import (
    CARER,
    STAFF,
    USES,
    assert_stable,
    findings,
    meeting,
    member,
    messages,
    register,
    scenarios,
)


@pytest.mark.parametrize(
    ("code", "name", "severity", "subject"),
    [
        ("RC001", "unpaid-involvement", Severity.WARNING, "meeting"),
        ("RC002", "payment-below-living-wage", Severity.WARNING, "policy"),
        ("RC003", "training-not-completed", Severity.WARNING, "member"),
        ("RC004", "no-feedback-on-input", Severity.WARNING, "meeting"),
        ("RC005", "overdue-action", Severity.INFO, "meeting"),
    ],
)
def test_contract(code, name, severity, subject):
    check = builtin_registry()[code]
    assert (check.name, check.severity, check.principle.value, check.subject.value) == (
        name,
        severity,
        "reciprocity",
        subject,
    )
    assert check.doc.sources
    for setting in check.doc.settings:
        assert hasattr(Policy(), setting), f"{code} documents an unknown setting {setting!r}"


# --- RC001 unpaid-involvement ----------------------------------------------------------------------------------

CARER_ANN = member("ann", perspectives=CARER)
USER_BEN = member("ben", perspectives=USES)
STAFF_CAT = member("cat", perspectives=STAFF)


def held(*present, payments=(), status=MeetingStatus.HELD, absent=()):
    attendance = (
        *(Attendance(p) for p in present),
        *(Attendance(p, AttendanceStatus.APOLOGIES) for p in absent),
    )
    return meeting(status=status, attendance=attendance, payments=tuple(payments))


def test_rc001_fires_for_unpaid_lived_experience_attendees():
    reg = register(members=[CARER_ANN, USER_BEN, STAFF_CAT], meetings=[held("ann", "ben", "cat")])
    (finding,) = findings("RC001", reg)
    assert finding.subject.id == "m1"
    assert finding.message == (
        "2 lived-experience attendees present have no involvement payment or expenses recorded and have not "
        "declined them (members ann, ben)."
    )


@pytest.mark.parametrize("kind", list(PaymentKind))
def test_rc001_payment_expenses_or_declined_record_settles(kind):
    reg = register(members=[CARER_ANN], meetings=[held("ann", payments=[Payment("ann", kind)])])
    assert findings("RC001", reg) == []


def test_rc001_payment_to_someone_else_does_not_count():
    reg = register(members=[CARER_ANN, USER_BEN], meetings=[held("ann", "ben", payments=[Payment("ben")])])
    (message,) = messages("RC001", reg)
    assert "1 lived-experience attendee present has" in message
    assert "(member ann)" in message


def test_rc001_declined_preference_is_respected():
    declines = member("dee", perspectives=USES, payment_preference=PaymentPreference.DECLINED)
    reg = register(members=[declines], meetings=[held("dee")])
    assert findings("RC001", reg) == []


def test_rc001_silent_for_staff_absentees_and_meetings_not_held():
    reg = register(members=[CARER_ANN, STAFF_CAT], meetings=[held("cat", absent=["ann"])])
    assert findings("RC001", reg) == []
    for status in (MeetingStatus.SCHEDULED, MeetingStatus.CANCELLED):
        reg = register(members=[CARER_ANN], meetings=[held("ann", status=status)])
        assert findings("RC001", reg) == []


# --- RC002 payment-below-living-wage ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("rate", "as_of", "fires"),
    [
        ("12.70", date(2026, 4, 1), True),
        ("12.71", date(2026, 4, 1), False),
        ("12.70", date(2026, 3, 31), False),  # £12.21 was in force
        ("12.20", date(2026, 3, 31), True),
        ("1.00", date(2020, 1, 1), False),  # before the table starts: nothing to compare
    ],
)
def test_rc002_rate_against_living_wage_in_force(rate, as_of, fires):
    policy = Policy(name="testshire", involvement_hourly_rate=Decimal(rate))
    found = findings("RC002", register(), as_of=as_of, policy=policy)
    assert bool(found) is fires
    if fires:
        assert found[0].subject.kind.value == "policy"
        assert found[0].subject.id == "testshire"


def test_rc002_message_and_dated_table_from_policy():
    policy = Policy(
        involvement_hourly_rate=Decimal("12.00"),
        national_living_wage=(LivingWageRate(date(2030, 4, 1), Decimal("15.00")),),
    )
    assert findings("RC002", register(), as_of=date(2030, 3, 31), policy=policy) == []
    (finding,) = findings("RC002", register(), as_of=date(2030, 4, 1), policy=policy)
    assert finding.message == (
        "The involvement rate of £12.00 an hour is £3.00 below the National Living Wage of £15.00 in force since "
        "2030-04-01."
    )
    assert "15.00" in finding.hint


# --- RC003 training-not-completed ------------------------------------------------------------------------------

JOINED = date(2026, 1, 1)
DEADLINE = date(2026, 6, 30)  # 180 days after joining


def trainee(*training, joined=JOINED):
    return member("ann", perspectives=CARER, joined=joined, training=tuple(training))


def test_rc003_waits_until_the_deadline_has_passed():
    reg = register(members=[trainee()])
    assert findings("RC003", reg, as_of=DEADLINE) == []
    (finding,) = findings("RC003", reg, as_of=date(2026, 7, 1))
    assert finding.subject.kind.value == "member"
    assert finding.subject.id == "ann"
    assert finding.message == "Joined on 2026-01-01; no co-production training completed by 2026-06-30, 180 days later."


def test_rc003_training_on_the_deadline_or_before_joining_counts():
    on_time = register(members=[trainee(TrainingRecord("Basics", DEADLINE))])
    assert findings("RC003", on_time, as_of=date(2027, 1, 1)) == []
    before = register(members=[trainee(TrainingRecord("Basics", date(2025, 6, 1)))])
    assert findings("RC003", before, as_of=date(2027, 1, 1)) == []


def test_rc003_late_training_clears_it_and_other_training_does_not():
    late = register(members=[trainee(TrainingRecord("Basics", date(2026, 7, 5)))])
    # Before the late training is recorded as done, the member is reported; once it is, nothing is left to do.
    assert len(findings("RC003", late, as_of=date(2026, 7, 4))) == 1
    assert findings("RC003", late, as_of=date(2026, 7, 5)) == []
    other = register(members=[trainee(TrainingRecord("Fire safety", date(2026, 2, 1), coproduction=False))])
    assert len(findings("RC003", other, as_of=date(2026, 8, 1))) == 1


def test_rc003_only_current_members_and_membership_start_as_fallback():
    former = [Membership("ann", "board", started=JOINED, left=date(2026, 5, 1))]
    reg = register(members=[trainee()], memberships=former)
    assert findings("RC003", reg, as_of=date(2026, 8, 1)) == []
    unknown_join = member("ben", perspectives=USES)
    started = [Membership("ben", "board", started=date(2026, 3, 1))]
    reg = register(members=[unknown_join], memberships=started)
    assert findings("RC003", reg, as_of=date(2026, 8, 28)) == []  # 180 days after 1 March
    assert len(findings("RC003", reg, as_of=date(2026, 8, 29))) == 1
    no_dates = register(members=[unknown_join], memberships=[Membership("ben", "board")])
    assert findings("RC003", no_dates, as_of=date(2030, 1, 1)) == []


def test_rc003_policy_override():
    reg = register(members=[trainee()])
    policy = Policy(training_within_days=365)
    assert findings("RC003", reg, as_of=date(2027, 1, 1), policy=policy) == []
    assert len(findings("RC003", reg, as_of=date(2027, 1, 2), policy=policy)) == 1


# --- RC004 no-feedback-on-input --------------------------------------------------------------------------------

MEETING_DAY = date(2026, 3, 10)
FEEDBACK_DUE = date(2026, 6, 8)  # 90 days later


def with_input(outcome=None, *, lived=True, status=MeetingStatus.HELD):
    item = AgendaItem("Carers' strategy", lived_experience_input=lived, outcome=outcome)
    return register(meetings=[meeting(day=MEETING_DAY, status=status, agenda=(item,))])


def test_rc004_waits_feedback_within_days():
    assert findings("RC004", with_input(), as_of=FEEDBACK_DUE) == []
    (message,) = messages("RC004", with_input(), as_of=date(2026, 6, 9))
    assert message == (
        "Item 'Carers' strategy' had input from people with lived experience and no outcome recorded 90 days "
        "after the meeting."
    )


def test_rc004_outcome_on_time_or_late():
    assert findings("RC004", with_input(Outcome("We changed it", FEEDBACK_DUE)), as_of=date(2027, 1, 1)) == []
    late = with_input(Outcome("We changed it", date(2026, 6, 10)))
    # Reported from the day after the deadline until the late outcome is recorded, then cleared.
    assert len(findings("RC004", late, as_of=date(2026, 6, 9))) == 1
    assert findings("RC004", late, as_of=date(2026, 6, 10)) == []


def test_rc004_silent_without_lived_experience_input_or_when_not_held():
    assert findings("RC004", with_input(lived=False), as_of=date(2027, 1, 1)) == []
    assert findings("RC004", with_input(status=MeetingStatus.SCHEDULED), as_of=date(2027, 1, 1)) == []


def test_rc004_policy_override():
    policy = Policy(feedback_within_days=30)
    assert findings("RC004", with_input(), as_of=date(2026, 4, 9), policy=policy) == []
    assert len(findings("RC004", with_input(), as_of=date(2026, 4, 10), policy=policy)) == 1


# --- RC005 overdue-action --------------------------------------------------------------------------------------


def with_action(action, status=MeetingStatus.HELD):
    return register(meetings=[meeting(status=status, actions=(action,))])


def test_rc005_fires_the_day_after_due():
    action = Action("Send the survey in Easy Read", owner="ann", due=date(2026, 6, 30))
    assert findings("RC005", with_action(action), as_of=date(2026, 6, 30)) == []
    (finding,) = findings("RC005", with_action(action), as_of=date(2026, 7, 1))
    assert finding.message == (
        "Action 'Send the survey in Easy Read' (owner ann) was due on 2026-06-30, 1 day ago, and is still open."
    )
    assert finding.severity is Severity.INFO


@pytest.mark.parametrize(
    "action",
    [
        Action("Done", due=date(2026, 1, 1), status=ActionStatus.DONE),
        Action("Dropped", due=date(2026, 1, 1), status=ActionStatus.DROPPED),
        Action("No due date"),
    ],
)
def test_rc005_silent_for_closed_or_undated_actions(action):
    assert findings("RC005", with_action(action), as_of=date(2026, 7, 1)) == []


def test_rc005_cancelled_meetings_are_not_judged():
    action = Action("Book venue", due=date(2026, 1, 1))
    assert findings("RC005", with_action(action, MeetingStatus.CANCELLED), as_of=date(2026, 7, 1)) == []


# --- properties ----------------------------------------------------------------------------------------------


@given(scenarios())
def test_reciprocity_checks_never_crash_and_are_deterministic(scenario):
    assert_stable([f"RC{n:03d}" for n in range(1, 6)], scenario)


def test_deadlines_at_the_end_of_the_calendar_do_not_overflow():
    reg = register(
        members=[trainee(joined=date(9999, 12, 1))],
        meetings=[
            meeting(
                day=date(9999, 12, 1),
                status=MeetingStatus.HELD,
                agenda=(AgendaItem("Plans", lived_experience_input=True),),
            )
        ],
    )
    assert findings(["RC003", "RC004"], reg, as_of=date(9999, 12, 31)) == []
