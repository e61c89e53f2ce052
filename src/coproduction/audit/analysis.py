"""The diversity audit's arithmetic: a group's make-up against a population baseline.

Domain code (imports only models, policy and baseline values; reads nothing). For each monitored characteristic
and category it works out the count, the share of those who answered, the count expected from the baseline, the
representation ratio and how many more members would bring the category within tolerance; plus completeness
("prefer not to say" and "not known" kept apart) and the Gini-Simpson diversity index (Blau's index).

Rules (DV001, docs/checks/DV001.md; issue 5):

* shares of a group exclude both "prefer not to say" and "not known"; a baseline's shares exclude its
  "not answered";
* expected count = baseline share x members who answered;
* a category is *judged* when its expected count is at least ``policy.min_expected_count`` and *under-represented*
  when its count is under ``policy.min_representation_ratio`` x expected;
* a characteristic the baseline lacks is "no baseline": reported, never judged;
* where the baseline's source is coarser than the audit's categories (figures for "65 and over", not for 65-74,
  75-84 and 85+), members are counted by the baseline's units and the units are judged: the audit never splits a
  published figure the source does not split (issue 10; :mod:`coproduction.audit.population`).

Arithmetic is exact (:class:`fractions.Fraction`) so that edges such as "exactly half the expected count" are
decided the same way on every machine.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from datetime import date
from enum import StrEnum
from fractions import Fraction

import attrs

from coproduction.audit.errors import AuditError
from coproduction.audit.population import Baseline, CharacteristicBaseline
from coproduction.models.diversity import PREFER_NOT_TO_SAY, Characteristic
from coproduction.models.member import Member
from coproduction.models.register import Register
from coproduction.models.validation import require_valid
from coproduction.policy import Policy


def exact(value: float | int) -> Fraction:
    """A policy number as the decimal its author wrote (0.1 is 1/10, not the nearest binary fraction)."""
    return Fraction(repr(value)) if isinstance(value, float) else Fraction(value)


class RowStatus(StrEnum):
    """How a category stands against its baseline."""

    NO_BASELINE = "no-baseline"
    NOT_JUDGED = "not-judged"
    UNDER = "under-represented"
    WITHIN = "within-tolerance"


@attrs.frozen
class Tally:
    """Counts for one characteristic: per answer category, "prefer not to say" and "not known" (no answer)."""

    characteristic: Characteristic
    counts: tuple[tuple[str, int], ...]
    prefer_not_to_say: int
    not_known: int

    @property
    def answered(self) -> int:
        """Members whose answer is a category (neither "prefer not to say" nor "not known")."""
        return sum(count for _, count in self.counts)

    @property
    def members(self) -> int:
        """Every member counted: those who answered, preferred not to say, or gave no answer."""
        return self.answered + self.prefer_not_to_say + self.not_known

    def count(self, category: str) -> int:
        """How many members answered ``category`` (0 for a category nobody chose)."""
        return dict(self.counts).get(category, 0)


def tally(members: Iterable[Member], characteristic: Characteristic) -> Tally:
    """Count ``members`` by their answer for ``characteristic``; a member with no profile is "not known"."""
    counts = dict.fromkeys(characteristic.answer_categories, 0)
    prefer_not_to_say = not_known = 0
    for member in members:
        answer = member.diversity.answer(characteristic) if member.diversity is not None else None
        if answer is None:
            not_known += 1
        elif answer == PREFER_NOT_TO_SAY:
            prefer_not_to_say += 1
        else:
            counts[answer] += 1
    return Tally(characteristic, tuple(counts.items()), prefer_not_to_say, not_known)


def regroup(counted: Tally, baseline: CharacteristicBaseline | None) -> Tally:
    """``counted`` by the units of ``baseline`` (see :mod:`coproduction.audit.population`): the members in each
    unit's categories added up, in the baseline's unit order. Unchanged when the baseline gives a figure per
    category (or there is none); a tally already by units is returned as it is."""
    if baseline is None or not baseline.grouped:
        return counted
    keys = baseline.unit_keys
    if tuple(key for key, _ in counted.counts) == keys:
        return counted
    counts = dict.fromkeys(keys, 0)
    for category, count in counted.counts:
        counts[baseline.unit_of(category)] += count
    return Tally(counted.characteristic, tuple(counts.items()), counted.prefer_not_to_say, counted.not_known)


def gini_simpson(counts: Sequence[int] | Sequence[Fraction]) -> Fraction | None:
    """Gini-Simpson index (Blau's index): the chance that two people drawn at random, with replacement, differ.

    0 when everyone shares one category; ``None`` when there is no one to count.
    """
    total = sum(counts, Fraction(0))
    if total == 0:
        return None
    return Fraction(1) - sum((Fraction(c) / total) ** 2 for c in counts)


def additions_to_reach(count: int, share: Fraction, answered: int, ratio: Fraction) -> int | None:
    """Fewest members of a category to add so that it is no longer under ``ratio`` x its expected count.

    Adding ``k`` members who answer raises the expected count too, so ``k`` is the smallest whole number with
    ``count + k >= ratio * share * (answered + k)``. ``None`` when no number would do (``ratio * share >= 1``).
    """
    target = ratio * share
    shortfall = target * answered - count
    if shortfall <= 0:
        return 0
    if target >= 1:
        return None
    return math.ceil(shortfall / (1 - target))


@attrs.frozen
class CategoryRow:
    """One category of one characteristic, against the baseline."""

    category: str
    count: int
    share: Fraction | None
    baseline_share: Fraction | None
    expected: Fraction | None
    ratio: Fraction | None
    status: RowStatus
    additions_needed: int | None

    @property
    def under(self) -> bool:
        """Whether the category is under-represented against the baseline (DV001's judgement)."""
        return self.status is RowStatus.UNDER


@attrs.frozen
class CharacteristicAudit:
    """The audit of one characteristic: completeness, rows per category, diversity index."""

    tally: Tally
    rows: tuple[CategoryRow, ...]
    baseline: CharacteristicBaseline | None
    diversity_index: Fraction | None
    baseline_diversity_index: Fraction | None

    @property
    def characteristic(self) -> Characteristic:
        """The characteristic audited."""
        return self.tally.characteristic

    @property
    def has_baseline(self) -> bool:
        """Whether the baseline has figures for this characteristic (without them, only counts are shown)."""
        return self.baseline is not None

    @property
    def unknown_share(self) -> Fraction | None:
        """Share of members with no answer ("not known"); "prefer not to say" counts as an answer (DV002)."""
        members = self.tally.members
        return Fraction(self.tally.not_known, members) if members else None

    @property
    def under_represented(self) -> tuple[CategoryRow, ...]:
        """The rows of the categories that are under-represented, in row order."""
        return tuple(row for row in self.rows if row.under)


def audit_characteristic(
    members: Sequence[Member],
    characteristic: Characteristic,
    baseline: CharacteristicBaseline | None,
    policy: Policy,
) -> CharacteristicAudit:
    """Audit one characteristic of ``members`` against ``baseline`` (``None``: no baseline, nothing judged)."""
    counted = tally(members, characteristic)
    return audit_tally(counted, baseline, policy)


def audit_tally(counted: Tally, baseline: CharacteristicBaseline | None, policy: Policy) -> CharacteristicAudit:
    """Audit counts already made (see :func:`tally`), by the baseline's units when its source is coarser."""
    counted = regroup(counted, baseline)
    rows = category_rows(counted, baseline, policy)
    index = gini_simpson([count for _, count in counted.counts])
    baseline_index = (
        gini_simpson([baseline.share(c) for c, _ in counted.counts]) if baseline is not None else None
    )
    return CharacteristicAudit(counted, rows, baseline, index, baseline_index)


def category_rows(
    counted: Tally, baseline: CharacteristicBaseline | None, policy: Policy
) -> tuple[CategoryRow, ...]:
    """:attr:`CharacteristicAudit.rows` of :func:`audit_tally`, without the diversity indexes (DV001 reads only
    the rows, for every group and characteristic). Rows are by the baseline's units (:func:`regroup`)."""
    counted = regroup(counted, baseline)
    ratio_limit = exact(policy.min_representation_ratio)
    min_expected = exact(policy.min_expected_count)
    answered = counted.answered
    rows = []
    for category, count in counted.counts:
        share = Fraction(count, answered) if answered else None
        if baseline is None:
            rows.append(CategoryRow(category, count, share, None, None, None, RowStatus.NO_BASELINE, None))
            continue
        baseline_share = baseline.share(category)
        expected = baseline_share * answered
        ratio = Fraction(count) / expected if expected else None
        if expected < min_expected or expected == 0:
            status, needed = RowStatus.NOT_JUDGED, None
        elif count < ratio_limit * expected:
            status = RowStatus.UNDER
            needed = additions_to_reach(count, baseline_share, answered, ratio_limit)
        else:
            status, needed = RowStatus.WITHIN, 0
        rows.append(CategoryRow(category, count, share, baseline_share, expected, ratio, status, needed))
    return tuple(rows)


class Column(StrEnum):
    """Columns of a cross-tabulation by perspective: lived experience (uses services or carer) or not."""

    LIVED_EXPERIENCE = "lived-experience"
    OTHER = "staff-and-others"


@attrs.frozen
class CrossTabulation:
    """One characteristic by perspective. Rows are the answer categories, "prefer not to say" and "not known"."""

    characteristic: Characteristic
    rows: tuple[tuple[str, tuple[int, int]], ...]

    @property
    def column_totals(self) -> tuple[int, int]:
        """Members counted in each column: with lived experience, then staff and others."""
        return (sum(r[1][0] for r in self.rows), sum(r[1][1] for r in self.rows))


NOT_KNOWN = "not-known"


def cross_tabulate(members: Sequence[Member], characteristic: Characteristic) -> CrossTabulation:
    """Count ``members`` by category and by whether they bring lived experience."""
    keys = [*characteristic.answer_categories, PREFER_NOT_TO_SAY, NOT_KNOWN]
    cells = {key: [0, 0] for key in keys}
    for member in members:
        answer = member.diversity.answer(characteristic) if member.diversity is not None else None
        column = 0 if member.has_lived_experience else 1
        cells[answer or NOT_KNOWN][column] += 1
    return CrossTabulation(characteristic, tuple((k, (cells[k][0], cells[k][1])) for k in keys))


def regroup_cross(cross: CrossTabulation, baseline: CharacteristicBaseline | None) -> CrossTabulation:
    """``cross`` with its answer rows added up by the baseline's units, as :func:`regroup` does for a tally."""
    if baseline is None or not baseline.grouped:
        return cross
    cells: dict[str, list[int]] = {key: [0, 0] for key in baseline.unit_keys}
    rest: list[tuple[str, tuple[int, int]]] = []
    for key, (first, second) in cross.rows:
        if key in (PREFER_NOT_TO_SAY, NOT_KNOWN):
            rest.append((key, (first, second)))
            continue
        cell = cells[baseline.unit_of(key)]
        cell[0] += first
        cell[1] += second
    rows = tuple((key, (pair[0], pair[1])) for key, pair in cells.items())
    return CrossTabulation(cross.characteristic, rows + tuple(rest))


@attrs.frozen
class GroupAudit:
    """A group's audit as of a date, against a named baseline, under a policy's thresholds."""

    group_id: str
    group_name: str
    as_of: date
    baseline_name: str
    baseline_area: str
    baseline_description: str
    members: int
    characteristics: tuple[CharacteristicAudit, ...]
    cross_tabulations: tuple[CrossTabulation, ...]
    min_representation_ratio: Fraction
    min_expected_count: Fraction

    def get(self, characteristic: Characteristic) -> CharacteristicAudit | None:
        """The audit of one characteristic, or ``None`` when it was not audited."""
        for audit in self.characteristics:
            if audit.characteristic is characteristic:
                return audit
        return None


def current_members(register: Register, group_id: str, as_of: date) -> tuple[Member, ...]:
    """The group's current members on ``as_of``. Raises :class:`AuditError` for an unknown group."""
    if group_id not in register.group_by_id:
        known = ", ".join(sorted(register.group_by_id)) or "none"
        raise AuditError(f"no group has id {group_id!r}; the register's groups are: {known}")
    return register.current_members(group_id, as_of)


def audit_group(
    register: Register, group_id: str, *, as_of: date, policy: Policy, baseline: Baseline
) -> GroupAudit:
    """Audit the current members of ``group_id`` on ``as_of`` against ``baseline`` for every monitored
    characteristic of ``policy``. An invalid register is refused first, with every problem
    (:class:`~coproduction.errors.InvalidRegisterError`); :func:`coproduction.audit_group` is the one-call form."""
    require_valid(register)
    members = current_members(register, group_id, as_of)
    group = register.group_by_id[group_id]
    audits = tuple(
        audit_characteristic(members, characteristic, baseline.get(characteristic), policy)
        for characteristic in policy.monitored_characteristics
    )
    crosses = tuple(
        regroup_cross(cross_tabulate(members, c), baseline.get(c)) for c in policy.monitored_characteristics
    )
    return GroupAudit(
        group_id=group.id,
        group_name=group.name,
        as_of=as_of,
        baseline_name=baseline.name,
        baseline_area=baseline.area,
        baseline_description=baseline.description,
        members=len(members),
        characteristics=audits,
        cross_tabulations=crosses,
        min_representation_ratio=exact(policy.min_representation_ratio),
        min_expected_count=exact(policy.min_expected_count),
    )
