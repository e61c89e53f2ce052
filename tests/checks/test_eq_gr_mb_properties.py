"""Properties of the EQ, GR and MB checks over random registers: they never crash, they are deterministic, the
order of the register's lists does not matter, and diversity data never changes a finding.

The strategy is local on purpose (tests/strategies.py is shared and general); it makes small registers with
odd corners a loader would reject or that happen rarely: ids that match no member, leaving before starting,
meetings near midnight (the day depends on the policy's time zone), empty groups.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any

import attrs
from hypothesis import given
from hypothesis import strategies as st

from coproduction.checks import BUILTIN, CheckContext, CheckRegistry, Finding, run_checks
from coproduction.models import (
    AccessNeed,
    Acknowledgement,
    AgendaItem,
    Attendance,
    AttendanceStatus,
    Cadence,
    Decision,
    Disability,
    DiversityProfile,
    EthnicGroup,
    Frequency,
    GroundRule,
    GroundRules,
    Group,
    GroupKind,
    Meeting,
    MeetingStatus,
    Member,
    Membership,
    Perspective,
    Register,
    Role,
    Sex,
)
from coproduction.policy import Policy
from tests.builders import LONDON
from tests.vouched import check_any_register as check_register

FAMILIES = ("EQ", "GR", "MB")
REGISTRY = CheckRegistry(c for c in BUILTIN if c.code[:2] in FAMILIES)
DAYS = st.dates(date(2024, 1, 1), date(2026, 12, 31))
#: Meetings cluster in one year so that attendance windows and gaps have something to measure.
MEETING_DAYS = st.dates(date(2025, 6, 1), date(2026, 6, 30))
GHOST = "ghost"  # an id that matches no member


def optional(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.none() | strategy


@st.composite
def registers(draw: st.DrawFn) -> Register:
    member_ids = [f"m{n}" for n in range(draw(st.integers(0, 8)))]
    group_ids = [f"g{n}" for n in range(draw(st.integers(0, 3)))]
    someone = st.sampled_from([*member_ids, GHOST])
    members = [
        Member(
            id=member_id,
            name=f"Person {member_id}",
            perspectives=draw(st.frozensets(st.sampled_from(Perspective))),
            area=draw(st.sampled_from([None, "Oxfordshire", " oxfordshire", "Swindon"])),
            access_needs=draw(
                optional(st.frozensets(st.sampled_from([AccessNeed.EASY_READ, AccessNeed.BSL, AccessNeed.STEP_FREE])))
            ),
            diversity=draw(
                optional(
                    st.builds(
                        DiversityProfile,
                        sex=optional(st.sampled_from(Sex)),
                        ethnic_group=optional(st.sampled_from(EthnicGroup)),
                        disability=optional(st.sampled_from(Disability)),
                    )
                )
            ),
        )
        for member_id in member_ids
    ]
    groups = [
        Group(
            id=group_id,
            name=f"Group {group_id}",
            kind=draw(st.sampled_from(GroupKind)),
            purpose=draw(st.sampled_from([None, "", "To shape services"])),
            cadence=draw(optional(st.builds(Cadence, st.sampled_from(Frequency)))),
            quorum=draw(optional(st.integers(0, 6))),
            requires_residence=draw(st.booleans()),
            ground_rules=draw(
                optional(
                    st.builds(
                        GroundRules,
                        agreed=DAYS,
                        rules=st.lists(
                            st.builds(GroundRule, st.just("Listen"), optional(st.just("We listen"))), max_size=2
                        ).map(tuple),
                        reviewed=optional(DAYS),
                        easy_read_document=optional(st.just("easy-read.pdf")),
                        acknowledgements=st.lists(st.builds(Acknowledgement, someone, DAYS), max_size=4).map(tuple),
                    )
                )
            ),
        )
        for group_id in group_ids
    ]
    memberships: list[Membership] = []
    meetings: list[Meeting] = []
    if group_ids:
        a_group = st.sampled_from(group_ids)
        memberships = draw(
            st.lists(
                st.builds(
                    Membership,
                    member=someone,
                    group=a_group,
                    role=st.sampled_from(Role),
                    voting=st.booleans(),
                    started=optional(DAYS),
                    term_ends=optional(DAYS),
                    left=optional(DAYS),
                ),
                max_size=14,
            )
        )
        for n in range(draw(st.integers(0, 12))):
            start = datetime.combine(
                draw(MEETING_DAYS), time(draw(st.integers(0, 23)), draw(st.sampled_from([0, 30]))), tzinfo=LONDON
            )
            meetings.append(
                Meeting(
                    id=f"x{n}",
                    group=draw(a_group),
                    title=f"Meeting {n}",
                    start=start,
                    end=start + timedelta(minutes=draw(st.integers(30, 240))),
                    status=draw(st.sampled_from(MeetingStatus)),
                    expected=tuple(draw(st.lists(someone, max_size=4, unique=True))),
                    attendance=tuple(
                        draw(
                            st.lists(
                                st.builds(Attendance, someone, st.sampled_from(AttendanceStatus)),
                                max_size=8,
                                unique_by=lambda a: a.member,
                            )
                        )
                    ),
                    agenda=tuple(
                        draw(
                            st.lists(
                                st.builds(
                                    AgendaItem, st.just("Item"), st.lists(someone, max_size=2, unique=True).map(tuple)
                                ),
                                max_size=5,
                            )
                        )
                    ),
                    decisions=tuple(draw(st.lists(st.builds(Decision, st.just("Agreed")), max_size=2))),
                )
            )
    return Register(
        organisation="Test County Council",
        area="Oxfordshire",
        members=tuple(members),
        groups=tuple(groups),
        memberships=tuple(memberships),
        meetings=tuple(meetings),
    )


policies = st.builds(
    Policy,
    min_lived_experience_share=st.sampled_from([0.0, 0.25, 0.5, 2 / 3, 1.0]),
    min_lived_experience_share_present=st.sampled_from([0.0, 0.4, 1.0]),
    min_lived_experience_led_items=st.sampled_from([0.0, 0.25, 1.0]),
    min_lived_experience_for_decisions=st.integers(0, 3),
    require_lived_experience_chair=st.booleans(),
    ground_rules_review_months=st.integers(0, 36),
    irregular_gap_factor=st.sampled_from([1.0, 1.5, 2.0]),
    attendance_window_months=st.integers(1, 24),
    min_attendance_rate=st.sampled_from([0.0, 0.5, 1.0]),
    min_expected_meetings=st.integers(0, 4),
    area=st.sampled_from([None, "Swindon"]),
    timezone=st.sampled_from(["Europe/London", "UTC", "Pacific/Auckland"]),
)


def findings(register: Register, policy: Policy, as_of: date) -> list[Finding]:
    return run_checks(REGISTRY, CheckContext(register=register, policy=policy, as_of=as_of))


@given(registers(), policies, DAYS, st.randoms(use_true_random=False))
def test_checks_never_crash_are_deterministic_and_ignore_list_order(
    register: Register, policy: Policy, as_of: date, rng: Any
) -> None:
    first = findings(register, policy, as_of)
    assert findings(attrs.evolve(register), policy, as_of) == first  # a fresh register: no shared cached lookups
    for finding in first:
        assert finding.code[:2] in FAMILIES
        assert finding.message.strip()
        assert finding.hint.strip()

    def shuffled(items: tuple[Any, ...]) -> tuple[Any, ...]:
        out = list(items)
        rng.shuffle(out)
        return tuple(out)

    reordered = attrs.evolve(
        register,
        members=shuffled(register.members),
        groups=shuffled(register.groups),
        memberships=shuffled(register.memberships),
        meetings=shuffled(register.meetings),
    )
    assert findings(reordered, policy, as_of) == first


@given(registers(), DAYS)
def test_diversity_data_never_changes_a_finding_and_the_api_agrees(register: Register, as_of: date) -> None:
    report = check_register(register, as_of=as_of, select=FAMILIES)
    assert list(report.findings) == findings(register, Policy(), as_of)
    withheld = attrs.evolve(register, members=tuple(attrs.evolve(m, diversity=None) for m in register.members))
    assert check_register(withheld, as_of=as_of, select=FAMILIES) == report
