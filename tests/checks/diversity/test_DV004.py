"""DV004: the check fires, and stays silent, at the edges of its rule; subjects and messages."""

from __future__ import annotations

from datetime import date

import pytest

from coproduction.models import (
    GroupKind,
    Membership,
)
from tests.checks.acc_builders import (
    STAFF,
    findings,
    group,
    member,
    messages,
    register,
)


@pytest.mark.parametrize(
    ("kind", "fires"),
    [
        (GroupKind.BOARD, True),
        (GroupKind.CHAMPIONS_NETWORK, True),
        (GroupKind.PARTNERSHIP_BOARD, False),
        (GroupKind.WORKING_GROUP, False),
    ],
)
def test_dv004_boards_and_champions_need_a_user_led_organisation(kind, fires):
    reg = register(members=[member("p1"), member("s1", perspectives=STAFF)], groups=[group(kind=kind)])
    assert bool(findings("DV004", reg)) is fires


def test_dv004_one_current_user_led_member_is_enough():
    people = [member("p1", organisation="Disability Voice", organisation_user_led=True), member("p2")]
    assert findings("DV004", register(members=people)) == []
    former = [
        Membership("p1", "board", started=date(2025, 1, 1), left=date(2026, 6, 1)),
        Membership("p2", "board", started=date(2025, 1, 1)),
    ]
    (message,) = messages("DV004", register(members=people, memberships=former))
    assert message == "None of the 1 current member comes from a user-led organisation."


def test_dv004_names_the_group_without_a_user_led_organisation():
    reg = register(members=[member("p1"), member("s1", perspectives=STAFF)], groups=[group()])
    (finding,) = findings("DV004", reg)
    assert (finding.subject.kind.value, finding.subject.id) == ("group", "board")
    assert finding.message == "None of the 2 current members comes from a user-led organisation."
