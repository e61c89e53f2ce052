"""EQ002: the check fires, and stays silent, at the edges of its rule; subjects and messages."""

from __future__ import annotations

from datetime import date

import pytest

from coproduction.checks.equality.EQ002_no_lived_experience_chair import no_lived_experience_chair
from coproduction.models import (
    GroupKind,
    Role,
)
from coproduction.policy import Policy
from tests.builders import CARER, STAFF, USES_SERVICES, RegisterBuilder, run
from tests.checks.equality.support import AS_OF, EARLIER, board
from tests.checks.support import _pairs


def test_eq002_lived_experience_co_chair_is_silent() -> None:
    b = board(5, 3)
    b.add_member("chair", STAFF, groups=["g1"], role=Role.CHAIR)
    b.add_member("co", CARER, groups=["g1"], role=Role.CO_CHAIR)
    assert run(no_lived_experience_chair, b.build(), AS_OF) == []


@pytest.mark.parametrize("kind", [GroupKind.BOARD, GroupKind.PARTNERSHIP_BOARD])
def test_eq002_staff_chair_only_fires(kind: GroupKind) -> None:
    b = board(5, 3, kind)
    b.add_member("chair", STAFF, groups=["g1"], role=Role.CHAIR)
    [flag] = run(no_lived_experience_chair, b.build(), AS_OF)
    assert flag.message == "'Group g1' has 1 current chair or co-chair, none with lived experience"


def test_eq002_no_chair_at_all_fires() -> None:
    [flag] = run(no_lived_experience_chair, board(5, 3).build(), AS_OF)
    assert flag.message == "'Group g1' has no current chair or co-chair"


def test_eq002_a_former_lived_experience_chair_does_not_count() -> None:
    b = board(5, 3)
    b.add_member("co", CARER, groups=["g1"], role=Role.CO_CHAIR, left=EARLIER)
    assert len(run(no_lived_experience_chair, b.build(), AS_OF)) == 1
    assert run(no_lived_experience_chair, b.build(), date(2026, 2, 2)) == []


@pytest.mark.parametrize(
    "kind", [GroupKind.CHAMPIONS_NETWORK, GroupKind.WORKING_GROUP, GroupKind.FOCUS_GROUP, GroupKind.SPEAK_OUT_GROUP]
)
def test_eq002_other_kinds_of_group_are_not_judged(kind: GroupKind) -> None:
    assert run(no_lived_experience_chair, board(5, 3, kind).build(), AS_OF) == []


def test_eq002_policy_can_turn_it_off() -> None:
    policy = Policy(require_lived_experience_chair=False)
    assert run(no_lived_experience_chair, board(5, 3).build(), AS_OF, policy) == []


def test_eq002_groups_not_boards_or_with_a_lived_experience_chair_do_not_stop_the_scan() -> None:
    b = RegisterBuilder()
    b.add_group("g0", GroupKind.FOCUS_GROUP)
    b.add_group("g1")
    b.add_member("le", USES_SERVICES, groups=["g1"], role=Role.CHAIR)
    b.add_group("g2")
    b.add_member("st", STAFF, groups=["g2"], role=Role.CHAIR)
    assert _pairs(run(no_lived_experience_chair, b.build(), AS_OF)) == [
        ("g2", "'Group g2' has 1 current chair or co-chair, none with lived experience")
    ]
