"""AC004: the check fires, and stays silent, at the edges of its rule; subjects and messages."""

from __future__ import annotations

from datetime import date

import pytest

from coproduction.checks.accessibility.AC004_no_interpreter_booked import no_interpreter_booked
from coproduction.models import (
    AccessNeed,
    MeetingStatus,
)
from coproduction.policy import Policy
from tests.builders import STAFF, USES_SERVICES, RegisterBuilder, run
from tests.checks.acc_builders import (
    findings,
    member,
)
from tests.checks.accessibility.support import one_meeting
from tests.checks.support import AS_OF

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


def test_ac004_a_meeting_nobody_signs_at_does_not_stop_the_scan() -> None:
    b = RegisterBuilder()
    b.add_group("g0")
    b.add_member("bob", STAFF, groups=["g0"])
    b.add_meeting("m0", "g0", date(2026, 3, 10), status=MeetingStatus.SCHEDULED)
    b.add_group("g1")
    b.add_member("ann", USES_SERVICES, groups=["g1"], access_needs=frozenset({AccessNeed.BSL}))
    b.add_meeting("m1", "g1", date(2026, 3, 10), status=MeetingStatus.SCHEDULED, minutes=60)
    flags = run(no_interpreter_booked, b.build(), AS_OF)
    assert [f.subject_id for f in flags] == ["m1"]
    assert flags[0].message.startswith(
        "1 expected attendee needs British Sign Language; 0 interpreters booked, 1 needed"
    )
