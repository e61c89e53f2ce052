"""MB005: the check fires, and stays silent, at the edges of its rule; subjects and messages."""

from __future__ import annotations

from datetime import date

from coproduction.checks.membership.MB005_access_needs_not_asked import access_needs_not_asked
from coproduction.models import (
    AccessNeed,
)
from tests.builders import CARER, STAFF, RegisterBuilder, run
from tests.checks.membership.support import AS_OF
from tests.checks.support import _pairs


def test_mb005_unknown_access_needs_fire_for_current_members_only() -> None:
    b = RegisterBuilder()
    b.add_group("g1")
    b.add_member("ann", CARER, groups=["g1"], name="Ann", access_needs=None)
    b.add_member("bob", STAFF, groups=["g1"], name="Bob", access_needs=frozenset())
    b.add_member("cy", STAFF, groups=["g1"], name="Cy", access_needs=frozenset({AccessNeed.BSL}))
    b.add_member("dee", CARER, groups=["g1"], name="Dee", access_needs=None, left=date(2026, 1, 1))
    b.add_member("eve", CARER, name="Eve", access_needs=None)
    flags = run(access_needs_not_asked, b.build(), AS_OF)
    assert [(f.subject_id, f.message) for f in flags] == [("ann", "Nobody has recorded asking Ann about access needs")]


def test_mb005_a_member_who_left_does_not_stop_the_scan() -> None:
    b = RegisterBuilder()
    b.add_group("g1")
    b.add_member("gone", CARER, groups=["g1"], name="Gil", access_needs=None, left=date(2026, 1, 1))
    b.add_member("bob", STAFF, groups=["g1"], name="Bob")  # asked: no needs
    b.add_member("ann", CARER, groups=["g1"], name="Ann", access_needs=None)
    assert _pairs(run(access_needs_not_asked, b.build(), AS_OF)) == [
        ("ann", "Nobody has recorded asking Ann about access needs")
    ]
