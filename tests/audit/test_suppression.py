"""Publishable tables: small counts hidden, and no hidden count can be worked out from what is shown.

The attacker here is written independently of :func:`feasible_values`: it enumerates every table that agrees with
what is published (the member total, the shown cells, "fewer than 5" meaning 1-4, "not shown" meaning 0 or 5 and
over, "not published" meaning anything) and collects the values each hidden cell takes. Protection means every
hidden cell takes at least two values.
"""

from __future__ import annotations

from collections.abc import Iterator

from hypothesis import given
from hypothesis import strategies as st

from coproduction.audit.analysis import CrossTabulation, Tally
from coproduction.audit.suppression import (
    ANSWERED,
    NOT_KNOWN,
    PREFER_NOT_TO_SAY,
    CellStatus,
    PublishedTally,
    cross_tabulation_withheld_because,
    feasible_values,
    publish_tally,
)
from coproduction.models import Characteristic

ETHNIC = Characteristic.ETHNIC_GROUP
CATEGORIES = ETHNIC.answer_categories  # 5 categories


def make_tally(counts: list[int], prefer: int, unknown: int) -> Tally:
    return Tally(ETHNIC, tuple(zip(CATEGORIES, counts, strict=True)), prefer, unknown)


def candidates(published: PublishedTally, total: int) -> dict[str, list[int]]:
    threshold = published.threshold
    out = {}
    for cell in published.cells:
        if cell.status is CellStatus.SHOWN:
            assert cell.value is not None
            out[cell.key] = [cell.value]
        elif cell.status is CellStatus.SMALL:
            out[cell.key] = list(range(1, threshold))
        elif cell.status is CellStatus.WITHHELD:
            out[cell.key] = [0, *range(threshold, total + 1)]
        else:
            out[cell.key] = list(range(total + 1))
    return out


def consistent_tables(published: PublishedTally) -> Iterator[dict[str, int]]:
    """Every assignment of the cells that agrees with the published table (brute force with pruning)."""
    total = published.members
    options = candidates(published, total)
    categories = [cell.key for cell in published.categories]

    def categories_summing_to(index: int, remaining: int) -> Iterator[dict[str, int]]:
        if index == len(categories):
            if remaining == 0:
                yield {}
            return
        for value in options[categories[index]]:
            if value > remaining:
                break
            for rest in categories_summing_to(index + 1, remaining - value):
                yield {categories[index]: value, **rest}

    for answered in options[ANSWERED]:
        for prefer in options[PREFER_NOT_TO_SAY]:
            unknown = total - answered - prefer
            if unknown not in options[NOT_KNOWN]:
                continue
            for split in categories_summing_to(0, answered):
                yield {ANSWERED: answered, PREFER_NOT_TO_SAY: prefer, NOT_KNOWN: unknown, **split}


def recoverable_cells(published: PublishedTally) -> list[str]:
    seen: dict[str, set[int]] = {}
    for table in consistent_tables(published):
        for key, value in table.items():
            seen.setdefault(key, set()).add(value)
    hidden = [cell.key for cell in published.cells if not cell.shown]
    return [key for key in hidden if len(seen.get(key, set())) < 2]


tallies = st.builds(
    make_tally,
    st.lists(st.integers(0, 7), min_size=5, max_size=5),
    st.integers(0, 6),
    st.integers(0, 6),
).filter(lambda t: t.members <= 16)


@given(tallies)
def test_no_hidden_cell_can_be_recovered(counted: Tally) -> None:
    published = publish_tally(counted, threshold=5)
    assert recoverable_cells(published) == []


@given(tallies)
def test_small_counts_never_shown_and_the_truth_stays_consistent(counted: Tally) -> None:
    published = publish_tally(counted, threshold=5)
    truth = {ANSWERED: counted.answered, PREFER_NOT_TO_SAY: counted.prefer_not_to_say, NOT_KNOWN: counted.not_known}
    truth.update(counted.counts)
    for cell in published.cells:
        if cell.shown:
            assert cell.value == truth[cell.key]
            assert not 0 < truth[cell.key] < 5
        if 0 < truth[cell.key] < 5:
            assert not cell.shown
    assert truth in list(consistent_tables(published))


@given(tallies)
def test_feasible_values_match_the_brute_force_attacker(counted: Tally) -> None:
    published = publish_tally(counted, threshold=5)
    seen: dict[str, set[int]] = {}
    for table in consistent_tables(published):
        for key, value in table.items():
            seen.setdefault(key, set()).add(value)
    possible = feasible_values(
        published.members,
        5,
        {cell.key: (cell.status, cell.value) for cell in published.cells},
        list(CATEGORIES),
    )
    assert {key: frozenset(values) for key, values in seen.items()} == possible


def test_a_lone_small_cell_gets_a_partner() -> None:
    published = publish_tally(make_tally([2, 0, 0, 10, 8], 0, 0), threshold=5)  # asian, black, mixed, white, other
    statuses = {cell.key: cell.status for cell in published.categories}
    assert statuses["asian"] is CellStatus.SMALL
    assert sum(1 for s in statuses.values() if s is not CellStatus.SHOWN) >= 2
    assert published.answered.shown
    assert published.answered.value == 20
    assert published.category("white").value == 10
    assert recoverable_cells(published) == []


def test_a_table_without_small_counts_is_shown_whole() -> None:
    published = publish_tally(make_tally([10, 5, 0, 8, 0], 0, 6), threshold=5)
    assert published.fully_shown


def test_a_group_smaller_than_the_threshold_is_withheld_whole() -> None:
    published = publish_tally(make_tally([2, 1, 0, 0, 0], 1, 0), threshold=5)
    assert {cell.status for cell in published.cells} == {CellStatus.NOT_PUBLISHED}


def test_one_member_who_did_not_answer_hides_the_number_who_did() -> None:
    # 15 answered and 16 members would give the 1 away.
    published = publish_tally(make_tally([10, 5, 0, 0, 0], 0, 1), threshold=5)
    assert published.not_known.status is CellStatus.SMALL
    assert not published.answered.shown
    assert recoverable_cells(published) == []


def test_not_shown_means_zero_or_at_least_the_threshold() -> None:
    # White 5 and Asian 1 of 6: "White not shown" would mean White is 5 (it cannot be 0 or 6), so Asian is 1.
    # Nothing short of withholding the whole table protects it.
    published = publish_tally(make_tally([1, 0, 0, 5, 0], 0, 0), threshold=5)
    assert recoverable_cells(published) == []
    assert {cell.status for cell in published.cells} == {CellStatus.NOT_PUBLISHED}
    # With 12 members the same split can be published with a partner cell.
    bigger = publish_tally(make_tally([1, 0, 0, 5, 6], 0, 0), threshold=5)
    assert recoverable_cells(bigger) == []
    assert bigger.category("asian").status is CellStatus.SMALL


def test_threshold_is_the_policy_s() -> None:
    published = publish_tally(make_tally([7, 8, 0, 10, 0], 0, 0), threshold=10)
    assert published.category("asian").status is CellStatus.SMALL
    assert published.category("black").status is CellStatus.SMALL  # 8 < 10 as well
    assert published.category("white").value == 10


def cross(rows: list[tuple[str, tuple[int, int]]]) -> CrossTabulation:
    return CrossTabulation(ETHNIC, tuple(rows))


def test_cross_tabulation_needs_a_group_of_twenty() -> None:
    counted = make_tally([10, 9, 0, 0, 0], 0, 0)
    published = publish_tally(counted, threshold=5)
    table = cross([("white", (5, 5)), ("asian", (9, 0)), ("black", (0, 0)), ("mixed", (0, 0)), ("other", (0, 0))])
    assert cross_tabulation_withheld_because(table, published, min_group=20, threshold=5) == (
        "the group has fewer than 20 members"
    )
    assert cross_tabulation_withheld_because(table, published, min_group=19, threshold=5) is None


def test_cross_tabulation_with_a_small_cell_is_withheld() -> None:
    counted = make_tally([12, 9, 0, 0, 0], 0, 0)
    published = publish_tally(counted, threshold=5)
    table = cross([("white", (8, 4)), ("asian", (9, 0)), ("black", (0, 0)), ("mixed", (0, 0)), ("other", (0, 0))])
    reason = cross_tabulation_withheld_because(table, published, min_group=20, threshold=5)
    assert reason == "some cells would be fewer than 5"


def test_cross_tabulation_of_a_suppressed_table_is_withheld() -> None:
    counted = make_tally([20, 2, 0, 0, 0], 0, 0)
    published = publish_tally(counted, threshold=5)
    table = cross([("white", (10, 10)), ("asian", (2, 0)), ("black", (0, 0)), ("mixed", (0, 0)), ("other", (0, 0))])
    assert cross_tabulation_withheld_because(table, published, min_group=20, threshold=5) is not None
