"""EQ001-EQ006: equality checks, with cases that fire and cases that stay silent at each threshold's edge."""

from __future__ import annotations

from datetime import date, time

import attrs
import pytest

from coproduction.api import check_register
from coproduction.checks import BUILTIN, Principle, SubjectKind
from coproduction.checks import equality as eq
from coproduction.errors import PolicyError
from coproduction.models import AgendaItem, Decision, GroupKind, MeetingStatus, Role
from coproduction.policy import Policy, Severity
from tests.builders import CARER, STAFF, USES_SERVICES, RegisterBuilder, run

AS_OF = date(2026, 3, 2)
EARLIER = date(2026, 2, 3)
LATER = date(2026, 4, 7)


def board(lived: int, staff: int, kind: GroupKind = GroupKind.BOARD) -> RegisterBuilder:
    b = RegisterBuilder()
    b.add_group("g1", kind)
    b.add_members("le", lived, USES_SERVICES, groups=["g1"])
    b.add_members("st", staff, STAFF, groups=["g1"])
    return b


@pytest.mark.parametrize(
    ("code", "name", "severity", "subject"),
    [
        ("EQ001", "lived-experience-minority", Severity.ERROR, SubjectKind.GROUP),
        ("EQ002", "no-lived-experience-chair", Severity.ERROR, SubjectKind.GROUP),
        ("EQ003", "missing-perspective", Severity.WARNING, SubjectKind.GROUP),
        ("EQ004", "staff-dominated-meeting", Severity.WARNING, SubjectKind.MEETING),
        ("EQ005", "agenda-led-by-staff-only", Severity.WARNING, SubjectKind.MEETING),
        ("EQ006", "decision-without-lived-experience", Severity.ERROR, SubjectKind.MEETING),
    ],
)
def test_contract(code: str, name: str, severity: Severity, subject: SubjectKind) -> None:
    registered = BUILTIN[code]
    assert (registered.name, registered.severity, registered.subject) == (name, severity, subject)
    assert registered.principle is Principle.EQUALITY
    assert registered.doc.sources
    assert set(registered.doc.settings) <= set(attrs.fields_dict(Policy)), "settings must name policy fields"


# EQ001 lived-experience-minority


def test_eq001_exactly_half_is_silent() -> None:
    assert run(eq.lived_experience_minority, board(5, 5).build(), AS_OF) == []


def test_eq001_just_under_half_fires() -> None:
    assert len(run(eq.lived_experience_minority, board(49, 51).build(), AS_OF)) == 1
    assert run(eq.lived_experience_minority, board(50, 50).build(), AS_OF) == []


def test_eq001_message_gives_the_numbers_and_the_hint_how_many_more() -> None:
    [flag] = run(eq.lived_experience_minority, board(3, 7).build(), AS_OF)
    assert flag.subject_id == "g1"
    assert flag.message == (
        "3 of 10 current voting members of 'Group g1' have lived experience (30%); the policy asks for at least 50%"
    )
    # (3 + 4) / (10 + 4) = 50%
    assert "4 more voting members with lived experience would reach 50%" in flag.hint


def test_eq001_carers_and_staff_who_are_carers_count_as_lived_experience() -> None:
    b = board(3, 5)
    b.add_member("carer", CARER, groups=["g1"])
    b.add_member("staff-carer", STAFF, CARER, groups=["g1"])
    assert run(eq.lived_experience_minority, b.build(), AS_OF) == []


def test_eq001_counts_only_voting_members() -> None:
    b = board(4, 5)
    b.add_member("adviser", USES_SERVICES, groups=["g1"], voting=False)
    [flag] = run(eq.lived_experience_minority, b.build(), AS_OF)
    assert flag.message.startswith("4 of 9 current voting members")


def test_eq001_counts_only_current_members() -> None:
    b = board(5, 4)
    b.add_member("gone", USES_SERVICES, groups=["g1"], left=EARLIER)
    b.add_member("future", USES_SERVICES, groups=["g1"], started=LATER)
    b.add_member("st-new", STAFF, groups=["g1"], started=EARLIER)
    b.add_member("st-extra", STAFF, groups=["g1"])
    [flag] = run(eq.lived_experience_minority, b.build(), AS_OF)
    assert flag.message.startswith("5 of 11 current voting members")
    # As of a day after the leaver left and before the newcomers: the leaver's departure is what counts.
    assert run(eq.lived_experience_minority, b.build(), date(2026, 2, 2)) == []


def test_eq001_a_member_with_two_memberships_counts_once() -> None:
    b = board(5, 5)
    b.join("st-1", "g1", role=Role.CO_CHAIR)
    assert run(eq.lived_experience_minority, b.build(), AS_OF) == []


def test_eq001_group_without_voting_members_is_not_judged() -> None:
    b = RegisterBuilder()
    b.add_group("g1")
    b.add_member("st", STAFF, groups=["g1"], voting=False)
    assert run(eq.lived_experience_minority, b.build(), AS_OF) == []


def test_eq001_policy_share_changes_the_outcome() -> None:
    reg = board(4, 6).build()
    assert run(eq.lived_experience_minority, reg, AS_OF)
    assert run(eq.lived_experience_minority, reg, AS_OF, Policy(min_lived_experience_share=0.4)) == []
    [flag] = run(eq.lived_experience_minority, board(5, 5).build(), AS_OF, Policy(min_lived_experience_share=0.6))
    assert "the policy asks for at least 60%" in flag.message


def test_eq001_share_of_one_cannot_be_reached_by_adding_members() -> None:
    [flag] = run(eq.lived_experience_minority, board(5, 1).build(), AS_OF, Policy(min_lived_experience_share=1.0))
    assert "every voting member needs lived experience" in flag.hint


# EQ002 no-lived-experience-chair


def test_eq002_lived_experience_co_chair_is_silent() -> None:
    b = board(5, 3)
    b.add_member("chair", STAFF, groups=["g1"], role=Role.CHAIR)
    b.add_member("co", CARER, groups=["g1"], role=Role.CO_CHAIR)
    assert run(eq.no_lived_experience_chair, b.build(), AS_OF) == []


@pytest.mark.parametrize("kind", [GroupKind.BOARD, GroupKind.PARTNERSHIP_BOARD])
def test_eq002_staff_chair_only_fires(kind: GroupKind) -> None:
    b = board(5, 3, kind)
    b.add_member("chair", STAFF, groups=["g1"], role=Role.CHAIR)
    [flag] = run(eq.no_lived_experience_chair, b.build(), AS_OF)
    assert flag.message == "'Group g1' has 1 current chair or co-chair, none with lived experience"


def test_eq002_no_chair_at_all_fires() -> None:
    [flag] = run(eq.no_lived_experience_chair, board(5, 3).build(), AS_OF)
    assert flag.message == "'Group g1' has no current chair or co-chair"


def test_eq002_a_former_lived_experience_chair_does_not_count() -> None:
    b = board(5, 3)
    b.add_member("co", CARER, groups=["g1"], role=Role.CO_CHAIR, left=EARLIER)
    assert len(run(eq.no_lived_experience_chair, b.build(), AS_OF)) == 1
    assert run(eq.no_lived_experience_chair, b.build(), date(2026, 2, 2)) == []


@pytest.mark.parametrize(
    "kind", [GroupKind.CHAMPIONS_NETWORK, GroupKind.WORKING_GROUP, GroupKind.FOCUS_GROUP, GroupKind.SPEAK_OUT_GROUP]
)
def test_eq002_other_kinds_of_group_are_not_judged(kind: GroupKind) -> None:
    assert run(eq.no_lived_experience_chair, board(5, 3, kind).build(), AS_OF) == []


def test_eq002_policy_can_turn_it_off() -> None:
    policy = Policy(require_lived_experience_chair=False)
    assert run(eq.no_lived_experience_chair, board(5, 3).build(), AS_OF, policy) == []


# EQ003 missing-perspective


def test_eq003_board_with_every_perspective_is_silent() -> None:
    b = board(2, 2)
    b.add_member("carer", CARER, groups=["g1"], voting=False)
    assert run(eq.missing_perspective, b.build(), AS_OF) == []


def test_eq003_fires_once_per_missing_perspective() -> None:
    flags = run(eq.missing_perspective, board(0, 3).build(), AS_OF)
    assert [f.message for f in flags] == [
        "'Group g1' has no current member who uses services; the policy asks a board for this perspective",
        "'Group g1' has no current member who is a carer or family member; the policy asks a board for this "
        "perspective",
    ]
    assert {f.subject_id for f in flags} == {"g1"}


def test_eq003_former_member_does_not_hold_the_perspective() -> None:
    b = board(2, 2)
    b.add_member("carer", CARER, groups=["g1"], left=EARLIER)
    [flag] = run(eq.missing_perspective, b.build(), AS_OF)
    assert "carer" in flag.message


def test_eq003_kinds_without_requirements_are_not_judged_unless_the_policy_says() -> None:
    reg = board(0, 3, GroupKind.FOCUS_GROUP).build()
    assert run(eq.missing_perspective, reg, AS_OF) == []
    policy = Policy(required_perspectives={GroupKind.FOCUS_GROUP: frozenset({CARER})})
    [flag] = run(eq.missing_perspective, reg, AS_OF, policy)
    assert "focus group" in flag.message
    assert run(eq.missing_perspective, board(0, 3).build(), AS_OF, policy) == []


# EQ004 staff-dominated-meeting


def meeting_with(lived_present: int, staff_present: int, **fields: object) -> RegisterBuilder:
    b = board(10, 10)
    present = [f"le-{n}" for n in range(1, lived_present + 1)] + [f"st-{n}" for n in range(1, staff_present + 1)]
    b.add_meeting("m1", "g1", fields.pop("day", EARLIER), present=present, **fields)  # type: ignore[arg-type]
    return b


def test_eq004_exactly_the_share_is_silent() -> None:
    assert run(eq.staff_dominated_meeting, meeting_with(2, 3).build(), AS_OF) == []


def test_eq004_under_the_share_fires_with_the_numbers() -> None:
    [flag] = run(eq.staff_dominated_meeting, meeting_with(1, 2).build(), AS_OF)
    assert flag.subject_id == "m1"
    assert flag.message == (
        "1 of 3 people present at 'Meeting m1' on 2026-02-03 had lived experience (33.3%); "
        "the policy asks for at least 40%"
    )


def test_eq004_apologies_and_absences_are_not_presence() -> None:
    b = board(10, 10)
    b.add_meeting("m1", "g1", EARLIER, present=["le-1", "st-1", "st-2"], apologies=["le-2", "le-3"], absent=["le-4"])
    assert len(run(eq.staff_dominated_meeting, b.build(), AS_OF)) == 1


@pytest.mark.parametrize(
    ("day", "status"),
    [(LATER, MeetingStatus.HELD), (EARLIER, MeetingStatus.SCHEDULED), (EARLIER, MeetingStatus.CANCELLED)],
)
def test_eq004_only_held_meetings_up_to_as_of_are_judged(day: date, status: MeetingStatus) -> None:
    assert run(eq.staff_dominated_meeting, meeting_with(0, 5, day=day, status=status).build(), AS_OF) == []


def test_eq004_meeting_on_the_as_of_date_is_judged() -> None:
    assert len(run(eq.staff_dominated_meeting, meeting_with(0, 5, day=AS_OF).build(), AS_OF)) == 1


def test_eq004_meeting_with_nobody_recorded_is_not_judged() -> None:
    assert run(eq.staff_dominated_meeting, meeting_with(0, 0).build(), AS_OF) == []


def test_eq004_policy_share_changes_the_outcome() -> None:
    reg = meeting_with(1, 2).build()
    assert run(eq.staff_dominated_meeting, reg, AS_OF, Policy(min_lived_experience_share_present=1 / 3)) == []
    assert (
        len(
            run(
                eq.staff_dominated_meeting,
                meeting_with(2, 3).build(),
                AS_OF,
                Policy(min_lived_experience_share_present=0.5),
            )
        )
        == 1
    )


# EQ005 agenda-led-by-staff-only


def agenda(*leads: tuple[str, ...]) -> tuple[AgendaItem, ...]:
    return tuple(AgendaItem(f"Item {n}", leads=lead) for n, lead in enumerate(leads, start=1))


def test_eq005_exactly_a_quarter_is_silent() -> None:
    b = board(3, 3)
    b.add_meeting("m1", "g1", EARLIER, agenda=agenda(("le-1",), ("st-1",), ("st-2",), ("st-3",)))
    assert run(eq.agenda_led_by_staff_only, b.build(), AS_OF) == []


def test_eq005_under_a_quarter_fires_and_counts_unled_items() -> None:
    b = board(3, 3)
    b.add_meeting("m1", "g1", EARLIER, agenda=agenda(("le-1",), ("st-1",), ("st-2",), ("st-3",), ()))
    [flag] = run(eq.agenda_led_by_staff_only, b.build(), AS_OF)
    assert flag.message == (
        "1 of 5 agenda items at 'Meeting m1' on 2026-02-03 is led or co-led by a member with lived experience "
        "(20%) (1 item with no lead recorded); the policy asks for at least 25%"
    )


def test_eq005_co_led_items_count() -> None:
    b = board(3, 3)
    b.add_meeting("m1", "g1", EARLIER, agenda=agenda(("st-1", "le-1"), ("st-1",), ("st-2",), ("st-3",)))
    assert run(eq.agenda_led_by_staff_only, b.build(), AS_OF) == []


@pytest.mark.parametrize(
    ("day", "status", "judged"),
    [
        (EARLIER, MeetingStatus.HELD, True),
        (AS_OF, MeetingStatus.HELD, True),
        (LATER, MeetingStatus.HELD, False),
        (LATER, MeetingStatus.SCHEDULED, True),
        (AS_OF, MeetingStatus.SCHEDULED, True),
        (EARLIER, MeetingStatus.SCHEDULED, False),
        (EARLIER, MeetingStatus.CANCELLED, False),
        (LATER, MeetingStatus.CANCELLED, False),
    ],
)
def test_eq005_which_meetings_are_judged(day: date, status: MeetingStatus, judged: bool) -> None:
    b = board(3, 3)
    b.add_meeting("m1", "g1", day, status=status, agenda=agenda(("st-1",), ("st-2",)))
    assert len(run(eq.agenda_led_by_staff_only, b.build(), AS_OF)) == int(judged)


def test_eq005_meeting_without_agenda_is_silent() -> None:
    b = board(3, 3)
    b.add_meeting("m1", "g1", EARLIER)
    assert run(eq.agenda_led_by_staff_only, b.build(), AS_OF) == []


def test_eq005_policy_share_changes_the_outcome() -> None:
    b = board(3, 3)
    b.add_meeting("m1", "g1", EARLIER, agenda=agenda(("st-1",), ("st-2",)))
    assert run(eq.agenda_led_by_staff_only, b.build(), AS_OF, Policy(min_lived_experience_led_items=0.0)) == []


# EQ006 decision-without-lived-experience


def decided(present: list[str], quorum: int | None = None, **fields: object) -> RegisterBuilder:
    b = RegisterBuilder()
    b.add_group("g1", quorum=quorum)
    b.add_members("le", 5, USES_SERVICES, groups=["g1"])
    b.add_members("st", 5, STAFF, groups=["g1"])
    fields.setdefault("decisions", (Decision("Approve the day services plan"),))
    b.add_meeting("m1", "g1", fields.pop("day", EARLIER), present=present, **fields)  # type: ignore[arg-type]
    return b


def test_eq006_two_lived_experience_members_present_is_silent() -> None:
    assert run(eq.decision_without_lived_experience, decided(["le-1", "le-2", "st-1"]).build(), AS_OF) == []


def test_eq006_one_lived_experience_member_present_fires() -> None:
    [flag] = run(eq.decision_without_lived_experience, decided(["le-1", "st-1", "st-2"]).build(), AS_OF)
    assert flag.subject_id == "m1"
    assert flag.message == (
        "1 decision recorded at 'Meeting m1' on 2026-02-03 while 1 member with lived experience was present "
        "(the policy asks for at least 2)"
    )


def test_eq006_under_quorum_fires_and_both_reasons_are_given() -> None:
    present = ["le-1", "le-2", "st-1"]
    assert run(eq.decision_without_lived_experience, decided(present, quorum=3).build(), AS_OF) == []
    [flag] = run(eq.decision_without_lived_experience, decided(present, quorum=4).build(), AS_OF)
    assert flag.message.endswith("while 3 members were present, under the group's quorum of 4")
    [both] = run(eq.decision_without_lived_experience, decided(["st-1"], quorum=4).build(), AS_OF)
    assert "0 members with lived experience were present" in both.message
    assert "under the group's quorum of 4" in both.message


def test_eq006_meetings_without_decisions_or_after_as_of_are_silent() -> None:
    assert run(eq.decision_without_lived_experience, decided(["st-1"], decisions=()).build(), AS_OF) == []
    assert run(eq.decision_without_lived_experience, decided(["st-1"], day=LATER).build(), AS_OF) == []
    scheduled = decided(["st-1"], status=MeetingStatus.SCHEDULED).build()
    assert run(eq.decision_without_lived_experience, scheduled, AS_OF) == []


def test_eq006_policy_minimum_changes_the_outcome() -> None:
    reg = decided(["le-1", "st-1"]).build()
    assert run(eq.decision_without_lived_experience, reg, AS_OF, Policy(min_lived_experience_for_decisions=1)) == []
    reg = decided(["le-1", "le-2", "st-1"]).build()
    assert len(run(eq.decision_without_lived_experience, reg, AS_OF, Policy(min_lived_experience_for_decisions=3)))


# Through the public API


def test_api_select_eq_runs_the_equality_family_only() -> None:
    b = board(1, 5)  # minority, no chair, no carer
    b.add_meeting("m1", "g1", EARLIER, present=["st-1", "st-2", "le-1"], decisions=(Decision("Agree budget"),))
    report = check_register(b.build(), as_of=AS_OF, select=["EQ"])
    codes = [(f.code, f.subject.id) for f in report.findings]
    assert codes == [
        ("EQ001", "g1"),
        ("EQ002", "g1"),
        ("EQ003", "g1"),
        ("EQ004", "m1"),
        ("EQ006", "m1"),
    ]
    assert report.summary == {"error": 3, "warning": 2, "info": 0}
    direct = run(eq.lived_experience_minority, b.build(), AS_OF)
    assert [f.message for f in report.findings if f.code == "EQ001"] == [f.message for f in direct]


def test_api_policy_severity_override_applies() -> None:
    policy = Policy(severity={"EQ001": Severity.INFO})
    report = check_register(board(1, 5).build(), as_of=AS_OF, select=["EQ001"], policy=policy)
    assert [f.severity for f in report.findings] == [Severity.INFO]


def test_messages_do_not_change_when_diversity_data_changes() -> None:
    from coproduction.models import DiversityProfile, EthnicGroup, Religion, Sex

    b = board(1, 5)
    b.add_meeting("m1", "g1", EARLIER, present=["st-1", "le-1"], decisions=(Decision("Agree budget"),))
    plain = b.build()
    profile = DiversityProfile(sex=Sex.FEMALE, ethnic_group=EthnicGroup.BLACK, religion=Religion.MUSLIM)
    private = attrs.evolve(plain, members=tuple(attrs.evolve(m, diversity=profile) for m in plain.members))
    assert check_register(plain, as_of=AS_OF, select=["EQ"]) == check_register(private, as_of=AS_OF, select=["EQ"])


def test_meeting_dates_are_taken_in_the_policy_time_zone() -> None:
    # 00:30 London time on 2 July is 23:30 UTC on 1 July (British Summer Time).
    b = board(10, 10)
    b.add_meeting("m1", "g1", date(2026, 7, 2), start=time(0, 30), present=["st-1", "st-2"])
    reg = b.build()
    assert run(eq.staff_dominated_meeting, reg, date(2026, 7, 1)) == []
    [flag] = run(eq.staff_dominated_meeting, reg, date(2026, 7, 1), Policy(timezone="UTC"))
    assert "'Meeting m1' on 2026-07-01" in flag.message


def test_an_unknown_time_zone_is_a_policy_error() -> None:
    b = board(1, 1)
    b.add_meeting("m1", "g1", EARLIER, present=["st-1"])
    with pytest.raises(PolicyError, match=r"\$\.timezone.*'Mars/Olympus' is not a known time zone"):
        run(eq.staff_dominated_meeting, b.build(), AS_OF, Policy(timezone="Mars/Olympus"))
