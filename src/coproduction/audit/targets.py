"""Recruitment targets: the fewest new members, by category, that bring every monitored characteristic within
tolerance (issue 5, item 3).

Domain code. A new member has one category for each characteristic, so one person can close a gap in ethnic group
and in age at once: the fewest recruits overall is the smallest ``k`` for which, in *every* characteristic with a
baseline, the members needed per category add up to no more than ``k``. For each characteristic the needs are
worked out for the grown group (``answered + k``), because adding people raises every expected count.

Assumptions, stated in every plan: the recruits answer the monitoring questions, and nobody leaves. Categories
with an expected count under ``policy.min_expected_count`` in the grown group are not required (DV001 does not
judge them either).
"""

from __future__ import annotations

import math
from fractions import Fraction

import attrs

from coproduction.audit.analysis import CharacteristicAudit, GroupAudit
from coproduction.audit.errors import AuditError
from coproduction.audit.labels import category_phrase, characteristic_title
from coproduction.models.diversity import Characteristic

#: How far beyond the current size the search for a feasible plan goes before it gives up.
SEARCH_LIMIT = 1000


@attrs.frozen
class CategoryTarget:
    """A recruitment target: at least this many new members in one category of one characteristic."""

    characteristic: Characteristic
    category: str
    at_least: int

    @property
    def words(self) -> str:
        """The target in plain words, as reports show it ("2 more members aged 16 to 24")."""
        noun = "member" if self.at_least == 1 else "members"
        return f"{self.at_least} more {noun} {category_phrase(self.characteristic, self.category)}"


@attrs.frozen
class RecruitmentPlan:
    """The fewest additions (``additions``) and what they must include (``targets``).

    ``target_size`` is the size the caller asked for (``None``: the smallest that works). ``feasible`` is false
    when no plan within that size exists; ``minimum_additions`` is then the smallest number that would work.
    """

    current_size: int
    target_size: int | None
    additions: int
    targets: tuple[CategoryTarget, ...]
    feasible: bool
    minimum_additions: int | None
    #: Characteristics with a baseline where too few members answered to trust the targets (see
    #: :func:`recruitment_plan`'s ``max_unanswered_share``).
    incomplete: tuple[Characteristic, ...] = ()

    @property
    def sentence(self) -> str:
        """The plan in plain words, with a caution when it rests on few answers."""
        text = self._plan_words()
        if self.incomplete:
            names = [characteristic_title(c).lower() for c in self.incomplete]
            listed = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
            text += (
                f" Many members have not answered about {listed}, so this rests on few answers: ask members to "
                "complete their monitoring before relying on it."
            )
        return text

    def _plan_words(self) -> str:
        if not self.feasible:
            if self.minimum_additions is None:
                return (
                    "No number of new members would bring every characteristic within tolerance: check the "
                    "policy's min_representation_ratio."
                )
            size = self.current_size + self.minimum_additions
            return (
                f"A group of {self.target_size} cannot be brought within tolerance by adding members; the "
                f"smallest group that can is {size} ({self.minimum_additions} more)."
            )
        if not self.targets:
            return "No recruitment is needed: every judged category is within tolerance."
        parts = [t.words for t in self.targets]
        listed = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
        people = "person" if self.additions == 1 else "people"
        if self.target_size is not None:
            return (
                f"To grow to {self.target_size} members, recruit {self.additions} new {people} including at "
                f"least {listed}; one person can meet several of these."
            )
        head = f"Recruit at least {listed}."
        if len(self.targets) > 1 or self.targets[0].at_least != self.additions:
            head += f" {self.additions} new {people} can cover all of these, as one person can meet several."
        return head


def needs_at(audit: CharacteristicAudit, additions: int, ratio: Fraction, min_expected: Fraction) -> dict[str, int]:
    """Members needed per category of one characteristic once the group has ``additions`` more who answered."""
    baseline = audit.baseline
    if baseline is None:
        return {}
    grown = audit.tally.answered + additions
    needs: dict[str, int] = {}
    for category, count in audit.tally.counts:
        expected = baseline.share(category) * grown
        if expected == 0 or expected < min_expected:
            continue
        wanted = math.ceil(ratio * expected)
        if count < ratio * expected and wanted > count:
            needs[category] = wanted - count
    return needs


def _plan_at(audit: GroupAudit, additions: int) -> tuple[CategoryTarget, ...] | None:
    targets: list[CategoryTarget] = []
    for characteristic_audit in audit.characteristics:
        needs = needs_at(characteristic_audit, additions, audit.min_representation_ratio, audit.min_expected_count)
        if sum(needs.values()) > additions:
            return None
        targets.extend(
            CategoryTarget(characteristic_audit.characteristic, category, count)
            for category, count in needs.items()
        )
    return tuple(targets)


def recruitment_plan(
    audit: GroupAudit, *, target_size: int | None = None, max_unanswered_share: float = 0.2
) -> RecruitmentPlan:
    """The fewest additions that bring every characteristic with a baseline within tolerance.

    With ``target_size``, the plan is for growing the group to that many members. Raises :class:`AuditError`
    when ``target_size`` is smaller than the group already is. A characteristic with a baseline where more than
    ``max_unanswered_share`` of members gave no category (not known, or prefer not to say) is listed in
    ``incomplete`` (policy ``max_unknown_share``, DV002's threshold, is the natural value).
    """
    limit = Fraction(repr(max_unanswered_share))
    incomplete = tuple(
        item.characteristic
        for item in audit.characteristics
        if item.has_baseline
        and item.tally.members
        and Fraction(item.tally.members - item.tally.answered, item.tally.members) > limit
    )
    return attrs.evolve(_plan(audit, target_size), incomplete=incomplete)


def _plan(audit: GroupAudit, target_size: int | None) -> RecruitmentPlan:
    if target_size is not None and target_size < audit.members:
        raise AuditError(
            f"target size {target_size} is smaller than the group's {audit.members} current members; "
            "recruitment targets only add members"
        )
    minimum = None
    minimum_targets: tuple[CategoryTarget, ...] = ()
    for additions in range(SEARCH_LIMIT + 1):
        found = _plan_at(audit, additions)
        if found is not None:
            minimum, minimum_targets = additions, found
            break
    if target_size is None:
        if minimum is None:
            return RecruitmentPlan(audit.members, None, 0, (), False, None)
        return RecruitmentPlan(audit.members, None, minimum, minimum_targets, True, minimum)
    additions = target_size - audit.members
    at_size = _plan_at(audit, additions)
    if at_size is None:
        return RecruitmentPlan(audit.members, target_size, additions, (), False, minimum)
    return RecruitmentPlan(audit.members, target_size, additions, at_size, True, minimum)


def describe_target(target: CategoryTarget) -> str:
    """``"Ethnic group: 1 more member from a Black ethnic group"``."""
    return f"{characteristic_title(target.characteristic)}: {target.words}"
