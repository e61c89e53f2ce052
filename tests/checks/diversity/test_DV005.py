"""DV005: the check fires, and stays silent, at the edges of its rule; subjects and messages."""

from __future__ import annotations

from coproduction.checks.diversity.DV005_single_organisation_dominance import single_organisation_dominance
from coproduction.models import Perspective
from coproduction.policy import Policy
from tests.builders import RegisterBuilder, run
from tests.checks.acc_builders import (
    STAFF,
    findings,
    member,
    register,
)
from tests.checks.support import AS_OF, _pairs


def staff(member_id: str, organisation: str | None):
    return member(member_id, perspectives=STAFF, organisation=organisation)


def test_dv005_half_is_allowed_more_fires():
    half = [staff("s1", "County Council"), staff("s2", "County Council"), staff("s3", "NHS"), staff("s4", "Charity")]
    assert findings("DV005", register(members=half)) == []
    more = [*half[:2], staff("s3", "county council "), staff("s4", "NHS")]
    (finding,) = findings("DV005", register(members=more))
    assert finding.message == "County Council provides 3 of the 4 staff members (75%), more than the 50% allowed."


def test_dv005_only_staff_count_and_unknown_organisations_count_in_total():
    people = [
        staff("s1", "County Council"),
        staff("s2", None),
        member("p1", organisation="County Council"),
        member("p2", organisation="County Council"),
    ]
    assert findings("DV005", register(members=people)) == []
    assert findings("DV005", register(members=[member("p1", organisation="County Council")])) == []


def test_dv005_policy_override():
    people = [staff("s1", "A"), staff("s2", "A"), staff("s3", "B")]
    assert len(findings("DV005", register(members=people))) == 1
    assert findings("DV005", register(members=people), policy=Policy(max_organisation_share=0.7)) == []


def test_dv005_an_organisation_within_the_limit_does_not_stop_the_scan() -> None:
    b = RegisterBuilder()
    b.add_group("g0")
    b.add_member("ann", Perspective.CARER, groups=["g0"])  # no staff: not judged
    b.add_group("g1")
    b.add_member("s1", Perspective.STAFF, groups=["g1"], organisation="Alpha Trust")
    for n in range(2, 5):
        b.add_member(f"s{n}", Perspective.STAFF, groups=["g1"], organisation="Zeta Council")
    assert _pairs(run(single_organisation_dominance, b.build(), AS_OF)) == [
        ("g1", "Zeta Council provides 3 of the 4 staff members (75%), more than the 50% allowed.")
    ]
