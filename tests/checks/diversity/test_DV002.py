"""DV002: the check fires, and stays silent, at the edges of its rule; subjects and messages."""

from __future__ import annotations

from datetime import date

from coproduction.models import (
    Characteristic,
    DiversityProfile,
    EthnicGroup,
    Membership,
    Sex,
)
from coproduction.policy import Policy
from tests.checks.acc_builders import (
    findings,
    member,
    messages,
    register,
)

ETHNICITY_ONLY = Policy(monitored_characteristics=(Characteristic.ETHNIC_GROUP,))


def board_with_unknown_ethnicity(unknown: int, total: int = 10):
    people = [
        member(f"p{n:02d}", diversity=DiversityProfile(ethnic_group=None if n < unknown else EthnicGroup.WHITE))
        for n in range(total)
    ]
    return register(members=people)


def test_dv002_exactly_the_allowed_share_is_silent():
    assert findings("DV002", board_with_unknown_ethnicity(2), policy=ETHNICITY_ONLY, internal=True) == []


def test_dv002_above_the_allowed_share_fires_with_numbers_only():
    (finding,) = findings("DV002", board_with_unknown_ethnicity(3), policy=ETHNICITY_ONLY, internal=True)
    assert finding.subject.id == "board"
    assert finding.message == (
        "Ethnic group is not known for 3 of 10 current members (30%), more than the 20% allowed."
    )
    assert "white" not in finding.message.lower()
    assert "p0" not in finding.message


def test_dv002_prefer_not_to_say_is_an_answer():
    people = [member(f"p{n}", diversity=DiversityProfile(sex=Sex.PREFER_NOT_TO_SAY)) for n in range(5)]
    policy = Policy(monitored_characteristics=(Characteristic.SEX,))
    assert findings("DV002", register(members=people), policy=policy, internal=True) == []


def test_dv002_no_profile_is_unknown_for_every_monitored_characteristic():
    people = [member("p1"), member("p2", diversity=DiversityProfile(sex=Sex.FEMALE, age=None))]
    policy = Policy(monitored_characteristics=(Characteristic.SEX, Characteristic.AGE))
    found = messages("DV002", register(members=people), policy=policy, internal=True)
    assert found == [
        "Age is not known for 2 of 2 current members (100%), more than the 20% allowed.",
        "Sex is not known for 1 of 2 current members (50%), more than the 20% allowed.",
    ]


def test_dv002_policy_threshold_and_characteristics():
    reg = board_with_unknown_ethnicity(3)
    nothing_monitored = Policy(monitored_characteristics=(), max_unknown_share=0.0)
    assert findings("DV002", reg, policy=nothing_monitored, internal=True) == []
    policy = Policy(monitored_characteristics=(Characteristic.ETHNIC_GROUP,), max_unknown_share=0.3)
    assert findings("DV002", reg, policy=policy, internal=True) == []
    # All eight characteristics: ethnic group 30%, the rest 100% unknown.
    default = messages("DV002", reg, internal=True)
    assert len(default) == len(Characteristic)


def test_dv002_only_current_members_count_and_empty_groups_are_not_judged():
    people = [member("p1", diversity=DiversityProfile(ethnic_group=EthnicGroup.ASIAN)), member("p2")]
    memberships = [
        Membership("p1", "board", started=date(2025, 1, 1)),
        Membership("p2", "board", started=date(2025, 1, 1), left=date(2026, 1, 1)),
    ]
    for listed in (memberships, []):
        reg = register(members=people, memberships=listed)
        assert findings("DV002", reg, policy=ETHNICITY_ONLY, internal=True) == []
