"""MB004: the check fires, and stays silent, at the edges of its rule; subjects and messages."""

from __future__ import annotations

from datetime import date

import pytest

from coproduction.checks.membership.MB004_group_size_out_of_range import group_size_out_of_range
from coproduction.models import (
    GroupKind,
    Role,
)
from coproduction.policy import Policy, SizeRange
from tests.builders import CARER, STAFF, USES_SERVICES, RegisterBuilder, run
from tests.checks.membership.support import AS_OF


@pytest.mark.parametrize(("size", "fires"), [(7, "fewer than the 8"), (8, None), (24, None), (25, "more than the 24")])
def test_mb004_board_size_edges(size: int, fires: str | None) -> None:
    b = RegisterBuilder()
    b.add_group("g1", GroupKind.BOARD)
    b.add_members("m", size, USES_SERVICES, groups=["g1"])
    flags = run(group_size_out_of_range, b.build(), AS_OF)
    if fires:
        [flag] = flags
        assert flag.message.startswith(f"'Group g1' has {size} current members, {fires}")
    else:
        assert flags == []


def test_mb004_counts_current_distinct_members() -> None:
    b = RegisterBuilder()
    b.add_group("g1", GroupKind.WORKING_GROUP)
    b.add_members("m", 2, USES_SERVICES, groups=["g1"])
    b.join("m-1", "g1", role=Role.CHAIR)  # a second membership: still one member
    b.add_member("gone", STAFF, groups=["g1"], left=date(2026, 1, 1))
    b.add_member("later", STAFF, groups=["g1"], started=date(2026, 3, 3))
    [flag] = run(group_size_out_of_range, b.build(), AS_OF)
    assert flag.message == "'Group g1' has 2 current members, fewer than the 3 the policy asks of a working group"
    assert run(group_size_out_of_range, b.build(), date(2026, 3, 3)) == []
    [empty] = run(group_size_out_of_range, RegisterBuilder(groups=b.groups).build(), AS_OF)
    assert empty.message.startswith("'Group g1' has 0 current members")


def test_mb004_policy_sizes_change_the_outcome() -> None:
    b = RegisterBuilder()
    b.add_group("g1", GroupKind.FOCUS_GROUP)
    b.add_members("m", 2, USES_SERVICES, groups=["g1"])
    assert len(run(group_size_out_of_range, b.build(), AS_OF)) == 1
    assert (
        run(group_size_out_of_range, b.build(), AS_OF, Policy(group_sizes={GroupKind.FOCUS_GROUP: SizeRange(2, 4)}))
        == []
    )
    # A kind the policy gives no range is not judged.
    assert run(group_size_out_of_range, b.build(), AS_OF, Policy(group_sizes={})) == []


def test_mb004_a_kind_without_a_size_range_does_not_stop_the_scan() -> None:
    policy = Policy(group_sizes={GroupKind.BOARD: SizeRange(2, 20)})
    b = RegisterBuilder()
    b.add_group("g0", GroupKind.FOCUS_GROUP)
    b.add_group("g1")
    b.add_member("ann", CARER, groups=["g0", "g1"], name="Ann")
    flags = run(group_size_out_of_range, b.build(), AS_OF, policy)
    assert [(f.subject_id, f.message) for f in flags] == [
        ("g1", "'Group g1' has 1 current member, fewer than the 2 the policy asks of a board")
    ]
