"""RC003: the check fires, and stays silent, at the edges of its rule; subjects and messages."""

from __future__ import annotations

from datetime import date

import attrs

from coproduction.checks.reciprocity.RC003_training_not_completed import training_not_completed
from coproduction.models import (
    Membership,
    Perspective,
    TrainingRecord,
)
from coproduction.policy import Policy
from tests.builders import RegisterBuilder, run
from tests.checks.acc_builders import (
    USES,
    findings,
    member,
    register,
)
from tests.checks.reciprocity.support import JOINED, trainee
from tests.checks.support import AS_OF, _pairs

DEADLINE = date(2026, 6, 30)  # 180 days after joining


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


def test_rc003_two_memberships_and_no_joined_date_use_the_earliest_start() -> None:
    b = RegisterBuilder()
    b.add_group("g1")
    b.add_group("g2")
    b.add_member("ann", Perspective.CARER, name="Ann")
    b.join("ann", "g2", started=date(2025, 6, 1))
    b.join("ann", "g1", started=date(2025, 1, 10))
    b.add_member("bob", Perspective.CARER, groups=["g1"], started=date(2025, 1, 10), name="Bob")
    trained = (TrainingRecord("Co-production basics", date(2025, 8, 1)),)
    b.members[-1] = attrs.evolve(b.members[-1], training=trained)
    as_of = date(2025, 8, 1)  # 180 days after 2025-01-10 is 2025-07-09; after 2025-06-01, 2025-11-28
    assert _pairs(run(training_not_completed, b.build(), as_of)) == [
        ("ann", "Joined on 2025-01-10; no co-production training completed by 2025-07-09, 180 days later.")
    ]
    # The deadline day itself is not yet late.
    assert run(training_not_completed, b.build(), date(2025, 7, 9)) == []


def test_rc003_members_not_current_or_without_a_joining_date_do_not_stop_the_scan() -> None:
    b = RegisterBuilder()
    b.add_group("g1")
    b.add_member("gone", Perspective.CARER, groups=["g1"], started=date(2024, 1, 1), left=date(2026, 1, 1))
    b.add_member("nodate", Perspective.CARER, groups=["g1"])
    b.add_member("ann", Perspective.CARER, groups=["g1"], started=date(2025, 1, 10), name="Ann")
    assert _pairs(run(training_not_completed, b.build(), AS_OF)) == [
        ("ann", "Joined on 2025-01-10; no co-production training completed by 2025-07-09, 180 days later.")
    ]
