"""DV002-DV005: each check fires, and stays silent, at the edges of its thresholds (CHECKS.md, "DV").

DV001 is tested with :mod:`coproduction.checks.representation`.
"""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given

from coproduction.checks import builtin_registry
from coproduction.models import (
    PREFER_NOT_TO_SAY,
    Characteristic,
    DiversityProfile,
    EthnicGroup,
    GroupKind,
    Membership,
    Sex,
)
from coproduction.policy import Policy, Severity
from tests.checks.acc_builders import (
    CARER,
    STAFF,
    USES,
    assert_stable,
    findings,
    group,
    member,
    messages,
    register,
    scenarios,
)

AS_OF = date(2026, 11, 1)
ETHNICITY_ONLY = Policy(monitored_characteristics=(Characteristic.ETHNIC_GROUP,))


@pytest.mark.parametrize(
    ("code", "name", "severity"),
    [
        ("DV002", "diversity-data-incomplete", Severity.INFO),
        ("DV003", "narrow-lived-experience", Severity.WARNING),
        ("DV004", "no-user-led-organisation", Severity.WARNING),
        ("DV005", "single-organisation-dominance", Severity.INFO),
    ],
)
def test_contract(code, name, severity):
    check = builtin_registry()[code]
    assert (check.name, check.severity, check.principle.value, check.subject.value) == (
        name,
        severity,
        "diversity",
        "group",
    )
    assert check.doc.sources
    for setting in check.doc.settings:
        assert hasattr(Policy(), setting), f"{code} documents an unknown setting {setting!r}"


# --- DV002 diversity-data-incomplete ---------------------------------------------------------------------------
# The exact arithmetic, in internal mode. What publishable output may say: tests/audit/test_disclosure.py.


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


# --- DV003 narrow-lived-experience -----------------------------------------------------------------------------


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


# --- DV004 no-user-led-organisation ----------------------------------------------------------------------------


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


# --- DV005 single-organisation-dominance -----------------------------------------------------------------------


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


# --- special category data -------------------------------------------------------------------------------------


def test_findings_depend_only_on_whether_an_answer_is_known():
    """Swapping every known answer for another known answer changes nothing: no finding reveals an answer."""

    def profile(answer_index: int) -> DiversityProfile:
        answers = {}
        for n, characteristic in enumerate(Characteristic):
            if n % 3 == 0:
                continue  # not known
            categories = list(characteristic.categories)
            answers[characteristic.value] = categories[answer_index % len(categories)]
        return DiversityProfile(**answers)

    def board(answer_index: int):
        return register(members=[member(f"p{n}", diversity=profile(answer_index + n)) for n in range(4)])

    codes = ["DV002", "DV003", "DV004", "DV005"]
    baseline = findings(codes, board(0))
    assert baseline, "the board should have findings to compare"
    for index in range(1, 9):
        assert findings(codes, board(index)) == baseline
    # "none" (no unpaid care) is also an ordinary English word that messages may use.
    categories = {c.value for ch in Characteristic for c in ch.categories} - {PREFER_NOT_TO_SAY, "none"}
    for finding in baseline:
        words = set(finding.message.lower().replace(",", " ").replace(".", " ").split())
        assert not words & categories, finding.message


# --- properties ----------------------------------------------------------------------------------------------


@given(scenarios())
def test_diversity_checks_never_crash_and_are_deterministic(scenario):
    assert_stable(["DV002", "DV003", "DV004", "DV005"], scenario)
