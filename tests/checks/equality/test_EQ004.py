"""EQ004: the check fires, and stays silent, at the edges of its rule; subjects and messages."""

from __future__ import annotations

from datetime import date

import pytest

from coproduction.checks.equality.EQ004_staff_dominated_meeting import staff_dominated_meeting
from coproduction.models import MeetingStatus
from coproduction.policy import Policy
from tests.builders import RegisterBuilder, run
from tests.checks.equality.support import AS_OF, EARLIER, LATER, board


def meeting_with(lived_present: int, staff_present: int, **fields: object) -> RegisterBuilder:
    b = board(10, 10)
    present = [f"le-{n}" for n in range(1, lived_present + 1)] + [f"st-{n}" for n in range(1, staff_present + 1)]
    b.add_meeting("m1", "g1", fields.pop("day", EARLIER), present=present, **fields)  # type: ignore[arg-type]
    return b


def test_eq004_exactly_the_share_is_silent() -> None:
    assert run(staff_dominated_meeting, meeting_with(2, 3).build(), AS_OF) == []


def test_eq004_under_the_share_fires_with_the_numbers() -> None:
    [flag] = run(staff_dominated_meeting, meeting_with(1, 2).build(), AS_OF)
    assert flag.subject_id == "m1"
    assert flag.message == (
        "1 of 3 people present at 'Meeting m1' on 2026-02-03 had lived experience (33.3%); "
        "the policy asks for at least 40%"
    )


def test_eq004_apologies_and_absences_are_not_presence() -> None:
    b = board(10, 10)
    b.add_meeting("m1", "g1", EARLIER, present=["le-1", "st-1", "st-2"], apologies=["le-2", "le-3"], absent=["le-4"])
    assert len(run(staff_dominated_meeting, b.build(), AS_OF)) == 1


@pytest.mark.parametrize(
    ("day", "status"),
    [(LATER, MeetingStatus.HELD), (EARLIER, MeetingStatus.SCHEDULED), (EARLIER, MeetingStatus.CANCELLED)],
)
def test_eq004_only_held_meetings_up_to_as_of_are_judged(day: date, status: MeetingStatus) -> None:
    assert run(staff_dominated_meeting, meeting_with(0, 5, day=day, status=status).build(), AS_OF) == []


def test_eq004_meeting_on_the_as_of_date_is_judged() -> None:
    assert len(run(staff_dominated_meeting, meeting_with(0, 5, day=AS_OF).build(), AS_OF)) == 1


def test_eq004_meeting_with_nobody_recorded_is_not_judged() -> None:
    assert run(staff_dominated_meeting, meeting_with(0, 0).build(), AS_OF) == []


def test_eq004_policy_share_changes_the_outcome() -> None:
    reg = meeting_with(1, 2).build()
    assert run(staff_dominated_meeting, reg, AS_OF, Policy(min_lived_experience_share_present=1 / 3)) == []
    assert (
        len(
            run(
                staff_dominated_meeting,
                meeting_with(2, 3).build(),
                AS_OF,
                Policy(min_lived_experience_share_present=0.5),
            )
        )
        == 1
    )
