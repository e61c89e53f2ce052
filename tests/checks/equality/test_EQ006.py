"""EQ006: the check fires, and stays silent, at the edges of its rule; subjects and messages."""

from __future__ import annotations

from datetime import date

from coproduction.checks.equality.EQ006_decision_without_lived_experience import decision_without_lived_experience
from coproduction.models import (
    Decision,
    MeetingStatus,
)
from coproduction.policy import Policy
from tests.builders import STAFF, USES_SERVICES, RegisterBuilder, run
from tests.checks.equality.support import AS_OF, EARLIER, LATER


def decided(present: list[str], quorum: int | None = None, **fields: object) -> RegisterBuilder:
    b = RegisterBuilder()
    b.add_group("g1", quorum=quorum)
    b.add_members("le", 5, USES_SERVICES, groups=["g1"])
    b.add_members("st", 5, STAFF, groups=["g1"])
    fields.setdefault("decisions", (Decision("Approve the day services plan"),))
    b.add_meeting("m1", "g1", fields.pop("day", EARLIER), present=present, **fields)  # type: ignore[arg-type]
    return b


def test_eq006_two_lived_experience_members_present_is_silent() -> None:
    assert run(decision_without_lived_experience, decided(["le-1", "le-2", "st-1"]).build(), AS_OF) == []


def test_eq006_one_lived_experience_member_present_fires() -> None:
    [flag] = run(decision_without_lived_experience, decided(["le-1", "st-1", "st-2"]).build(), AS_OF)
    assert flag.subject_id == "m1"
    assert flag.message == (
        "1 decision recorded at 'Meeting m1' on 2026-02-03 while 1 member with lived experience was present "
        "(the policy asks for at least 2)"
    )


def test_eq006_under_quorum_fires_and_both_reasons_are_given() -> None:
    present = ["le-1", "le-2", "st-1"]
    assert run(decision_without_lived_experience, decided(present, quorum=3).build(), AS_OF) == []
    [flag] = run(decision_without_lived_experience, decided(present, quorum=4).build(), AS_OF)
    assert flag.message.endswith("while 3 members were present, under the group's quorum of 4")
    [both] = run(decision_without_lived_experience, decided(["st-1"], quorum=4).build(), AS_OF)
    assert "0 members with lived experience were present" in both.message
    assert "under the group's quorum of 4" in both.message


def test_eq006_meetings_without_decisions_or_after_as_of_are_silent() -> None:
    assert run(decision_without_lived_experience, decided(["st-1"], decisions=()).build(), AS_OF) == []
    assert run(decision_without_lived_experience, decided(["st-1"], day=LATER).build(), AS_OF) == []
    scheduled = decided(["st-1"], status=MeetingStatus.SCHEDULED).build()
    assert run(decision_without_lived_experience, scheduled, AS_OF) == []


def test_eq006_policy_minimum_changes_the_outcome() -> None:
    reg = decided(["le-1", "st-1"]).build()
    assert run(decision_without_lived_experience, reg, AS_OF, Policy(min_lived_experience_for_decisions=1)) == []
    reg = decided(["le-1", "le-2", "st-1"]).build()
    assert len(run(decision_without_lived_experience, reg, AS_OF, Policy(min_lived_experience_for_decisions=3)))


def test_eq006_meetings_without_decisions_or_reasons_do_not_stop_the_scan() -> None:
    b = RegisterBuilder()
    b.add_group("g1", quorum=3)
    b.add_members("le", 3, USES_SERVICES, groups=["g1"])
    everyone = ["le-1", "le-2", "le-3"]
    decided = (Decision("Adopt the plan"),)
    b.add_meeting("m0", "g1", date(2026, 1, 6), present=["le-1"])  # no decisions
    b.add_meeting("m1", "g1", date(2026, 1, 13), present=everyone, decisions=decided)  # nothing wrong
    b.add_meeting("m2", "g1", date(2026, 1, 20), present=["le-1"], decisions=decided)
    flags = run(decision_without_lived_experience, b.build(), AS_OF)
    assert [f.subject_id for f in flags] == ["m2"]
    assert "1 member with lived experience was present (the policy asks for at least 2)" in flags[0].message
    assert "1 member was present, under the group's quorum of 3" in flags[0].message
