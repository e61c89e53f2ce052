"""Publishing again: suppression that also protects the change since the last publication (issue 10, part 2).

Domain code. Two publishable audits of one group on two dates can be read side by side. If one member joined (or
left) in between, every count that moved by one names that member's category, although each audit alone hides
nothing: "White 20" then "White 21" says the new member is White. Given the previous publication, the new one
is suppressed further until such a reader cannot tell:

1. **No small change in a shown count.** A count shown in both publications may not change by 1 to
   ``threshold - 1``; such a count is hidden ("not shown").
2. **No single joiner or leaver pinned.** When the group's size changed by one, the reader may assume that one
   member joined or left and nothing else changed. For every answer (each category, "prefer not to say", "not
   known") that member might have given, the tables of both publications are checked for a pair that fits
   (:func:`joint_analysis`). The new publication must leave at least two answers possible, never exactly one
   category (two or more, or none: then the reader learns only that the member gave no category), and must pin
   no hidden count of either publication to one value. More cells are hidden until it does; a cell may be
   "not published" on its own (its value could be anything), and if nothing less will do, the whole table is.

The conditions are relative: what the previous publication already says is not held against the new one (if it
showed every member as answering "female", a reader knows a leaver's answer whatever is published next).

What a reader is assumed to know is what :mod:`coproduction.audit.suppression` assumes, for each publication, and
that exactly one member joined or left. Not covered (docs/audit.md): a reader who also saw an unpublished state in
between, or compares more than two publications (each is protected against the one before it only), or who
knows who joined and something else about them, or who re-runs this procedure on candidate tables.
"""

from __future__ import annotations

from collections.abc import Mapping

import attrs

from coproduction.audit.analysis import Tally
from coproduction.audit.errors import AuditError
from coproduction.audit.suppression import (
    ANSWERED,
    COMPLETENESS_KEYS,
    NOT_KNOWN,
    PREFER_NOT_TO_SAY,
    CellStatus,
    PublishedTally,
    domain_bits,
    feasible_bits,
    publish_tally,
    published_from,
    suppress_further,
    tally_values,
)
from coproduction.models.diversity import Characteristic

#: How hidden each status is: an action may only move a cell to a more hidden status.
_HIDING = {CellStatus.SHOWN: 0, CellStatus.SMALL: 1, CellStatus.WITHHELD: 1, CellStatus.NOT_PUBLISHED: 2}


@attrs.frozen
class PreviousTable:
    """One characteristic's table as the previous publication showed it.

    ``cells`` maps every key (the three completeness keys and each category, as in
    ``coproduction.audit.suppression.tally_values``) to its status and, when shown, its count. ``members`` is
    the group's size then, ``None`` when that publication hid it (a group smaller than its threshold).
    """

    characteristic: Characteristic
    members: int | None
    threshold: int
    cells: Mapping[str, tuple[CellStatus, int | None]]

    @property
    def categories(self) -> tuple[str, ...]:
        """The keys of the table's category rows, in order."""
        return tuple(key for key in self.cells if key not in COMPLETENESS_KEYS)


@attrs.frozen
class PreviousPublication:
    """The last published audit of a group: its date, the group, the baseline, and each characteristic's table."""

    group_id: str
    baseline_name: str
    as_of: str
    tables: Mapping[Characteristic, PreviousTable]

    def table(self, characteristic: Characteristic) -> PreviousTable | None:
        """The characteristic's table as published then (``None``: it was not published)."""
        return self.tables.get(characteristic)


@attrs.frozen
class JointAnalysis:
    """What a reader of both publications can tell under one hypothesis (one member joined, or one left).

    ``moved``: the answers the member may have given. ``before`` and ``after``: the values each cell may take in
    the previous and in the new publication's table, as bit sets (bit ``v`` set: ``v`` possible). All empty
    when no single joiner or leaver fits both publications.
    """

    moved: frozenset[str]
    before: Mapping[str, int]
    after: Mapping[str, int]


def _steps(previous: PreviousTable, members: int) -> list[int]:
    """The single changes a reader can assume: +1 (one joined), -1 (one left)."""
    if previous.members is None:  # the previous size was not published: either is possible
        return [step for step in (1, -1) if members - step >= 0]
    step = members - previous.members
    return [step] if step in (1, -1) else []


def joint_analysis(
    previous: PreviousTable,
    members: int,
    threshold: int,
    cells: Mapping[str, tuple[CellStatus, int | None]],
    step: int,
) -> JointAnalysis:
    """Every answer a member who joined (``step`` 1) or left (``step`` -1) may have given, and every value each
    cell of either table may take, for a reader of the previous publication and the new one (``cells``, of a
    group of ``members`` under ``threshold``). Exact, by the same sums as
    ``coproduction.audit.suppression.feasible_values``: for each answer, the previous table's cells must fit
    both what was published then and what is published now shifted by that one member."""
    before_members = members - step
    categories = list(previous.categories)
    old = {
        key: domain_bits(state, value, before_members, previous.threshold)
        for key, (state, value) in previous.cells.items()
    }
    new = {key: domain_bits(state, value, members, threshold) for key, (state, value) in cells.items()}
    moved: set[str] = set()
    before = dict.fromkeys(old, 0)
    after = dict.fromkeys(old, 0)
    for answer in (*categories, PREFER_NOT_TO_SAY, NOT_KNOWN):
        touched = {answer, ANSWERED} if answer in categories else {answer}
        # A previous value v fits when v + step is allowed now: shift the new domain back by the step.
        fits = {
            key: old[key] & ((new[key] >> 1 if step == 1 else new[key] << 1) if key in touched else new[key])
            for key in old
        }
        possible = feasible_bits(before_members, fits, categories)
        if not possible[ANSWERED]:
            continue
        moved.add(answer)
        for key, bits in possible.items():
            before[key] |= bits
            after[key] |= (bits << 1 if step == 1 else bits >> 1) if key in touched else bits
    return JointAnalysis(frozenset(moved), before, after)


def _count(bits: int) -> int:
    return bin(bits).count("1")


def _learnt(
    analysis: JointAnalysis, categories: frozenset[str], hidden_before: list[str], hidden_after: list[str]
) -> set[tuple[str, str]]:
    """What a reader learns under one hypothesis: the member's answer (one answer possible, or exactly one
    category), and each hidden cell pinned to one value."""
    learnt: set[tuple[str, str]] = set()
    if not analysis.moved:
        return learnt  # no single joiner or leaver fits: the hypothesis is ruled out
    if len(analysis.moved) < 2:
        learnt.add(("answer", "only one answer"))
    if len(analysis.moved & categories) == 1:
        learnt.add(("answer", "only one category"))
    learnt.update(("before", key) for key in hidden_before if _count(analysis.before[key]) < 2)
    learnt.update(("after", key) for key in hidden_after if _count(analysis.after[key]) < 2)
    return learnt


def publish_since(counted: Tally, threshold: int, previous: PreviousTable | None) -> PublishedTally:
    """Suppress ``counted`` for publication after ``previous`` (the same characteristic's table as last
    published; ``None``: nothing to compare with, plain :func:`publish_tally`).

    Raises :class:`AuditError` when the two tables' categories differ (a baseline's groups of categories changed):
    they cannot be compared, and publishing both would not be safe.
    """
    first = publish_tally(counted, threshold)
    if previous is None:
        return first
    values = tally_values(counted)
    if list(previous.cells) != list(values):
        raise AuditError(
            f"the previous audit's categories for {previous.characteristic.label} differ from this audit's, so "
            "the two cannot be compared safely"
        )
    status = {cell.key: cell.status for cell in first.cells}
    for key, (state, value) in previous.cells.items():  # 1. no small change in a count shown in both
        if state is CellStatus.SHOWN and status[key] is CellStatus.SHOWN:
            assert value is not None
            if 0 < abs(values[key] - value) < threshold:
                status[key] = CellStatus.WITHHELD
    status = _statuses(suppress_further(counted, threshold, status))
    steps = _steps(previous, counted.members)
    if not steps:
        return published_from(counted, threshold, status)
    categories = frozenset(previous.categories)
    hidden_before = [key for key, (state, _) in previous.cells.items() if state is not CellStatus.SHOWN]

    def learnt(trial: Mapping[str, CellStatus]) -> set[tuple[int, str, str]]:
        cells = {key: (trial[key], values[key] if trial[key] is CellStatus.SHOWN else None) for key in values}
        hidden_after = [key for key in values if trial[key] is not CellStatus.SHOWN]
        found: set[tuple[int, str, str]] = set()
        for step in steps:
            analysis = joint_analysis(previous, counted.members, threshold, cells, step)
            found |= {(step, *item) for item in _learnt(analysis, categories, hidden_before, hidden_after)}
        return found

    # 2. Whatever a reader would learn with nothing new published at all is not the new table's doing.
    unavoidable = learnt(dict.fromkeys(values, CellStatus.NOT_PUBLISHED))
    problems = learnt(status) - unavoidable
    while problems:
        best: tuple[int, dict[str, CellStatus]] | None = None
        for trial in _more_hidden(status, values):
            trial = _statuses(suppress_further(counted, threshold, trial))
            left = len(learnt(trial) - unavoidable)
            if best is None or left < best[0]:
                best = (left, trial)
            if left == 0:
                break
        if best is None:
            status = dict.fromkeys(values, CellStatus.NOT_PUBLISHED)
            break
        status = best[1]
        problems = learnt(status) - unavoidable
    return published_from(counted, threshold, status)


def _statuses(published: PublishedTally) -> dict[str, CellStatus]:
    return {cell.key: cell.status for cell in published.cells}


def _more_hidden(status: Mapping[str, CellStatus], values: Mapping[str, int]) -> list[dict[str, CellStatus]]:
    """Each way of hiding one cell a step further, the least revealing first: a shown count "not shown", smallest
    first; then a cell "not published" (anything), smallest first."""
    order = sorted(values, key=lambda key: (values[key], list(values).index(key)))
    out = []
    for key in order:
        if status[key] is CellStatus.SHOWN:
            out.append({**status, key: CellStatus.WITHHELD})
    for key in order:
        if _HIDING[status[key]] < _HIDING[CellStatus.NOT_PUBLISHED]:
            out.append({**status, key: CellStatus.NOT_PUBLISHED})
    return out
