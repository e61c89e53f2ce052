"""Tests of the checks' shared machinery, moved from the mutation-gap tests."""

from __future__ import annotations

from datetime import date

import attrs

from coproduction.checks._facts import facts
from coproduction.models import (
    AccessNeed,
)
from tests.builders import STAFF, USES_SERVICES, RegisterBuilder, context
from tests.checks.support import AS_OF


def test_need_counts_of_a_meeting_outside_the_register_follow_its_expected_list() -> None:
    b = RegisterBuilder()
    b.add_group("g1")
    b.add_member("ann", USES_SERVICES, groups=["g1"], access_needs=frozenset({AccessNeed.EASY_READ}))
    b.add_member("bob", STAFF, groups=["g1"], access_needs=frozenset({AccessNeed.LARGE_PRINT}))
    listed = b.add_meeting("m1", "g1", date(2026, 2, 10), expected=("bob",))
    shared = facts(context(b.build(), AS_OF))
    # A copy is not one of the register's meetings (a plugin's own), so it is counted on its own.
    assert dict(shared.need_counts(attrs.evolve(listed))) == {AccessNeed.LARGE_PRINT: 1}
    assert dict(shared.need_counts(attrs.evolve(listed, expected=()))) == {
        AccessNeed.EASY_READ: 1,
        AccessNeed.LARGE_PRINT: 1,
    }
