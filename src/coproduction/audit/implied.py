"""Conclusions a publishable table already implies: judgements that may be shown although a count is hidden.

Domain code (issue 10, part 3). A publishable table hides small counts ("fewer than 5") and the counts that would
give them away ("not shown"). Hiding a count need not hide every conclusion drawn from it: "fewer than 5 men
against 14.7 expected" already says the group has too few men, since at most 4 is under half of 14.7. Leaving
the judgement out hides nothing from a reader and keeps from a board the finding it most needs.

The rule. A reader of the published table knows what :func:`coproduction.audit.suppression.feasible_values`
works out: the group's size, every shown count, and what each label means. From those alone this module finds
every (count, answered) pair that some table consistent with the published cells gives to a row (a category, or
several categories combined), and

* shows a judgement (a gap, no gap, or too few expected to judge) only when **every** pair gives that same
  judgement;
* shows the members needed to close a gap as an exact number only when every pair needs the same number, and
  otherwise as "at least N", where N is the smallest number any pair needs (so every consistent table needs at
  least N).

Both are worked out from the published cells only, never from the true counts, so they are the same for every
table that would be published the same way: showing them narrows nothing a reader could not already narrow.
The pairs are exact, not a bound: a category's count and the number who answered are tied only through the
sums, so a pair is possible exactly when the rest of the table can make up the difference.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from fractions import Fraction

import attrs

from coproduction.audit.analysis import RowStatus, additions_to_reach
from coproduction.audit.suppression import ANSWERED, PublishedTally, feasible_values


def judge(count: int, answered: int, share: Fraction, ratio: Fraction, min_expected: Fraction) -> RowStatus:
    """DV001's judgement of one category (:func:`coproduction.audit.analysis.category_rows`; docs/checks/DV001.md):
    too few expected to judge below ``min_expected`` (or when nobody is expected), a gap under ``ratio`` x the
    expected count, else no gap."""
    expected = share * answered
    if expected == 0 or expected < min_expected:
        return RowStatus.NOT_JUDGED
    if count < ratio * expected:
        return RowStatus.UNDER
    return RowStatus.WITHIN


@attrs.frozen
class Implied:
    """What a reader can conclude about one row from the published cells.

    ``status`` is ``None`` when consistent tables disagree. ``additions`` is the exact number of members needed
    when every consistent table needs the same; ``at_least`` the smallest number any of them needs (set whenever
    ``status`` is a gap and a number would do). ``shortfall`` is the least by which the count falls under the
    expected count in any consistent table (for ranking gaps; ``None`` unless ``status`` is a gap).
    """

    status: RowStatus | None
    additions: int | None = None
    at_least: int | None = None
    shortfall: Fraction | None = None


def _sumset(sets: Iterable[frozenset[int]], members: int) -> int:
    """Every total of one value from each set, as a bit set up to ``members``."""
    mask = (1 << (members + 1)) - 1
    total = 1
    for values in sets:
        reached = 0
        for value in values:
            reached |= total << value
        total = reached & mask
    return total


def _size_hidden(published: PublishedTally) -> bool:
    return 0 < published.members < published.threshold


def feasible_pairs(published: PublishedTally, keys: Sequence[str]) -> frozenset[tuple[int, int]]:
    """Every (count, answered) a reader of ``published`` cannot rule out, where count is the sum of the cells
    ``keys`` (one category, or several combined)."""
    members = published.members
    cells = {cell.key: (cell.status, cell.value) for cell in published.cells}
    categories = [cell.key for cell in published.categories]
    possible = feasible_values(members, published.threshold, cells, categories)
    inside = _sumset((possible[k] for k in keys), members)
    outside = _sumset((possible[k] for k in categories if k not in keys), members)
    pairs = set()
    for answered in sorted(possible[ANSWERED]):
        for count in range(answered + 1):
            if inside >> count & 1 and outside >> (answered - count) & 1:
                pairs.add((count, answered))
    return frozenset(pairs)


def implied(
    pairs: Iterable[tuple[int, int]], share: Fraction, ratio: Fraction, min_expected: Fraction
) -> Implied:
    """The conclusions every pair in ``pairs`` agrees on (see the module's rule). No pairs: nothing implied."""
    # Judgement, members needed and shortfall are monotone in the count for a given number who answered, so the
    # fewest and most members each number who answered allows decide them all.
    extremes: dict[int, tuple[int, int]] = {}
    for count, answered in pairs:
        low, high = extremes.get(answered, (count, count))
        extremes[answered] = (min(low, count), max(high, count))
    statuses: set[RowStatus] = set()
    needs: set[int | None] = set()
    shortfalls: list[Fraction] = []
    for count, answered in ((c, a) for a, ends in sorted(extremes.items()) for c in sorted(set(ends))):
        status = judge(count, answered, share, ratio, min_expected)
        statuses.add(status)
        if status is RowStatus.UNDER:
            needs.add(additions_to_reach(count, share, answered, ratio))
            shortfalls.append(share * answered - count)
    if len(statuses) != 1:
        return Implied(None)
    (status,) = statuses
    if status is not RowStatus.UNDER:
        return Implied(status, 0 if status is RowStatus.WITHIN else None)
    known = sorted(n for n in needs if n is not None)
    if None in needs or not known:
        return Implied(status, shortfall=min(shortfalls))
    exact = known[0] if len(known) == 1 else None
    return Implied(status, exact, known[0], min(shortfalls))


def implied_row(
    published: PublishedTally,
    keys: Sequence[str],
    share: Fraction,
    ratio: Fraction,
    min_expected: Fraction,
) -> Implied:
    """:func:`implied` for the row made of the cells ``keys`` of ``published``. Nothing is implied for a group
    smaller than the threshold, whose very size is not published; a table "not published" in a larger group
    still implies what the group's size and the population's shares alone decide (a category nobody in the
    area belongs to is never judged)."""
    if _size_hidden(published):
        return Implied(None)
    return implied(feasible_pairs(published, keys), share, ratio, min_expected)
