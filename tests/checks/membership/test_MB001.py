"""MB001: the check fires, and stays silent, at the edges of its rule; subjects and messages."""

from __future__ import annotations

from datetime import date

from coproduction.checks.membership.MB001_lives_outside_area import lives_outside_area
from coproduction.policy import Policy
from tests.builders import CARER, RegisterBuilder, run
from tests.checks.membership.support import AS_OF


def residents(*areas: str | None, requires_residence: bool = True, **member_fields: object) -> RegisterBuilder:
    b = RegisterBuilder(area="Oxfordshire")
    b.add_group("g1", requires_residence=requires_residence)
    for n, area in enumerate(areas):
        b.add_member(f"m{n}", CARER, groups=["g1"], area=area, name=f"Person {n}", **member_fields)  # type: ignore[arg-type]
    return b


def test_mb001_member_outside_the_area_fires() -> None:
    [flag] = run(lives_outside_area, residents("Oxfordshire", "Swindon").build(), AS_OF)
    assert flag.subject_id == "m1"
    assert flag.message == (
        "Person 1 is recorded as living in 'Swindon', outside 'Oxfordshire'; this group requires residence: 'Group g1'"
    )


def test_mb001_areas_compare_without_case_or_spacing() -> None:
    assert run(lives_outside_area, residents("  oxfordSHIRE ", "Oxfordshire").build(), AS_OF) == []


def test_mb001_unknown_area_former_members_and_other_groups_are_not_judged() -> None:
    assert run(lives_outside_area, residents(None).build(), AS_OF) == []
    assert run(lives_outside_area, residents("Swindon", requires_residence=False).build(), AS_OF) == []
    assert run(lives_outside_area, residents("Swindon", left=date(2026, 1, 1)).build(), AS_OF) == []


def test_mb001_policy_area_overrides_the_register_area() -> None:
    reg = residents("West Oxfordshire").build()
    assert len(run(lives_outside_area, reg, AS_OF)) == 1
    assert run(lives_outside_area, reg, AS_OF, Policy(area="West Oxfordshire")) == []


def test_mb001_member_of_two_residence_groups_gets_one_finding() -> None:
    b = residents("Swindon")
    b.add_group("g0", requires_residence=True)
    b.join("m0", "g0")
    [flag] = run(lives_outside_area, b.build(), AS_OF)
    assert flag.message.endswith("these groups require residence: 'Group g0', 'Group g1'")
