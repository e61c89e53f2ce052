"""GR004: the check fires, and stays silent, at the edges of its rule; subjects and messages."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from coproduction.checks.governance.GR004_ground_rules_not_easy_read import ground_rules_not_easy_read
from coproduction.models import (
    AccessNeed,
    GroundRule,
    GroundRules,
    Register,
)
from tests.builders import STAFF, USES_SERVICES, RegisterBuilder, run
from tests.checks.governance.support import AS_OF, with_rules
from tests.checks.support import _pairs


def easy_read_case(rules: GroundRules, *needs: AccessNeed | None) -> RegisterBuilder:
    b = with_rules(rules)
    for n, need in enumerate(needs):
        b.add_member(f"m{n}", USES_SERVICES, groups=["g1"], access_needs=None if need is None else frozenset({need}))
    return b


PLAIN = GroundRules(agreed=date(2025, 9, 1), rules=(GroundRule("Listen"), GroundRule("Be kind")))


def test_gr004_member_needing_easy_read_without_a_version_fires() -> None:
    b = easy_read_case(PLAIN, AccessNeed.EASY_READ, AccessNeed.EASY_READ, AccessNeed.BSL)
    [flag] = run(ground_rules_not_easy_read, b.build(), AS_OF)
    assert (
        flag.message == "2 current members of 'Group g1' need Easy Read, but its ground rules have no Easy Read version"
    )


@pytest.mark.parametrize(
    "rules",
    [
        GroundRules(agreed=date(2025, 9, 1), easy_read_document="ground-rules-easy-read.pdf"),
        GroundRules(agreed=date(2025, 9, 1), rules=(GroundRule("Listen", easy_read="We listen"),)),
    ],
)
def test_gr004_easy_read_version_is_silent(rules: GroundRules) -> None:
    assert run(ground_rules_not_easy_read, easy_read_case(rules, AccessNeed.EASY_READ).build(), AS_OF) == []


def test_gr004_one_rule_without_easy_read_wording_is_not_a_version() -> None:
    rules = GroundRules(
        agreed=date(2025, 9, 1), rules=(GroundRule("Listen", easy_read="We listen"), GroundRule("Be kind"))
    )
    assert len(run(ground_rules_not_easy_read, easy_read_case(rules, AccessNeed.EASY_READ).build(), AS_OF)) == 1


def test_gr004_nobody_needing_easy_read_is_silent() -> None:
    assert run(ground_rules_not_easy_read, easy_read_case(PLAIN, AccessNeed.LARGE_PRINT, None).build(), AS_OF) == []
    b = easy_read_case(PLAIN)
    b.add_member("gone", USES_SERVICES, groups=["g1"], access_needs=frozenset({AccessNeed.EASY_READ}), left=AS_OF)
    assert run(ground_rules_not_easy_read, b.build(), AS_OF) == []


def _easy_read_board(agreed: date) -> Register:
    b = RegisterBuilder()
    b.add_group("g1", ground_rules=GroundRules(agreed=agreed))
    b.add_member("ann", USES_SERVICES, groups=["g1"], access_needs=frozenset({AccessNeed.EASY_READ}))
    return b.build()


def test_gr004_rules_agreed_after_as_of_are_left_to_gr001() -> None:
    assert run(ground_rules_not_easy_read, _easy_read_board(AS_OF + timedelta(days=1)), AS_OF) == []
    assert _pairs(run(ground_rules_not_easy_read, _easy_read_board(AS_OF), AS_OF)) == [
        ("g1", "1 current member of 'Group g1' needs Easy Read, but its ground rules have no Easy Read version")
    ]


def test_gr004_a_group_nobody_needs_easy_read_in_does_not_stop_the_scan() -> None:
    b = RegisterBuilder()
    b.add_group("g0", ground_rules=GroundRules(agreed=date(2025, 9, 1)))
    b.add_member("bob", STAFF, groups=["g0"])
    b.add_group("g1", ground_rules=GroundRules(agreed=date(2025, 9, 1)))
    b.add_member("ann", USES_SERVICES, groups=["g1"], access_needs=frozenset({AccessNeed.EASY_READ}))
    assert _pairs(run(ground_rules_not_easy_read, b.build(), AS_OF)) == [
        ("g1", "1 current member of 'Group g1' needs Easy Read, but its ground rules have no Easy Read version")
    ]
