"""Findings a publishable table already implies (coproduction.audit.implied): shown exactly when every table a
reader cannot rule out gives the same finding, hidden otherwise.

The reader is simulated independently of :func:`feasible_values`: :func:`tests.audit.test_suppression.
consistent_tables` enumerates every table that agrees with what is published, and each is judged by the audit's
own rule (:func:`coproduction.audit.analysis.category_rows`, DV001's). The report must show a finding if and only
if all of them agree, members needed exactly if and only if all need the same number, and "at least N" with N the
least any of them needs.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from coproduction.audit.analysis import RowStatus, Tally, additions_to_reach, audit_group, category_rows
from coproduction.audit.implied import Implied, feasible_pairs, implied, implied_row, judge
from coproduction.audit.population import CharacteristicBaseline
from coproduction.audit.suppression import ANSWERED, publish_tally
from coproduction.audit.targets import recruitment_plan
from coproduction.models import Characteristic
from coproduction.policy import Policy
from coproduction.reports.audit import build_report
from tests.audit.helpers import AS_OF, GROUP, SOURCE, answers, baseline, board
from tests.audit.test_suppression import consistent_tables

ETHNIC, SEX = Characteristic.ETHNIC_GROUP, Characteristic.SEX
HALF, ONE = Fraction(1, 2), Fraction(1)
ETHNIC_FIGURES = {"white": 70, "asian": 20, "black": 10}


def tally_of(table: dict[str, int]) -> Tally:
    return Tally(
        ETHNIC,
        tuple((category, table[category]) for category in ETHNIC.answer_categories),
        table["prefer-not-to-say"],
        table["not-known"],
    )


def report_rows(
    characteristic: Characteristic,
    figures: dict[str, int],
    counts: dict[str | None, int],
    *,
    publishable: bool = True,
) -> dict[str, dict[str, Any]]:
    policy = Policy(monitored_characteristics=(characteristic,))
    audit = audit_group(
        board(answers(characteristic, counts)),
        GROUP,
        as_of=AS_OF,
        policy=policy,
        baseline=baseline({characteristic: figures}),
    )
    report = build_report(audit, recruitment_plan(audit), policy, publishable=publishable)
    return {row["category"]: row for row in report["characteristics"][0]["rows"]}


# --- the example's case, and the case that must stay hidden ------------------------------------------------------


def test_fewer_than_5_against_14_7_expected_is_shown_as_a_gap() -> None:
    # The Oxfordshire champions' sex table: 26 female, 4 male, 1 prefer not to say, 4 not known; England is
    # about 51% female, so 30 answers expect 14.7 men. "Fewer than 5" men is at most 4, under half of 14.7.
    rows = report_rows(SEX, {"female": 5100, "male": 4900}, {"female": 26, "male": 4, "prefer-not-to-say": 1, None: 4})
    male, female = rows["male"], rows["female"]
    assert male["count"] == {"count": None, "suppressed": "fewer-than-threshold"}
    assert male["expected"] == 14.7
    assert male["status"] == "under-represented"
    assert male["implied"] is True
    # 1 to 4 men need 9 to 5 more: the exact number stays hidden, the least of them is shown.
    assert male["additions_needed"] is None
    assert male["additions_needed_at_least"] == 5
    assert male["share"] is None
    assert male["ratio"] is None
    # Female is "not shown" (26 to 29, as the men are 1 to 4): every value is within tolerance.
    assert female["count"]["suppressed"] == "withheld"
    assert female["status"] == "within-tolerance"
    assert female["additions_needed"] == 0


def test_a_finding_that_depends_on_the_hidden_count_stays_hidden() -> None:
    # 30 answered, 10% Black: 3 expected. One Black member would be a gap (1 < 1.5), two would not; "fewer than
    # 5" allows both, so the finding is not shown.
    rows = report_rows(ETHNIC, ETHNIC_FIGURES, {"white": 21, "asian": 7, "black": 2})
    black = rows["black"]
    assert black["count"]["suppressed"] == "fewer-than-threshold"
    assert black["status"] == "not-shown"
    assert black["implied"] is False
    assert black["additions_needed"] is None
    assert black["additions_needed_at_least"] is None
    assert black["shortfall"] is None
    # The Asian count is hidden to protect it (5 to 8 once Black is 1 to 4): 6 expected, all within tolerance.
    assert rows["asian"]["count"]["suppressed"] == "withheld"
    assert rows["asian"]["status"] == "within-tolerance"
    # The internal report shows both exactly.
    internal = report_rows(ETHNIC, ETHNIC_FIGURES, {"white": 21, "asian": 7, "black": 2}, publishable=False)
    assert internal["black"]["status"] == "within-tolerance"
    assert internal["black"]["implied"] is False


def test_members_needed_shown_exactly_when_every_consistent_table_needs_the_same() -> None:
    # Nobody Asian, 10% Asian in the area, and the number who answered hidden (10 or 11): 1.0 or 1.1 expected,
    # a gap either way, and one more Asian member closes it either way.
    rows = report_rows(ETHNIC, {"white": 80, "asian": 10, "black": 10}, {"white": 9, "black": 1, None: 2})
    asian = rows["asian"]
    assert asian["count"] == {"count": 0, "suppressed": None}
    assert asian["expected"] is None  # it would give away the number who answered
    assert asian["status"] == "under-represented"
    assert asian["implied"] is True
    assert asian["additions_needed"] == 1
    assert asian["additions_needed_at_least"] == 1


def test_nothing_is_implied_for_a_group_under_the_threshold() -> None:
    rows = report_rows(ETHNIC, ETHNIC_FIGURES, {"white": 2, "black": 1})
    assert {row["status"] for row in rows.values()} == {"not-shown"}


# --- the rule itself --------------------------------------------------------------------------------------------


def test_implied_of_agreeing_and_disagreeing_pairs() -> None:
    share = Fraction(49, 100)
    gap = implied({(1, 30), (4, 30)}, share, HALF, ONE)
    assert gap.status is RowStatus.UNDER
    assert (gap.additions, gap.at_least) == (None, 5)
    assert gap.shortfall == share * 30 - 4
    assert implied({(4, 30)}, share, HALF, ONE) == Implied(RowStatus.UNDER, 5, 5, share * 30 - 4)
    assert implied({(1, 30), (10, 30)}, share, HALF, ONE).status is None
    assert implied(set(), share, HALF, ONE).status is None
    assert implied({(0, 1), (0, 2)}, Fraction(1, 10), HALF, ONE) == Implied(RowStatus.NOT_JUDGED)
    assert implied({(20, 30), (25, 30)}, share, HALF, ONE) == Implied(RowStatus.WITHIN, 0)


ethnic_tables = st.tuples(
    st.lists(st.integers(0, 6), min_size=5, max_size=5), st.integers(0, 3), st.integers(0, 4)
).filter(lambda t: 5 <= sum(t[0]) + t[1] + t[2] <= 16)


@settings(max_examples=100, deadline=None)
@given(ethnic_tables, st.sampled_from([HALF, Fraction(4, 5)]))
def test_the_report_shows_exactly_what_every_consistent_table_agrees_on(
    table: tuple[list[int], int, int], ratio: Fraction
) -> None:
    counts, prefer, unknown = table
    counted = Tally(ETHNIC, tuple(zip(ETHNIC.answer_categories, counts, strict=True)), prefer, unknown)
    population = baseline({ETHNIC: {"white": 60, "asian": 25, "black": 10, "mixed": 5}}).get(ETHNIC)
    assert population is not None
    policy = Policy(monitored_characteristics=(ETHNIC,), min_representation_ratio=float(ratio))
    published = publish_tally(counted, 5)
    alternatives = [category_rows(tally_of(t), population, policy) for t in consistent_tables(published)]
    assert alternatives  # the true table is one of them
    for index, category in enumerate(ETHNIC.answer_categories):
        rows = [rows[index] for rows in alternatives]
        found = implied_row(published, (category,), population.share(category), ratio, ONE)
        statuses = {row.status for row in rows}
        assert found.status == (statuses.pop() if len(statuses) == 1 else None)
        if found.status is RowStatus.UNDER:
            needs = {row.additions_needed for row in rows}
            assert found.at_least == min(n for n in needs if n is not None)
            assert found.additions == (needs.pop() if len(needs) == 1 else None)
        else:
            assert found.at_least is None


@given(
    st.integers(0, 30),
    st.integers(0, 30),
    st.fractions(min_value=0, max_value=1),
    st.sampled_from([HALF, Fraction(4, 5), ONE]),
    st.sampled_from([ONE, Fraction(1, 2), Fraction(3)]),
)
def test_judge_is_the_audits_own_rule(
    count: int, others: int, share: Fraction, ratio: Fraction, min_expected: Fraction
) -> None:
    """:func:`judge` repeats DV001's rule for speed; it must never drift from :func:`category_rows`."""
    rest = tuple((category, 0) for category in ("black", "mixed", "other"))
    counted = Tally(ETHNIC, (("white", others), ("asian", count), *rest), 0, 0)
    shares = dict.fromkeys(ETHNIC.answer_categories, Fraction(0))
    shares.update({"asian": share, "white": 1 - share})
    population = CharacteristicBaseline(characteristic=ETHNIC, shares=shares, source=SOURCE)
    policy = Policy(min_representation_ratio=float(ratio), min_expected_count=float(min_expected))
    row = next(r for r in category_rows(counted, population, policy) if r.category == "asian")
    assert judge(count, count + others, share, ratio, min_expected) is row.status
    if row.status is RowStatus.UNDER:
        assert row.additions_needed == additions_to_reach(count, share, count + others, ratio)


def test_feasible_pairs_hold_the_truth_and_only_what_the_sums_allow() -> None:
    counted = Tally(ETHNIC, (("asian", 7), ("black", 2), ("mixed", 0), ("white", 21), ("other", 0)), 0, 0)
    published = publish_tally(counted, 5)
    pairs = feasible_pairs(published, ("black",))
    assert (2, 30) in pairs
    assert pairs == {(1, 30), (2, 30), (3, 30), (4, 30)}
    both = feasible_pairs(published, ("black", "asian"))
    assert both == {(9, 30)}  # together they are 30 - 21: combining cells can reveal their sum, never a cell
    assert {cell.key for cell in published.cells if not cell.shown} == {"asian", "black"}
    assert ANSWERED in {cell.key for cell in published.cells if cell.shown}
