"""GR003: the check fires, and stays silent, at the edges of its rule; subjects and messages."""

from __future__ import annotations

from datetime import date, timedelta

from coproduction.checks.governance.GR003_ground_rules_not_acknowledged import ground_rules_not_acknowledged
from coproduction.models import (
    Acknowledgement,
    GroundRules,
)
from tests.builders import STAFF, USES_SERVICES, RegisterBuilder, run
from tests.checks.governance.support import AS_OF, with_rules
from tests.checks.support import _pairs


def acknowledged(*acks: Acknowledgement, reviewed: date | None = date(2025, 9, 1)) -> RegisterBuilder:
    b = with_rules(GroundRules(agreed=date(2025, 1, 6), reviewed=reviewed, acknowledgements=acks))
    b.add_member("ann", USES_SERVICES, groups=["g1"], name="Ann")
    b.add_member("bob", STAFF, groups=["g1"], name="Bob")
    b.add_member("cy", STAFF, groups=["g1"], name="Cy", left=date(2026, 1, 1))
    return b


def test_gr003_acknowledged_on_the_review_day_is_silent_for_that_member() -> None:
    flags = run(ground_rules_not_acknowledged, acknowledged(Acknowledgement("ann", date(2025, 9, 1))).build(), AS_OF)
    assert [(f.subject_id, f.message) for f in flags] == [
        ("bob", "Bob has not acknowledged the ground rules of 'Group g1' agreed or reviewed on 2025-09-01"),
    ]


def test_gr003_acknowledging_an_earlier_version_does_not_count() -> None:
    acks = (Acknowledgement("ann", date(2025, 8, 31)), Acknowledgement("bob", date(2025, 10, 1)))
    flags = run(ground_rules_not_acknowledged, acknowledged(*acks).build(), AS_OF)
    assert [f.subject_id for f in flags] == ["ann"]
    # Without the review, the earlier acknowledgement is of the current rules.
    assert run(ground_rules_not_acknowledged, acknowledged(*acks, reviewed=None).build(), AS_OF) == []


def test_gr003_acknowledgement_after_as_of_has_not_happened_yet() -> None:
    acks = (Acknowledgement("ann", date(2026, 3, 3)), Acknowledgement("bob", AS_OF))
    flags = run(ground_rules_not_acknowledged, acknowledged(*acks).build(), AS_OF)
    assert [f.subject_id for f in flags] == ["ann"]


def test_gr003_former_members_and_groups_without_rules_are_not_judged() -> None:
    b = with_rules(None)
    b.add_member("ann", USES_SERVICES, groups=["g1"])
    assert run(ground_rules_not_acknowledged, b.build(), AS_OF) == []
    flags = run(ground_rules_not_acknowledged, acknowledged().build(), AS_OF)
    assert "cy" not in {f.subject_id for f in flags}


def test_gr003_acknowledging_a_review_made_on_the_as_of_day() -> None:
    rules = GroundRules(
        agreed=date(2025, 1, 6),
        reviewed=AS_OF,
        acknowledgements=(Acknowledgement("ann", AS_OF), Acknowledgement("bob", date(2025, 1, 6))),
    )
    b = RegisterBuilder()
    b.add_group("g1", ground_rules=rules)
    b.add_member("ann", USES_SERVICES, groups=["g1"], name="Ann")
    b.add_member("bob", STAFF, groups=["g1"], name="Bob")
    assert _pairs(run(ground_rules_not_acknowledged, b.build(), AS_OF)) == [
        ("bob", "Bob has not acknowledged the ground rules of 'Group g1' agreed or reviewed on 2026-03-02")
    ]


def test_gr003_rules_agreed_after_as_of_ask_nobody_to_acknowledge_them() -> None:
    b = RegisterBuilder()
    later = AS_OF + timedelta(days=1)
    rules = GroundRules(agreed=later, acknowledgements=(Acknowledgement("ann", later),))
    b.add_group("g1", ground_rules=rules)
    b.add_member("ann", USES_SERVICES, groups=["g1"], name="Ann")
    b.add_member("bob", STAFF, groups=["g1"], name="Bob")
    assert run(ground_rules_not_acknowledged, b.build(), AS_OF) == []
    assert [f.subject_id for f in run(ground_rules_not_acknowledged, b.build(), later)] == ["bob"]
