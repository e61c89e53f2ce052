"""DV003: the check fires, and stays silent, at the edges of its rule; subjects and messages."""

from __future__ import annotations

from coproduction.checks.diversity.DV003_narrow_lived_experience import narrow_lived_experience
from coproduction.models import Perspective
from coproduction.policy import Policy
from tests.builders import USES_SERVICES, RegisterBuilder, run
from tests.checks.acc_builders import (
    CARER,
    STAFF,
    USES,
    findings,
    member,
    messages,
    register,
)
from tests.checks.support import AS_OF, _pairs


def lived(member_id: str, *areas: str, perspectives=USES):
    return member(member_id, perspectives=perspectives, service_areas=frozenset(areas))


def test_dv003_three_service_areas_are_enough():
    people = [
        lived("p1", "mental health"),
        lived("p2", "learning disability"),
        lived("p3", "older people", perspectives=CARER),
    ]
    assert findings("DV003", register(members=people)) == []


def test_dv003_two_service_areas_fire_without_naming_them():
    people = [lived("p1", "mental health", "carers"), lived("p2", "Mental Health "), lived("p3")]
    (finding,) = findings("DV003", register(members=people))
    assert finding.message == "The 3 current lived-experience members cover 2 service areas; at least 3 are expected."
    assert "mental" not in finding.message.lower()


def test_dv003_staff_areas_do_not_count_and_policy_override():
    people = [
        lived("p1", "mental health"),
        lived("p2", "older people"),
        lived("s1", "learning disability", perspectives=STAFF),
    ]
    assert len(findings("DV003", register(members=people))) == 1
    assert findings("DV003", register(members=people), policy=Policy(min_service_areas=2)) == []


def test_dv003_group_with_no_lived_experience_members_fires():
    (message,) = messages("DV003", register(members=[lived("s1", "carers", perspectives=STAFF)]))
    assert message == "The 0 current lived-experience members cover 0 service areas; at least 3 are expected."


def test_dv003_blank_service_areas_do_not_count() -> None:
    b = RegisterBuilder()
    b.add_group("g1")
    b.add_member("p1", USES_SERVICES, groups=["g1"], service_areas=frozenset({"mental health", " "}))
    b.add_member("p2", Perspective.CARER, groups=["g1"], service_areas=frozenset({"carers", ""}))
    assert _pairs(run(narrow_lived_experience, b.build(), AS_OF)) == [
        ("g1", "The 2 current lived-experience members cover 2 service areas; at least 3 are expected.")
    ]
    b.add_member("p3", USES_SERVICES, groups=["g1"], service_areas=frozenset({"older people"}))
    assert run(narrow_lived_experience, b.build(), AS_OF) == []
