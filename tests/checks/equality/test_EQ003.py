"""EQ003: the check fires, and stays silent, at the edges of its rule; subjects and messages."""

from __future__ import annotations

from coproduction.checks.equality.EQ003_missing_perspective import missing_perspective
from coproduction.models import GroupKind
from coproduction.policy import Policy
from tests.builders import CARER, run
from tests.checks.equality.support import AS_OF, EARLIER, board


def test_eq003_board_with_every_perspective_is_silent() -> None:
    b = board(2, 2)
    b.add_member("carer", CARER, groups=["g1"], voting=False)
    assert run(missing_perspective, b.build(), AS_OF) == []


def test_eq003_fires_once_per_missing_perspective() -> None:
    flags = run(missing_perspective, board(0, 3).build(), AS_OF)
    assert [f.message for f in flags] == [
        "'Group g1' has no current member who uses services; the policy asks a board for this perspective",
        "'Group g1' has no current member who is a carer or family member; the policy asks a board for this "
        "perspective",
    ]
    assert {f.subject_id for f in flags} == {"g1"}


def test_eq003_former_member_does_not_hold_the_perspective() -> None:
    b = board(2, 2)
    b.add_member("carer", CARER, groups=["g1"], left=EARLIER)
    [flag] = run(missing_perspective, b.build(), AS_OF)
    assert "carer" in flag.message


def test_eq003_kinds_without_requirements_are_not_judged_unless_the_policy_says() -> None:
    reg = board(0, 3, GroupKind.FOCUS_GROUP).build()
    assert run(missing_perspective, reg, AS_OF) == []
    policy = Policy(required_perspectives={GroupKind.FOCUS_GROUP: frozenset({CARER})})
    [flag] = run(missing_perspective, reg, AS_OF, policy)
    assert "focus group" in flag.message
    assert run(missing_perspective, board(0, 3).build(), AS_OF, policy) == []
