"""Recruitment targets: the fewest additions, across characteristics together, stated in plain words."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coproduction.audit.analysis import GroupAudit, RowStatus, audit_group
from coproduction.audit.errors import AuditError
from coproduction.audit.targets import _plan_at, recruitment_plan
from coproduction.models import Characteristic
from coproduction.policy import Policy
from tests.audit.helpers import AS_OF, GROUP, answers, baseline, board

ETHNIC, AGE = Characteristic.ETHNIC_GROUP, Characteristic.AGE
ETHNIC_BASELINE = {ETHNIC: {"white": 70, "asian": 20, "black": 10}}
AGE_BASELINE = {AGE: {"16-24": 20, "25-34": 20, "35-49": 20, "50-64": 20, "65-74": 20}}
POLICY = Policy(monitored_characteristics=(ETHNIC, AGE))


def audit_of(member_answers: list[dict[str, str] | None], figures: dict[Characteristic, Any]) -> GroupAudit:
    policy = Policy(monitored_characteristics=tuple(figures))
    return audit_group(board(member_answers), GROUP, as_of=AS_OF, policy=policy, baseline=baseline(figures))


def test_matching_board_needs_no_one() -> None:
    plan = recruitment_plan(audit_of(answers(ETHNIC, {"white": 14, "asian": 4, "black": 2}), ETHNIC_BASELINE))
    assert (plan.feasible, plan.additions, plan.targets) == (True, 0, ())
    assert plan.sentence == "No recruitment is needed: every judged category is within tolerance."


def test_board_missing_a_group_entirely() -> None:
    plan = recruitment_plan(audit_of(answers(ETHNIC, {"white": 16, "asian": 4}), ETHNIC_BASELINE))
    assert plan.additions == 2
    assert [(t.category, t.at_least) for t in plan.targets] == [("black", 2)]
    assert plan.sentence == "Recruit at least 2 more members from a Black ethnic group."


def test_gaps_in_two_characteristics_are_closed_by_the_same_people() -> None:
    # 20 members, all White and all 35-64: Black (2 expected) and 16-24, 25-34, 65-74 (4 expected each) are short.
    member_answers = [
        {"ethnic_group": "white", "age": "35-49" if i % 2 else "50-64"} for i in range(20)
    ]
    audit = audit_of(member_answers, {**ETHNIC_BASELINE, **AGE_BASELINE})
    plan = recruitment_plan(audit)
    targets = {(t.characteristic, t.category): t.at_least for t in plan.targets}
    # Each age band needs ceil(0.5 * 0.2 * (20 + k)) members; with k = 9, that is 3 each: 9 people in all.
    assert plan.additions == 9
    assert targets[(AGE, "16-24")] == targets[(AGE, "25-34")] == targets[(AGE, "65-74")] == 3
    assert targets[(ETHNIC, "black")] == 2
    assert targets[(ETHNIC, "asian")] == 3
    assert "9 new people can cover all of these, as one person can meet several" in plan.sentence
    assert "3 more members aged 16 to 24" in plan.sentence
    assert "2 more members from a Black ethnic group" in plan.sentence


def test_mostly_unanswered_board_gets_a_caution() -> None:
    audit = audit_of(answers(ETHNIC, {"white": 3, "prefer-not-to-say": 2, None: 15}), ETHNIC_BASELINE)
    plan = recruitment_plan(audit)
    assert (plan.additions, plan.targets) == (0, ())
    assert plan.incomplete == (ETHNIC,)
    assert "Many members have not answered about ethnic group" in plan.sentence
    # Growing to 30 members: 13 who answered; Asian 2.6 and Black 1.3 expected, White 9.1.
    grown = recruitment_plan(audit, target_size=30)
    assert grown.feasible
    assert grown.additions == 10
    assert {t.category: t.at_least for t in grown.targets} == {"white": 2, "asian": 2, "black": 1}
    assert grown.sentence.startswith("To grow to 30 members, recruit 10 new people including at least")


def test_target_size_too_small_for_the_gaps() -> None:
    audit = audit_of(answers(ETHNIC, {"white": 16, "asian": 4}), ETHNIC_BASELINE)
    plan = recruitment_plan(audit, target_size=21)
    assert not plan.feasible
    assert plan.minimum_additions == 2
    assert "smallest group that can is 22 (2 more)" in plan.sentence


def test_target_size_smaller_than_the_group_is_an_error() -> None:
    audit = audit_of(answers(ETHNIC, {"white": 16, "asian": 4}), ETHNIC_BASELINE)
    with pytest.raises(AuditError, match="smaller than the group's 20 current members"):
        recruitment_plan(audit, target_size=19)


def test_impossible_ratio_is_reported() -> None:
    policy = Policy(monitored_characteristics=(ETHNIC,), min_representation_ratio=2.0)
    audit = audit_group(
        board(answers(ETHNIC, {"white": 10})),
        GROUP,
        as_of=AS_OF,
        policy=policy,
        baseline=baseline({ETHNIC: {"white": 50, "black": 50}}),
    )
    plan = recruitment_plan(audit)
    assert not plan.feasible
    assert plan.minimum_additions is None
    assert "No number of new members" in plan.sentence


CATEGORY_POOL = {ETHNIC: ("white", "asian", "black", "mixed"), AGE: ("16-24", "25-34", "50-64", "75-84")}


@st.composite
def scenarios(draw: st.DrawFn) -> tuple[list[dict[str, str] | None], dict[Characteristic, dict[str, int]]]:
    characteristics = draw(st.lists(st.sampled_from([ETHNIC, AGE]), min_size=1, max_size=2, unique=True))
    figures = {
        c: {cat: draw(st.integers(0, 50)) for cat in CATEGORY_POOL[c]} for c in characteristics
    }
    for c in characteristics:
        if sum(figures[c].values()) == 0:
            figures[c][CATEGORY_POOL[c][0]] = 1
    size = draw(st.integers(0, 25))
    member_answers: list[dict[str, str] | None] = []
    for _ in range(size):
        answer = {}
        for c in characteristics:
            choice = draw(st.sampled_from([*CATEGORY_POOL[c], "prefer-not-to-say", None]))
            if choice is not None:
                answer[c.value] = choice
        member_answers.append(answer)
    return member_answers, figures


@given(scenarios())
def test_following_the_plan_leaves_no_category_under_represented(
    scenario: tuple[list[dict[str, str] | None], dict[Characteristic, dict[str, int]]],
) -> None:
    member_answers, figures = scenario
    audit = audit_of(member_answers, figures)
    plan = recruitment_plan(audit)
    assert plan.feasible
    # No smaller number of recruits can do it.
    assert all(_plan_at(audit, k) is None for k in range(plan.additions))
    # Recruit exactly the plan: each characteristic's targets first, the rest in the largest population category.
    recruits: list[dict[str, str]] = [{} for _ in range(plan.additions)]
    for characteristic in figures:
        wanted = [t.category for t in plan.targets if t.characteristic is characteristic for _ in range(t.at_least)]
        assert len(wanted) <= plan.additions
        filler = max(figures[characteristic], key=lambda c: figures[characteristic][c])
        for recruit, category in zip(recruits, wanted + [filler] * plan.additions, strict=False):
            recruit[characteristic.value] = category
    after = audit_of([*member_answers, *recruits], figures)
    assert not [row for item in after.characteristics for row in item.rows if row.status is RowStatus.UNDER]
