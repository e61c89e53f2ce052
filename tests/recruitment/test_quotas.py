"""Quotas: their words, whom they count, merging, the audit's targets, and plain words when they conflict."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coproduction.audit.targets import CategoryTarget, RecruitmentPlan
from coproduction.models.diversity import Characteristic
from coproduction.recruitment import RecruitmentError
from coproduction.recruitment.models import Applicant, QuotaEntry
from coproduction.recruitment.quotas import (
    FROM_AUDIT,
    FROM_FILE,
    PERSPECTIVE,
    Quota,
    conflicting,
    merge_quotas,
    panel_problem,
    quota_from_entry,
    quotas_from_plan,
    require_feasible,
)
from coproduction.recruitment.solver import PanelProblem, smallest_relaxation
from tests.recruitment.builders import applicant


def test_quota_words() -> None:
    assert Quota("age", "16-24", 1).words == "at least 1 seat for people aged 16 to 24"
    assert Quota(PERSPECTIVE, "carer", 0, 2).words == "at most 2 seats for people who are carers"
    assert Quota(PERSPECTIVE, "lived-experience", 2, 2).words.startswith("exactly 2 seats for people with lived")
    assert Quota("age", "65-74", 1, 3).words == "at least 1 and at most 3 seats for people aged 65 to 74"


def test_whom_a_quota_counts() -> None:
    carer = applicant("c", perspectives=["carer"], diversity={"age": "16-24"})
    staff = applicant("s", perspectives=["staff"])
    assert Quota(PERSPECTIVE, "lived-experience").counts(carer)
    assert not Quota(PERSPECTIVE, "lived-experience").counts(staff)
    assert Quota(PERSPECTIVE, "staff").counts(staff)
    assert Quota("age", "16-24").counts(carer)
    assert not Quota("age", "16-24").counts(staff)  # no answers: counted in no category
    assert not Quota("age", "25-34").counts(carer)


def test_file_entries_become_quotas() -> None:
    assert quota_from_entry(QuotaEntry(perspective="carer", at_least=1)) == Quota(PERSPECTIVE, "carer", 1, None)
    entry = QuotaEntry(characteristic="age", category="16-24", at_least=1, at_most=2)
    assert quota_from_entry(entry) == Quota("age", "16-24", 1, 2)


def test_the_audits_targets_become_lower_bounds() -> None:
    target = CategoryTarget(Characteristic.AGE, "16-24", 2)
    plan = RecruitmentPlan(5, 8, 3, (target,), True, 2)
    assert quotas_from_plan(plan) == (Quota("age", "16-24", 2, None, (FROM_AUDIT,)),)
    assert quotas_from_plan(RecruitmentPlan(5, 6, 1, (), False, 3)) == ()


def test_merging_keeps_the_strictest_bounds() -> None:
    merged = merge_quotas(
        [Quota("age", "16-24", 1, 3), Quota(PERSPECTIVE, "carer", 1)],
        [Quota("age", "16-24", 2, None, (FROM_AUDIT,)), Quota("age", "16-24", 0, 2)],
    )
    assert merged == (Quota("age", "16-24", 2, 2, (FROM_FILE, FROM_AUDIT)), Quota(PERSPECTIVE, "carer", 1))


def _pool() -> list[Applicant]:
    young = [applicant(f"y{i}", perspectives=["carer"], diversity={"age": "16-24"}) for i in range(2)]
    others = [applicant(f"o{i}", perspectives=["staff"], diversity={"age": "50-64"}) for i in range(4)]
    return young + others


def test_quotas_a_pool_can_meet_raise_nothing() -> None:
    problem = require_feasible([Quota("age", "16-24", 1, 2), Quota(PERSPECTIVE, "staff", 1)], _pool(), 3)
    assert problem.size == 6
    assert problem.lower == (1, 1)


def test_conflicting_quotas_are_named_with_the_smallest_relaxation() -> None:
    quotas = [Quota("age", "16-24", 2), Quota(PERSPECTIVE, "staff", 2)]
    with pytest.raises(RecruitmentError) as caught:
        require_feasible(quotas, _pool(), 3)
    message = str(caught.value)
    assert message.startswith("No panel of 3 from the 6 eligible applicants meets all the quotas: these quotas")
    assert "at least 2 seats for people aged 16 to 24; at least 2 seats for people who are staff." in message
    assert "The smallest change that makes a panel possible: lower" in message
    assert "to at least 1" in message
    assert "infeasible" not in message


def test_a_quota_out_of_the_conflict_is_not_named() -> None:
    quotas = [Quota(PERSPECTIVE, "carer", 0, 3), Quota("age", "16-24", 3)]
    problem = panel_problem(quotas, _pool(), 3)
    assert conflicting(problem) == (1,)
    with pytest.raises(RecruitmentError) as caught:
        require_feasible(quotas, _pool(), 3)
    assert "at least 3 seats for people aged 16 to 24 cannot be met by the eligible applicants" in str(caught.value)
    assert "carers" not in str(caught.value)


def test_quotas_that_can_be_met_have_no_conflict() -> None:
    assert conflicting(panel_problem([Quota("age", "16-24", 1)], _pool(), 3)) == ()


def test_an_upper_bound_that_must_rise_is_said_so() -> None:
    with pytest.raises(RecruitmentError, match=r'raise "at most 1 seat for people who are staff" to at most 2'):
        require_feasible([Quota(PERSPECTIVE, "staff", 0, 1)], [a for a in _pool() if a.id.startswith("o")], 2)


def test_more_seats_than_applicants_is_said_so() -> None:
    with pytest.raises(RecruitmentError, match="There are 7 seats but only 6 eligible applicants"):
        require_feasible([], _pool(), 7)


def _brute_force_minimum(problem: PanelProblem) -> int:
    best = None
    for panel in itertools.combinations(range(problem.size), problem.seats):
        total = 0
        for group, low, high in zip(problem.groups, problem.lower, problem.upper, strict=True):
            count = len(group & set(panel))
            total += max(0, low - count) + (max(0, count - high) if high is not None else 0)
        best = total if best is None else min(best, total)
    assert best is not None
    return best


@settings(max_examples=40, deadline=None)
@given(st.data())
def test_the_relaxation_is_the_smallest_and_enough(data: st.DataObject) -> None:
    size = data.draw(st.integers(2, 7))
    seats = data.draw(st.integers(1, size))
    quotas = data.draw(st.integers(0, 3))
    groups = tuple(frozenset(data.draw(st.sets(st.integers(0, size - 1)))) for _ in range(quotas))
    lower = tuple(data.draw(st.integers(0, seats)) for _ in range(quotas))
    upper = tuple(data.draw(st.none() | st.integers(low, seats)) for low in lower)
    problem = PanelProblem(size, seats, groups, lower, upper)
    relaxation = smallest_relaxation(problem)
    assert sum(relaxation.lower_by) + sum(relaxation.upper_by) == _brute_force_minimum(problem)
    relaxed = PanelProblem(
        size,
        seats,
        groups,
        tuple(low - d for low, d in zip(lower, relaxation.lower_by, strict=True)),
        tuple(None if h is None else h + u for h, u in zip(upper, relaxation.upper_by, strict=True)),
    )
    assert any(relaxed.meets_quotas(p) for p in itertools.combinations(range(size), seats))
