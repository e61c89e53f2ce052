"""The audit's arithmetic: tallies, expected counts, ratios, gaps and the diversity index."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coproduction.audit.analysis import (
    RowStatus,
    additions_to_reach,
    audit_group,
    gini_simpson,
    tally,
)
from coproduction.audit.errors import AuditError
from coproduction.models import Characteristic
from coproduction.policy import Policy
from tests.audit.helpers import AS_OF, GROUP, answers, baseline, board

ETHNIC = Characteristic.ETHNIC_GROUP
#: 70% White, 20% Asian, 10% Black; no one Mixed or Other.
ETHNIC_BASELINE = baseline({ETHNIC: {"white": 70, "asian": 20, "black": 10}})
POLICY = Policy(monitored_characteristics=(ETHNIC,))


def test_tally_keeps_prefer_not_to_say_and_not_known_apart() -> None:
    register = board(
        [
            *answers(ETHNIC, {"white": 2, "prefer-not-to-say": 3, None: 1}),
            None,  # a member with no monitoring profile at all is "not known"
        ]
    )
    counted = tally(register.members, ETHNIC)
    assert counted.count("white") == 2
    assert (counted.answered, counted.prefer_not_to_say, counted.not_known, counted.members) == (2, 3, 2, 7)


def test_matching_board_is_within_tolerance_everywhere() -> None:
    register = board(answers(ETHNIC, {"white": 14, "asian": 4, "black": 2}))
    audit = audit_group(register, GROUP, as_of=AS_OF, policy=POLICY, baseline=ETHNIC_BASELINE)
    rows = {row.category: row for row in audit.characteristics[0].rows}
    assert rows["black"].expected == 2
    assert rows["black"].ratio == 1
    assert rows["white"].share == Fraction(14, 20)
    assert {row.status for row in rows.values()} == {RowStatus.WITHIN, RowStatus.NOT_JUDGED}
    assert rows["mixed"].status is RowStatus.NOT_JUDGED  # no one in the population: never expected
    assert audit.characteristics[0].diversity_index == audit.characteristics[0].baseline_diversity_index


def test_board_missing_a_group_entirely() -> None:
    register = board(answers(ETHNIC, {"white": 16, "asian": 4}))
    audit = audit_group(register, GROUP, as_of=AS_OF, policy=POLICY, baseline=ETHNIC_BASELINE)
    (black,) = audit.characteristics[0].under_represented
    assert black.category == "black"
    assert (black.count, black.expected, black.ratio) == (0, 2, 0)
    # 1 more: 1 < 0.5 * 0.1 * 21 = 1.05 still under; 2 more: 2 >= 1.1.
    assert black.additions_needed == 2


def test_mostly_unanswered_monitoring_judges_only_what_the_answers_support() -> None:
    register = board(answers(ETHNIC, {"white": 3, "prefer-not-to-say": 2, None: 15}))
    audit = audit_group(register, GROUP, as_of=AS_OF, policy=POLICY, baseline=ETHNIC_BASELINE)
    item = audit.characteristics[0]
    assert item.tally.answered == 3
    assert item.unknown_share == Fraction(15, 20)
    rows = {row.category: row for row in item.rows}
    # Expected counts come from the 3 who answered, not the 20 members.
    assert rows["asian"].expected == Fraction(6, 10)
    assert rows["asian"].status is RowStatus.NOT_JUDGED
    assert rows["white"].status is RowStatus.WITHIN
    assert not item.under_represented


def test_characteristic_missing_from_the_baseline_is_reported_not_judged() -> None:
    policy = Policy(monitored_characteristics=(ETHNIC, Characteristic.AGE))
    register = board(answers(Characteristic.AGE, {"16-24": 5}))
    audit = audit_group(register, GROUP, as_of=AS_OF, policy=policy, baseline=ETHNIC_BASELINE)
    age = audit.get(Characteristic.AGE)
    assert age is not None
    assert not age.has_baseline
    assert {row.status for row in age.rows} == {RowStatus.NO_BASELINE}
    assert age.rows[1].count == 5
    assert age.rows[1].expected is None


def test_unknown_group_is_a_clear_error() -> None:
    register = board([])
    with pytest.raises(AuditError, match=r"no group has id 'nope'.*board"):
        audit_group(register, "nope", as_of=AS_OF, policy=POLICY, baseline=ETHNIC_BASELINE)


def test_members_who_left_are_not_counted() -> None:
    import attrs

    register = board(answers(ETHNIC, {"white": 3}))
    left = attrs.evolve(register.memberships[0], left=AS_OF)
    register = attrs.evolve(register, memberships=(left, *register.memberships[1:]))
    audit = audit_group(register, GROUP, as_of=AS_OF, policy=POLICY, baseline=ETHNIC_BASELINE)
    assert audit.members == 2


def test_gini_simpson_known_values() -> None:
    assert gini_simpson([5]) == 0
    assert gini_simpson([1, 1]) == Fraction(1, 2)
    assert gini_simpson([1, 1, 1, 1]) == Fraction(3, 4)
    assert gini_simpson([0, 0]) is None


@given(
    count=st.integers(0, 50),
    answered_extra=st.integers(0, 100),
    share=st.fractions(min_value=0, max_value=1, max_denominator=200),
    ratio=st.sampled_from([Fraction(1, 2), Fraction(3, 4), Fraction(1), Fraction(1, 10)]),
)
def test_additions_to_reach_is_the_fewest_that_close_the_gap(
    count: int, answered_extra: int, share: Fraction, ratio: Fraction
) -> None:
    answered = count + answered_extra
    needed = additions_to_reach(count, share, answered, ratio)
    if ratio * share >= 1 and count < ratio * share * answered:
        assert needed is None
        return
    assert needed is not None

    def closed(k: int) -> bool:
        return count + k >= ratio * share * (answered + k)

    assert closed(needed)
    assert needed == 0 or not closed(needed - 1)
