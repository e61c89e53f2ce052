"""EQ001: the check fires, and stays silent, at the edges of its rule; subjects and messages."""

from __future__ import annotations

from datetime import date

from coproduction.checks.equality.EQ001_lived_experience_minority import lived_experience_minority
from coproduction.models import (
    Role,
)
from coproduction.policy import Policy
from tests.builders import CARER, STAFF, USES_SERVICES, RegisterBuilder, run
from tests.checks.equality.support import AS_OF, EARLIER, LATER, board
from tests.checks.support import _pairs


def test_eq001_exactly_half_is_silent() -> None:
    assert run(lived_experience_minority, board(5, 5).build(), AS_OF) == []


def test_eq001_just_under_half_fires() -> None:
    assert len(run(lived_experience_minority, board(49, 51).build(), AS_OF)) == 1
    assert run(lived_experience_minority, board(50, 50).build(), AS_OF) == []


def test_eq001_message_gives_the_numbers_and_the_hint_how_many_more() -> None:
    [flag] = run(lived_experience_minority, board(3, 7).build(), AS_OF)
    assert flag.subject_id == "g1"
    assert flag.message == (
        "3 of 10 current voting members of 'Group g1' have lived experience (30%); the policy asks for at least 50%"
    )
    # (3 + 4) / (10 + 4) = 50%
    assert "4 more voting members with lived experience would reach 50%" in flag.hint


def test_eq001_carers_and_staff_who_are_carers_count_as_lived_experience() -> None:
    b = board(3, 5)
    b.add_member("carer", CARER, groups=["g1"])
    b.add_member("staff-carer", STAFF, CARER, groups=["g1"])
    assert run(lived_experience_minority, b.build(), AS_OF) == []


def test_eq001_counts_only_voting_members() -> None:
    b = board(4, 5)
    b.add_member("adviser", USES_SERVICES, groups=["g1"], voting=False)
    [flag] = run(lived_experience_minority, b.build(), AS_OF)
    assert flag.message.startswith("4 of 9 current voting members")


def test_eq001_counts_only_current_members() -> None:
    b = board(5, 4)
    b.add_member("gone", USES_SERVICES, groups=["g1"], left=EARLIER)
    b.add_member("future", USES_SERVICES, groups=["g1"], started=LATER)
    b.add_member("st-new", STAFF, groups=["g1"], started=EARLIER)
    b.add_member("st-extra", STAFF, groups=["g1"])
    [flag] = run(lived_experience_minority, b.build(), AS_OF)
    assert flag.message.startswith("5 of 11 current voting members")
    # As of a day after the leaver left and before the newcomers: the leaver's departure is what counts.
    assert run(lived_experience_minority, b.build(), date(2026, 2, 2)) == []


def test_eq001_a_member_with_two_memberships_counts_once() -> None:
    b = board(5, 5)
    b.join("st-1", "g1", role=Role.CO_CHAIR)
    assert run(lived_experience_minority, b.build(), AS_OF) == []


def test_eq001_group_without_voting_members_is_not_judged() -> None:
    b = RegisterBuilder()
    b.add_group("g1")
    b.add_member("st", STAFF, groups=["g1"], voting=False)
    assert run(lived_experience_minority, b.build(), AS_OF) == []


def test_eq001_policy_share_changes_the_outcome() -> None:
    reg = board(4, 6).build()
    assert run(lived_experience_minority, reg, AS_OF)
    assert run(lived_experience_minority, reg, AS_OF, Policy(min_lived_experience_share=0.4)) == []
    [flag] = run(lived_experience_minority, board(5, 5).build(), AS_OF, Policy(min_lived_experience_share=0.6))
    assert "the policy asks for at least 60%" in flag.message


def test_eq001_share_of_one_cannot_be_reached_by_adding_members() -> None:
    [flag] = run(lived_experience_minority, board(5, 1).build(), AS_OF, Policy(min_lived_experience_share=1.0))
    assert "every voting member needs lived experience" in flag.hint


def test_eq001_one_voter_has_and_two_have_lived_experience() -> None:
    for lived, verb, share in ((1, "has", "16.7%"), (2, "have", "33.3%")):
        b = RegisterBuilder()
        b.add_group("g1")
        b.add_members("le", lived, USES_SERVICES, groups=["g1"])
        b.add_members("st", 6 - lived, STAFF, groups=["g1"])
        [flag] = run(lived_experience_minority, b.build(), AS_OF)
        assert (flag.subject_id, flag.message) == (
            "g1",
            f"{lived} of 6 current voting members of 'Group g1' {verb} lived experience ({share}); "
            "the policy asks for at least 50%",
        )


def test_eq001_groups_without_voters_or_with_enough_lived_experience_do_not_stop_the_scan() -> None:
    b = RegisterBuilder()
    b.add_group("g0")  # nobody
    b.add_group("g1")
    b.add_members("a", 2, USES_SERVICES, groups=["g1"])
    b.add_group("g2")
    b.add_members("b", 1, USES_SERVICES, groups=["g2"])
    b.add_members("c", 2, STAFF, groups=["g2"])
    assert _pairs(run(lived_experience_minority, b.build(), AS_OF)) == [
        (
            "g2",
            "1 of 3 current voting members of 'Group g2' has lived experience (33.3%); "
            "the policy asks for at least 50%",
        )
    ]
