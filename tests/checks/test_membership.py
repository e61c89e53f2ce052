"""MB001-MB005: membership checks, with cases that fire and cases that stay silent at each threshold's edge."""

from __future__ import annotations

from datetime import date, timedelta

import attrs
import pytest

from coproduction.api import check_register
from coproduction.checks import BUILTIN, Principle, SubjectKind
from coproduction.checks import membership as mb
from coproduction.models import AccessNeed, GroupKind, Role
from coproduction.policy import Policy, Severity, SizeRange
from tests.builders import CARER, STAFF, USES_SERVICES, RegisterBuilder, run

AS_OF = date(2026, 3, 2)


@pytest.mark.parametrize(
    ("code", "name", "severity", "subject"),
    [
        ("MB001", "lives-outside-area", Severity.WARNING, SubjectKind.MEMBER),
        ("MB002", "low-attendance", Severity.INFO, SubjectKind.MEMBER),
        ("MB003", "term-expired", Severity.WARNING, SubjectKind.MEMBER),
        ("MB004", "group-size-out-of-range", Severity.WARNING, SubjectKind.GROUP),
        ("MB005", "access-needs-not-asked", Severity.INFO, SubjectKind.MEMBER),
    ],
)
def test_contract(code: str, name: str, severity: Severity, subject: SubjectKind) -> None:
    registered = BUILTIN[code]
    assert (registered.name, registered.severity, registered.subject) == (name, severity, subject)
    assert registered.principle is Principle.MEMBERSHIP
    assert registered.doc.sources
    assert set(registered.doc.settings) <= set(attrs.fields_dict(Policy)), "settings must name policy fields"


# MB001 lives-outside-area


def residents(*areas: str | None, requires_residence: bool = True, **member_fields: object) -> RegisterBuilder:
    b = RegisterBuilder(area="Oxfordshire")
    b.add_group("g1", requires_residence=requires_residence)
    for n, area in enumerate(areas):
        b.add_member(f"m{n}", CARER, groups=["g1"], area=area, name=f"Person {n}", **member_fields)  # type: ignore[arg-type]
    return b


def test_mb001_member_outside_the_area_fires() -> None:
    [flag] = run(mb.lives_outside_area, residents("Oxfordshire", "Swindon").build(), AS_OF)
    assert flag.subject_id == "m1"
    assert flag.message == (
        "Person 1 is recorded as living in 'Swindon', outside 'Oxfordshire'; this group requires residence: 'Group g1'"
    )


def test_mb001_areas_compare_without_case_or_spacing() -> None:
    assert run(mb.lives_outside_area, residents("  oxfordSHIRE ", "Oxfordshire").build(), AS_OF) == []


def test_mb001_unknown_area_former_members_and_other_groups_are_not_judged() -> None:
    assert run(mb.lives_outside_area, residents(None).build(), AS_OF) == []
    assert run(mb.lives_outside_area, residents("Swindon", requires_residence=False).build(), AS_OF) == []
    assert run(mb.lives_outside_area, residents("Swindon", left=date(2026, 1, 1)).build(), AS_OF) == []


def test_mb001_policy_area_overrides_the_register_area() -> None:
    reg = residents("West Oxfordshire").build()
    assert len(run(mb.lives_outside_area, reg, AS_OF)) == 1
    assert run(mb.lives_outside_area, reg, AS_OF, Policy(area="West Oxfordshire")) == []


def test_mb001_member_of_two_residence_groups_gets_one_finding() -> None:
    b = residents("Swindon")
    b.add_group("g0", requires_residence=True)
    b.join("m0", "g0")
    [flag] = run(mb.lives_outside_area, b.build(), AS_OF)
    assert flag.message.endswith("these groups require residence: 'Group g0', 'Group g1'")


# MB002 low-attendance


def monthly_board(present_at: int, meetings: int = 12, **fields: object) -> RegisterBuilder:
    """A board meeting monthly up to as-of; member "ann" present at the first ``present_at`` meetings."""
    b = RegisterBuilder()
    b.add_group("g1")
    b.add_member("ann", CARER, groups=["g1"], name="Ann", **fields)  # type: ignore[arg-type]
    b.add_member("bob", STAFF, groups=["g1"], name="Bob")
    for n in range(meetings):
        day = date(2026, 2, 10) - timedelta(days=30 * n)
        b.add_meeting(f"m{n:02}", "g1", day, present=["bob", *(["ann"] if n < present_at else [])])
    return b


def test_mb002_exactly_half_is_silent_and_under_half_fires() -> None:
    assert run(mb.low_attendance, monthly_board(6).build(), AS_OF) == []
    [flag] = run(mb.low_attendance, monthly_board(5).build(), AS_OF)
    assert flag.subject_id == "ann"
    assert flag.message == (
        "Ann was present at 5 of the 12 meetings of 'Group g1' they were expected at in the 12 months to 2026-03-02 "
        "(41.7%); "
        "the policy looks for at least 50%"
    )


def test_mb002_hint_offers_support_never_removal() -> None:
    [flag] = run(mb.low_attendance, monthly_board(0).build(), AS_OF)
    assert "ask what would help" in flag.hint
    assert "support" in flag.hint
    assert "not a step towards removal" in flag.hint
    assert "remove " not in flag.hint.lower()


def test_mb002_apologies_are_reported_but_are_not_presence() -> None:
    b = monthly_board(0, meetings=3)
    b.add_meeting("extra", "g1", date(2026, 2, 20), present=["bob"], apologies=["ann"])
    [flag] = run(mb.low_attendance, b.build(), AS_OF)
    assert "present at 0 of the 4 meetings" in flag.message
    assert "(0%, with apologies for 1)" in flag.message


def test_mb002_needs_enough_expected_meetings() -> None:
    assert run(mb.low_attendance, monthly_board(0, meetings=2).build(), AS_OF) == []
    assert len(run(mb.low_attendance, monthly_board(0, meetings=3).build(), AS_OF)) == 1
    policy = Policy(min_expected_meetings=4)
    assert run(mb.low_attendance, monthly_board(0, meetings=3).build(), AS_OF, policy) == []


def test_mb002_no_expected_meetings_is_never_judged_even_with_a_minimum_of_zero() -> None:
    # Found by the Hypothesis property: a division by zero when the policy asks for no minimum.
    b = monthly_board(0, meetings=3, started=date(2026, 2, 20))
    assert run(mb.low_attendance, b.build(), AS_OF, Policy(min_expected_meetings=0)) == []
    assert len(run(mb.low_attendance, monthly_board(0, meetings=1).build(), AS_OF, Policy(min_expected_meetings=0)))


def test_mb002_counts_only_meetings_in_the_window() -> None:
    # 14 monthly meetings reach back to 2025-01-14; only the 12 since 2025-03-02 count.
    [flag] = run(mb.low_attendance, monthly_board(0, meetings=14).build(), AS_OF)
    assert "present at 0 of the 12 meetings" in flag.message
    policy = Policy(attendance_window_months=2)
    [flag] = run(
        mb.low_attendance,
        monthly_board(0, meetings=14).build(),
        AS_OF,
        Policy(attendance_window_months=3, min_expected_meetings=3),
    )
    assert "present at 0 of the 3 meetings" in flag.message
    assert run(mb.low_attendance, monthly_board(0, meetings=14).build(), AS_OF, policy) == []


def test_mb002_a_member_is_only_expected_once_they_have_joined() -> None:
    # Joined 2025-11-01: expected at 4 meetings (Nov, Dec, Jan, Feb), present at 2 -> 50%, silent.
    b = monthly_board(2, started=date(2025, 11, 1))
    assert run(mb.low_attendance, b.build(), AS_OF) == []


def test_mb002_a_meeting_that_lists_who_was_expected_decides() -> None:
    b = monthly_board(0, meetings=3)
    for n in range(3):
        b.add_meeting(f"sub{n}", "g1", date(2026, 2, 1) - timedelta(days=n), present=["bob"], expected=("bob",))
    [flag] = run(mb.low_attendance, b.build(), AS_OF)
    assert "of the 3 meetings" in flag.message
    b = monthly_board(3, meetings=3)
    for n in range(4):
        b.add_meeting(f"xp{n}", "g1", date(2026, 2, 1) - timedelta(days=n), present=["bob"], expected=("ann", "bob"))
    [flag] = run(mb.low_attendance, b.build(), AS_OF)
    assert "present at 3 of the 7 meetings" in flag.message


def test_mb002_policy_rate_changes_the_outcome() -> None:
    assert run(mb.low_attendance, monthly_board(4).build(), AS_OF, Policy(min_attendance_rate=1 / 3)) == []
    assert len(run(mb.low_attendance, monthly_board(6).build(), AS_OF, Policy(min_attendance_rate=0.75))) == 1


def test_mb002_former_members_are_not_judged() -> None:
    assert run(mb.low_attendance, monthly_board(0, left=date(2026, 2, 15)).build(), AS_OF) == []


# MB003 term-expired


@pytest.mark.parametrize(
    ("term_ends", "left", "fires"),
    [
        (date(2026, 3, 1), None, True),
        (AS_OF, None, False),
        (None, None, False),
        (date(2026, 3, 1), date(2026, 3, 1), False),
        (date(2026, 1, 1), date(2026, 4, 1), True),
    ],
)
def test_mb003_term_ended_but_still_listed(term_ends: date | None, left: date | None, fires: bool) -> None:
    b = RegisterBuilder()
    b.add_group("g1")
    b.add_member("ann", CARER, groups=["g1"], name="Ann", role=Role.CO_CHAIR, term_ends=term_ends, left=left)
    flags = run(mb.term_expired, b.build(), AS_OF)
    if fires:
        assert [(f.subject_id, f.message) for f in flags] == [
            (
                "ann",
                f"Ann's term as co-chair of 'Group g1' ended on {term_ends}, "
                "but they are still listed as a current member",
            )
        ]
    else:
        assert flags == []


# MB004 group-size-out-of-range


@pytest.mark.parametrize(("size", "fires"), [(7, "fewer than the 8"), (8, None), (24, None), (25, "more than the 24")])
def test_mb004_board_size_edges(size: int, fires: str | None) -> None:
    b = RegisterBuilder()
    b.add_group("g1", GroupKind.BOARD)
    b.add_members("m", size, USES_SERVICES, groups=["g1"])
    flags = run(mb.group_size_out_of_range, b.build(), AS_OF)
    if fires:
        [flag] = flags
        assert flag.message.startswith(f"'Group g1' has {size} current members, {fires}")
    else:
        assert flags == []


def test_mb004_counts_current_distinct_members() -> None:
    b = RegisterBuilder()
    b.add_group("g1", GroupKind.WORKING_GROUP)
    b.add_members("m", 2, USES_SERVICES, groups=["g1"])
    b.join("m-1", "g1", role=Role.CHAIR)  # a second membership: still one member
    b.add_member("gone", STAFF, groups=["g1"], left=date(2026, 1, 1))
    b.add_member("later", STAFF, groups=["g1"], started=date(2026, 3, 3))
    [flag] = run(mb.group_size_out_of_range, b.build(), AS_OF)
    assert flag.message == "'Group g1' has 2 current members, fewer than the 3 the policy asks of a working group"
    assert run(mb.group_size_out_of_range, b.build(), date(2026, 3, 3)) == []
    [empty] = run(mb.group_size_out_of_range, RegisterBuilder(groups=b.groups).build(), AS_OF)
    assert empty.message.startswith("'Group g1' has 0 current members")


def test_mb004_policy_sizes_change_the_outcome() -> None:
    b = RegisterBuilder()
    b.add_group("g1", GroupKind.FOCUS_GROUP)
    b.add_members("m", 2, USES_SERVICES, groups=["g1"])
    assert len(run(mb.group_size_out_of_range, b.build(), AS_OF)) == 1
    assert (
        run(mb.group_size_out_of_range, b.build(), AS_OF, Policy(group_sizes={GroupKind.FOCUS_GROUP: SizeRange(2, 4)}))
        == []
    )
    # A kind the policy gives no range is not judged.
    assert run(mb.group_size_out_of_range, b.build(), AS_OF, Policy(group_sizes={})) == []


# MB005 access-needs-not-asked


def test_mb005_unknown_access_needs_fire_for_current_members_only() -> None:
    b = RegisterBuilder()
    b.add_group("g1")
    b.add_member("ann", CARER, groups=["g1"], name="Ann", access_needs=None)
    b.add_member("bob", STAFF, groups=["g1"], name="Bob", access_needs=frozenset())
    b.add_member("cy", STAFF, groups=["g1"], name="Cy", access_needs=frozenset({AccessNeed.BSL}))
    b.add_member("dee", CARER, groups=["g1"], name="Dee", access_needs=None, left=date(2026, 1, 1))
    b.add_member("eve", CARER, name="Eve", access_needs=None)
    flags = run(mb.access_needs_not_asked, b.build(), AS_OF)
    assert [(f.subject_id, f.message) for f in flags] == [("ann", "Nobody has recorded asking Ann about access needs")]


# Through the public API


def test_api_select_mb_runs_the_membership_family_only() -> None:
    b = monthly_board(0, meetings=3, access_needs=None, area="Swindon", term_ends=date(2026, 1, 1))
    b.groups[0] = RegisterBuilder().add_group("g1", requires_residence=True)
    report = check_register(b.build(), as_of=AS_OF, select=["MB"])
    assert [(f.code, f.subject.id) for f in report.findings] == [
        ("MB004", "g1"),
        ("MB001", "ann"),
        ("MB002", "ann"),
        ("MB003", "ann"),
        ("MB005", "ann"),
    ]
    assert report.summary == {"error": 0, "warning": 3, "info": 2}


def test_mb002_the_window_includes_its_first_day() -> None:
    b = monthly_board(0, meetings=2)
    b.add_meeting("first-day", "g1", date(2025, 3, 2), present=["bob"])
    [flag] = run(mb.low_attendance, b.build(), AS_OF)
    assert "present at 0 of the 3 meetings" in flag.message
    # A day later the window starts on 2025-03-03: 2 meetings expected, under the minimum of 3.
    assert run(mb.low_attendance, b.build(), date(2026, 3, 3)) == []
