"""Small-number suppression for published diversity tables (issue 5, item 4; docs/sources.md#small-number-suppression).

Primary suppression: a count from 1 to ``threshold - 1`` (policy ``suppression_threshold``, default 5) is shown
as "fewer than 5" (Ofqual's practice; UK GDPR Article 9 makes the answers special category data). Zeros are shown.

Secondary suppression: a published table also gives totals, so one small cell alone could be worked out by
subtraction. Each characteristic's table is two sums: members = answered + prefer not to say + not known, and
answered = the sum of the categories. While any hidden cell can still be pinned to one value, another cell is
hidden ("not shown"): the smallest shown cell of the same sum whose hiding frees the pinned one (then of the other
sum). If nothing is left to hide and a cell can still be pinned, the whole table is "not published".

The reader this protects against knows the number of members (public, like the board's membership), every shown
cell, and what each label means: "fewer than 5" is 1 to 4; "not shown" is 0 or 5 and over (else it would say
"fewer than 5"); "not published" is anything. :func:`feasible_values` works out exactly what such a reader can
infer. Not covered: a reader who re-runs this procedure on every candidate table to see which would have produced
the same pattern of hidden cells (the usual limit of cell suppression; docs/audit.md).
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from enum import StrEnum

import attrs

from coproduction.audit.analysis import CrossTabulation, Tally
from coproduction.models.diversity import Characteristic

ANSWERED = "answered"
PREFER_NOT_TO_SAY = "prefer-not-to-say"
NOT_KNOWN = "not-known"
COMPLETENESS_KEYS = (ANSWERED, PREFER_NOT_TO_SAY, NOT_KNOWN)


class CellStatus(StrEnum):
    """How a count is published: shown; "fewer than 5" (1 to threshold - 1); "not shown" (0 or at least the
    threshold, hidden so that a small count cannot be worked out); "not published" (the whole table is hidden)."""

    SHOWN = "shown"
    SMALL = "fewer-than-threshold"
    WITHHELD = "withheld"
    NOT_PUBLISHED = "not-published"


@attrs.frozen
class Cell:
    """A published count: its value when shown, else ``None`` and why not."""

    key: str
    status: CellStatus
    value: int | None

    @property
    def shown(self) -> bool:
        """Whether the count is published as it is."""
        return self.status is CellStatus.SHOWN


@attrs.frozen
class PublishedTally:
    """One characteristic's counts as they may be published."""

    characteristic: Characteristic
    members: int
    threshold: int
    answered: Cell
    prefer_not_to_say: Cell
    not_known: Cell
    categories: tuple[Cell, ...]

    @property
    def cells(self) -> tuple[Cell, ...]:
        """Every cell: answered, prefer not to say, not known, then each category."""
        return (self.answered, self.prefer_not_to_say, self.not_known, *self.categories)

    @property
    def fully_shown(self) -> bool:
        """Whether every count of the table is published as it is."""
        return all(cell.shown for cell in self.cells)

    def category(self, key: str) -> Cell:
        """The cell of the category ``key`` (``KeyError`` if the table has none)."""
        for cell in self.categories:
            if cell.key == key:
                return cell
        raise KeyError(key)


def tally_values(counted: Tally) -> dict[str, int]:
    """Every cell of ``counted``'s table by key: the three completeness keys, then each category."""
    values = {
        ANSWERED: counted.answered,
        PREFER_NOT_TO_SAY: counted.prefer_not_to_say,
        NOT_KNOWN: counted.not_known,
    }
    values.update(counted.counts)
    return values


def publish_tally(counted: Tally, threshold: int) -> PublishedTally:
    """Suppress ``counted`` for publication: primary, then secondary suppression until nothing can be pinned."""
    values = tally_values(counted)
    status = {
        key: CellStatus.SMALL if 0 < value < threshold else CellStatus.SHOWN for key, value in values.items()
    }
    if 0 < counted.members < threshold:
        status = dict.fromkeys(values, CellStatus.NOT_PUBLISHED)
    return suppress_further(counted, threshold, status)


def suppress_further(counted: Tally, threshold: int, status: Mapping[str, CellStatus]) -> PublishedTally:
    """Secondary suppression from the statuses ``status`` (a status per key of :func:`tally_values`): while a
    hidden cell can be pinned, withhold the most helpful shown cell (see the module's docstring).

    :func:`publish_tally` starts it from primary suppression; :mod:`coproduction.audit.differencing` from
    statuses that also hide changes since the previous publication. A cell may be "not published" on its own
    (anything from 0 to the number of members); the whole table is "not published" when nothing else helps.
    """
    values = tally_values(counted)
    status = dict(status)
    categories = [category for category, _ in counted.counts]
    groups = (list(COMPLETENESS_KEYS), categories)
    while not all(state is CellStatus.NOT_PUBLISHED for state in status.values()):
        hidden = [k for k in values if status[k] is not CellStatus.SHOWN]
        if not hidden:
            break
        possible = _feasible_of(counted.members, threshold, status, values, categories, hidden)
        pinned = [k for k in hidden if _at_most_one(possible[k])]
        if not pinned:
            break
        own, other = groups if pinned[0] in COMPLETENESS_KEYS else groups[::-1]
        candidates = _shown_smallest_first(own, status, values) + _shown_smallest_first(other, status, values)
        if not candidates:
            status = dict.fromkeys(values, CellStatus.NOT_PUBLISHED)
            break
        status[_most_helpful(pinned[0], candidates, status, values, counted.members, threshold, categories)] = (
            CellStatus.WITHHELD
        )
    return published_from(counted, threshold, status)


def published_from(counted: Tally, threshold: int, status: Mapping[str, CellStatus]) -> PublishedTally:
    """The table of ``counted`` with each cell's ``status`` (a shown cell keeps its value, others none)."""
    values = tally_values(counted)

    def cell(key: str) -> Cell:
        return Cell(key, status[key], values[key] if status[key] is CellStatus.SHOWN else None)

    return PublishedTally(
        characteristic=counted.characteristic,
        members=counted.members,
        threshold=threshold,
        answered=cell(ANSWERED),
        prefer_not_to_say=cell(PREFER_NOT_TO_SAY),
        not_known=cell(NOT_KNOWN),
        categories=tuple(cell(k) for k, _ in counted.counts),
    )


def _shown_smallest_first(keys: list[str], status: dict[str, CellStatus], values: dict[str, int]) -> list[str]:
    shown = [k for k in keys if status[k] is CellStatus.SHOWN]
    return sorted(shown, key=lambda k: (values[k], keys.index(k)))


def _most_helpful(
    pinned: str,
    candidates: list[str],
    status: dict[str, CellStatus],
    values: dict[str, int],
    members: int,
    threshold: int,
    categories: list[str],
) -> str:
    """The first candidate (smallest first) whose withholding frees ``pinned``; else the smallest candidate.

    Withholding a 0 often frees nothing (the cell next to it is still forced), so trying each in turn hides
    fewer useful figures than always taking the smallest.
    """
    for candidate in candidates:
        trial = {**status, candidate: CellStatus.WITHHELD}
        if not _at_most_one(_feasible_of(members, threshold, trial, values, categories, [pinned])[pinned]):
            return candidate
    return candidates[0]


def _at_most_one(bits: int) -> bool:
    """Whether the bit set ``bits`` holds at most one value."""
    return bits & (bits - 1) == 0


def _feasible_of(
    members: int,
    threshold: int,
    status: Mapping[str, CellStatus],
    values: Mapping[str, int],
    categories: list[str],
    only: list[str],
) -> dict[str, int]:
    """:func:`feasible_bits` of the table ``values`` published with ``status``, for the cells ``only``."""
    domains = {
        key: domain_bits(state, values[key] if state is CellStatus.SHOWN else None, members, threshold)
        for key, state in status.items()
    }
    return feasible_bits(members, domains, categories, only=only)


def _bits(values: range) -> int:
    """The bit set of the whole numbers in ``values`` (a range with step 1)."""
    if values.start >= values.stop:
        return 0
    return ((1 << values.stop) - 1) ^ ((1 << values.start) - 1)


def domain_bits(status: CellStatus, value: int | None, members: int, threshold: int) -> int:
    """What a reader knows of one cell, as a bit set of the values it may take (bit ``v`` set: ``v`` possible)."""
    if status is CellStatus.SHOWN:
        assert value is not None
        return 1 << value
    if status is CellStatus.SMALL:
        return _bits(range(1, min(threshold - 1, members) + 1))
    if status is CellStatus.WITHHELD:
        return 1 | _bits(range(threshold, members + 1))
    return _bits(range(members + 1))


def _sums(first: int, second: int, mask: int) -> int:
    """Every ``x + y`` with ``x`` in ``first`` and ``y`` in ``second`` (bit sets), up to ``mask``."""
    if first.bit_count() > second.bit_count():
        first, second = second, first  # shift the denser set by each value of the sparser
    out = 0
    while first:
        lowest = first & -first
        out |= second << (lowest.bit_length() - 1)
        first ^= lowest
    return out & mask


def _reflect(values: int, members: int) -> int:
    """``{members - v}`` for every ``v`` from 0 to ``members`` in the bit set ``values`` (its bits reversed)."""
    values &= (1 << (members + 1)) - 1
    return int(format(values, f"0{members + 1}b")[::-1], 2)


def feasible_values(
    members: int,
    threshold: int,
    cells: Mapping[str, tuple[CellStatus, int | None]],
    categories: list[str],
) -> dict[str, frozenset[int]]:
    """Every value each cell could take, as far as someone with the published table can tell.

    ``cells`` maps every key (the three completeness keys and each category) to its status and, for shown
    cells, its value. What a reader knows: ``answered + prefer-not-to-say + not-known = members`` and
    ``sum(categories) = answered``; a shown cell is its value; "fewer than 5" is 1 to ``threshold - 1``;
    "not shown" is 0 or at least ``threshold`` (were it 1-4 it would say "fewer than 5"); "not published"
    (a whole table withheld, or one cell hidden so that a change since the last publication cannot be worked
    out: :mod:`coproduction.audit.differencing`) is anything from 0 to ``members``. Exact: the two sums share
    one cell, so each cell's possible values are found by combining bit sets of reachable sums.
    """
    domains = {key: domain_bits(state, value, members, threshold) for key, (state, value) in cells.items()}
    feasible = feasible_bits(members, domains, categories)
    return {key: frozenset(v for v in range(members + 1) if bits >> v & 1) for key, bits in feasible.items()}


def feasible_bits(
    members: int, domains: Mapping[str, int], categories: list[str], *, only: Collection[str] | None = None
) -> dict[str, int]:
    """:func:`feasible_values` for any known values of each cell, given as bit sets (``domains``), answered as
    bit sets. Every result is 0 when no table fits (the answered cell's is 0 exactly then). With ``only``, the
    categories not in it are left out (the completeness cells are always given)."""
    mask = (1 << (members + 1)) - 1
    domain = {key: bits & mask for key, bits in domains.items()}
    # Sums over the categories before and after each one, so that "all the others" is one combination each.
    before = [1]
    for key in categories:
        before.append(_sums(before[-1], domain[key], mask))
    wanted = [key for key in categories if only is None or key in only]
    after = [1]
    if wanted:  # sums over the categories after each one are needed only to answer for a category
        for key in reversed(categories):
            after.append(_sums(after[-1], domain[key], mask))
        after.reverse()
    all_categories = before[-1]
    answered = (
        domain[ANSWERED]
        & all_categories
        & _reflect(_sums(domain[PREFER_NOT_TO_SAY], domain[NOT_KNOWN], mask), members)
    )
    feasible = {
        ANSWERED: answered,
        PREFER_NOT_TO_SAY: domain[PREFER_NOT_TO_SAY]
        & _reflect(_sums(domain[NOT_KNOWN], domain[ANSWERED] & all_categories, mask), members),
        NOT_KNOWN: domain[NOT_KNOWN]
        & _reflect(_sums(domain[PREFER_NOT_TO_SAY], domain[ANSWERED] & all_categories, mask), members),
    }
    if not answered:
        return dict.fromkeys(domain, 0)
    for index, key in enumerate(categories):
        if key not in wanted:
            continue
        others = _reflect(_sums(before[index], after[index + 1], mask), members)
        reachable, totals = 0, answered
        while totals:  # each number who answered, t: the category is t less what the others make up
            lowest = totals & -totals
            reachable |= others >> (members - (lowest.bit_length() - 1))
            totals ^= lowest
        feasible[key] = domain[key] & reachable
    return feasible


def cross_tabulation_withheld_because(
    cross: CrossTabulation, published: PublishedTally, *, min_group: int, threshold: int
) -> str | None:
    """Why a cross-tabulation may not be published, or ``None`` when it may.

    Published only for groups of at least ``min_group`` members (policy ``min_group_for_cross_tabulation``,
    default 20), and only when it can reveal nothing the one-way table hides: every one-way cell is shown and no
    cross-tabulated cell is between 1 and ``threshold - 1``. Suppressing a two-way table is not attempted: its
    row totals are the published one-way counts, and a partly suppressed grid can be solved from them.
    """
    if published.members < min_group:
        return f"the group has fewer than {min_group} members"
    if not published.fully_shown:
        return "some of this characteristic's counts are too small to publish"
    if any(0 < value < threshold for _, pair in cross.rows for value in pair):
        return f"some cells would be fewer than {threshold}"
    return None
