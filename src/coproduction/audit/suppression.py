"""Small-number suppression for published diversity tables (issue 5, item 4; DOMAIN.md).

Primary suppression: a count from 1 to ``threshold - 1`` (policy ``suppression_threshold``, default 5) is shown
as "fewer than 5" (Ofqual's practice, DOMAIN.md). Zeros are shown.

Secondary suppression: a published table also gives totals, so one small cell alone could be worked out by
subtraction. Each characteristic's table is two sums: members = answered + prefer not to say + not known, and
answered = the sum of the categories. While any suppressed cell can still be pinned to one value, the smallest
shown cell of the same sum (then of the other sum) is withheld too; if every cell is withheld and one can still be
pinned, the whole table is withheld under one label, so that "fewer than 5" itself tells nothing.

The attacker this protects against knows: the number of members (public, like the board's membership), every
shown cell, that a "fewer than 5" cell is between 1 and ``threshold - 1``, and that a withheld cell is between 0
and the number of members. :func:`attacker_bounds` works out exactly what such a person can infer: with two sum
constraints sharing one variable the constraint network is acyclic, so propagating bounds to a fixed point gives
the exact range of every cell, and every whole number in a range is possible.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from enum import StrEnum

import attrs

from coproduction.audit.analysis import CrossTabulation, Tally
from coproduction.models.diversity import Characteristic

ANSWERED = "answered"
PREFER_NOT_TO_SAY = "prefer-not-to-say"
NOT_KNOWN = "not-known"
COMPLETENESS_KEYS = (ANSWERED, PREFER_NOT_TO_SAY, NOT_KNOWN)


class CellStatus(StrEnum):
    SHOWN = "shown"
    SMALL = "fewer-than-threshold"
    WITHHELD = "withheld"


@attrs.frozen
class Cell:
    """A published count: its value when shown, else ``None`` and why not."""

    key: str
    status: CellStatus
    value: int | None

    @property
    def shown(self) -> bool:
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
        return (self.answered, self.prefer_not_to_say, self.not_known, *self.categories)

    @property
    def fully_shown(self) -> bool:
        return all(cell.shown for cell in self.cells)

    def category(self, key: str) -> Cell:
        for cell in self.categories:
            if cell.key == key:
                return cell
        raise KeyError(key)


def _values(counted: Tally) -> dict[str, int]:
    values = {
        ANSWERED: counted.answered,
        PREFER_NOT_TO_SAY: counted.prefer_not_to_say,
        NOT_KNOWN: counted.not_known,
    }
    values.update(counted.counts)
    return values


def publish_tally(counted: Tally, threshold: int) -> PublishedTally:
    """Suppress ``counted`` for publication: primary, then secondary suppression until nothing can be pinned."""
    values = _values(counted)
    categories = [category for category, _ in counted.counts]
    status = {
        key: CellStatus.SMALL if 0 < value < threshold else CellStatus.SHOWN for key, value in values.items()
    }
    groups = (list(COMPLETENESS_KEYS), categories)
    if 0 < counted.members < threshold:
        status = dict.fromkeys(values, CellStatus.WITHHELD)
    while CellStatus.SHOWN in status.values():
        bounds = attacker_bounds(counted.members, threshold, {k: (status[k], values[k]) for k in values}, categories)
        pinned = [k for k in values if status[k] is not CellStatus.SHOWN and bounds[k][0] == bounds[k][1]]
        if not pinned:
            break
        own, other = groups if pinned[0] in COMPLETENESS_KEYS else groups[::-1]
        candidates = _shown_smallest_first(own, status, values) + _shown_smallest_first(other, status, values)
        if not candidates:
            status = dict.fromkeys(values, CellStatus.WITHHELD)
            break
        status[_most_helpful(pinned[0], candidates, status, values, counted.members, threshold, categories)] = (
            CellStatus.WITHHELD
        )

    def cell(key: str) -> Cell:
        return Cell(key, status[key], values[key] if status[key] is CellStatus.SHOWN else None)

    return PublishedTally(
        characteristic=counted.characteristic,
        members=counted.members,
        threshold=threshold,
        answered=cell(ANSWERED),
        prefer_not_to_say=cell(PREFER_NOT_TO_SAY),
        not_known=cell(NOT_KNOWN),
        categories=tuple(cell(k) for k in categories),
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
        trial = {k: (CellStatus.WITHHELD if k == candidate else status[k], values[k]) for k in values}
        low, high = attacker_bounds(members, threshold, trial, categories)[pinned]
        if low != high:
            return candidate
    return candidates[0]


def attacker_bounds(
    members: int,
    threshold: int,
    cells: Mapping[str, tuple[CellStatus, int | None]],
    categories: list[str],
) -> dict[str, tuple[int, int]]:
    """The range of values each cell could take, as far as someone with the published table can tell.

    ``cells`` maps every key (the three completeness keys and each category) to its status and, for shown cells,
    its value. The constraints are ``answered + prefer-not-to-say + not-known = members`` and
    ``sum(categories) = answered``.
    """
    bounds: dict[str, list[int]] = {}
    for key, (state, value) in cells.items():
        if state is CellStatus.SHOWN:
            assert value is not None
            bounds[key] = [value, value]
        elif state is CellStatus.SMALL:
            bounds[key] = [1, threshold - 1]
        else:
            bounds[key] = [0, members]
    # Each constraint: (positive terms, negative terms, constant): sum(pos) - sum(neg) = constant.
    constraints: tuple[tuple[list[str], list[str], int], ...] = (
        (list(COMPLETENESS_KEYS), [], members),
        (categories, [ANSWERED], 0),
    )
    changed = True
    while changed:
        changed = False
        for positive, negative, constant in constraints:
            for key, sign in _terms(positive, negative):
                rest_low = sum(bounds[k][0] * s for k, s in _terms(positive, negative) if k != key and s > 0) - sum(
                    bounds[k][1] for k, s in _terms(positive, negative) if k != key and s < 0
                )
                rest_high = sum(bounds[k][1] for k, s in _terms(positive, negative) if k != key and s > 0) - sum(
                    bounds[k][0] for k, s in _terms(positive, negative) if k != key and s < 0
                )
                # sign * x = constant - rest
                low, high = constant - rest_high, constant - rest_low
                if sign < 0:
                    low, high = -high, -low
                new = [max(bounds[key][0], low), min(bounds[key][1], high)]
                if new != bounds[key]:
                    if new[0] > new[1]:
                        raise ValueError("the published cells contradict each other")
                    bounds[key] = new
                    changed = True
    return {key: (low, high) for key, (low, high) in bounds.items()}


def _terms(positive: list[str], negative: list[str]) -> Iterator[tuple[str, int]]:
    for key in positive:
        yield key, 1
    for key in negative:
        yield key, -1


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
