"""Quotas: at least and at most so many of the seats for people in a category.

Quotas come from two places. A round file may give them (seats reserved by perspective, such as "at least half
with lived experience", SCIE guide 51; or bounds on a characteristic). And the diversity audit of the group's
current members gives lower bounds: :func:`coproduction.audit.recruitment_plan` for a group grown by the round's
seats says how many new members each category needs so that the grown group is within tolerance
(docs/audit.md), and each of those becomes "at least that many of the seats" (:func:`quotas_from_plan`).
Where both give a bound for one category, the stricter holds (:func:`merge_quotas`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import attrs

from coproduction.audit.labels import category_phrase
from coproduction.audit.targets import RecruitmentPlan
from coproduction.models.diversity import Characteristic
from coproduction.models.enums import Perspective
from coproduction.recruitment.errors import RecruitmentError
from coproduction.recruitment.models import LIVED_EXPERIENCE_QUOTA, Applicant, QuotaEntry
from coproduction.recruitment.solver import PanelProblem, Relaxation, best_panel, smallest_relaxation

#: The feature of a quota on perspectives (any other feature is a :class:`Characteristic`'s value).
PERSPECTIVE = "perspective"

FROM_FILE = "the round file"
FROM_AUDIT = "the audit"
FROM_TARGETS = "the targets file"

_PERSPECTIVE_WORDS = {
    LIVED_EXPERIENCE_QUOTA: "with lived experience (using services or caring for someone who does)",
    Perspective.USES_SERVICES.value: "who use services",
    Perspective.CARER.value: "who are carers",
    Perspective.STAFF.value: "who are staff",
    Perspective.VOLUNTARY_SECTOR.value: "from the voluntary sector",
}


@attrs.frozen
class Quota:
    """At least ``at_least`` and at most ``at_most`` (``None``: no upper bound) of the seats for people in
    ``category`` of ``feature`` (``perspective`` or a characteristic); ``sources`` says where it came from."""

    feature: str
    category: str
    at_least: int = 0
    at_most: int | None = None
    sources: tuple[str, ...] = (FROM_FILE,)

    @property
    def key(self) -> tuple[str, str]:
        """What the quota is about: (feature, category)."""
        return (self.feature, self.category)

    @property
    def people(self) -> str:
        """The people it counts, in words ("people aged 16 to 24")."""
        if self.feature == PERSPECTIVE:
            return f"people {_PERSPECTIVE_WORDS[self.category]}"
        return f"people {category_phrase(Characteristic(self.feature), self.category)}"

    @property
    def words(self) -> str:
        """The quota in plain words ("at least 1 and at most 3 seats for people aged 16 to 24")."""
        if self.at_most is None:
            bound = f"at least {self.at_least}"
        elif self.at_least == 0:
            bound = f"at most {self.at_most}"
        elif self.at_least == self.at_most:
            bound = f"exactly {self.at_least}"
        else:
            bound = f"at least {self.at_least} and at most {self.at_most}"
        shown = self.at_most if self.at_most is not None else self.at_least
        seats = "seat" if shown == 1 else "seats"
        return f"{bound} {seats} for {self.people}"

    def counts(self, applicant: Applicant) -> bool:
        """Whether ``applicant`` is one of the people this quota counts."""
        if self.feature == PERSPECTIVE:
            if self.category == LIVED_EXPERIENCE_QUOTA:
                return applicant.has_lived_experience
            return Perspective(self.category) in applicant.perspectives
        if applicant.diversity is None:
            return False
        return applicant.diversity.answer(Characteristic(self.feature)) == self.category


def quota_from_entry(entry: QuotaEntry, source: str = FROM_FILE) -> Quota:
    """A round file's (or targets file's) quota, already validated by the loader, as a :class:`Quota`."""
    if entry.perspective is not None:
        return Quota(PERSPECTIVE, entry.perspective, entry.at_least, entry.at_most, (source,))
    assert entry.characteristic is not None
    assert entry.category is not None
    return Quota(entry.characteristic, entry.category, entry.at_least, entry.at_most, (source,))


def quotas_from_plan(plan: RecruitmentPlan) -> tuple[Quota, ...]:
    """The audit's recruitment targets as lower bounds (nothing when the plan is not feasible)."""
    if not plan.feasible:
        return ()
    return tuple(
        Quota(target.characteristic.value, target.category, target.at_least, None, (FROM_AUDIT,))
        for target in plan.targets
    )


def merge_quotas(*groups: Iterable[Quota]) -> tuple[Quota, ...]:
    """One quota per category, the strictest bounds of those given, in the order first given."""
    merged: dict[tuple[str, str], Quota] = {}
    for quota in (q for group in groups for q in group):
        old = merged.get(quota.key)
        if old is None:
            merged[quota.key] = quota
            continue
        uppers = [u for u in (old.at_most, quota.at_most) if u is not None]
        sources = old.sources + tuple(s for s in quota.sources if s not in old.sources)
        merged[quota.key] = Quota(
            quota.feature, quota.category, max(old.at_least, quota.at_least), min(uppers) if uppers else None, sources
        )
    return tuple(merged.values())


def membership(quotas: Sequence[Quota], applicants: Sequence[Applicant]) -> tuple[frozenset[int], ...]:
    """For each quota, the indices of the applicants it counts."""
    return tuple(frozenset(i for i, a in enumerate(applicants) if q.counts(a)) for q in quotas)


def panel_problem(quotas: Sequence[Quota], candidates: Sequence[Applicant], seats: int) -> PanelProblem:
    """The selection as integer-program data: candidates by index, each quota's members and bounds."""
    return PanelProblem(
        size=len(candidates),
        seats=seats,
        groups=membership(quotas, candidates),
        lower=tuple(q.at_least for q in quotas),
        upper=tuple(q.at_most for q in quotas),
    )


def conflicting(problem: PanelProblem) -> tuple[int, ...]:
    """A smallest-by-deletion set of quotas (indices) that no panel can meet together: drop each quota in turn
    and keep it out if the rest still cannot be met (the "deletion filter" for an irreducible infeasible set,
    Chinneck & Dravnieks, ORSA Journal on Computing 3(2), 1991). Empty when the quotas can be met."""
    keep = list(range(len(problem.groups)))

    def feasible(indices: list[int]) -> bool:
        sub = PanelProblem(
            problem.size,
            problem.seats,
            tuple(problem.groups[i] for i in indices),
            tuple(problem.lower[i] for i in indices),
            tuple(problem.upper[i] for i in indices),
        )
        return best_panel(sub, [0.0] * problem.size) is not None

    if feasible(keep):
        return ()
    for index in list(keep):
        trial = [i for i in keep if i != index]
        if not feasible(trial):
            keep = trial
    return tuple(keep)


def describe_relaxation(
    quotas: Sequence[Quota], relaxation: Relaxation, candidates: int, seats: int, conflict: Sequence[int] = ()
) -> str:
    """Why no panel meets the quotas (``conflict``: the indices of quotas that cannot hold together) and the
    smallest change that would let one, in plain words."""
    if relaxation.seats_short:
        people = "applicant is" if candidates == 1 else "applicants are"
        return (
            f"There are {seats} seats but only {candidates} eligible {people} left after screening: "
            f"reduce the seats to {candidates} or reopen the round."
        )
    changes: list[str] = []
    for quota, down, up in zip(quotas, relaxation.lower_by, relaxation.upper_by, strict=True):
        if down:
            changes.append(f'lower "{quota.words}" to at least {quota.at_least - down}')
        if up:
            assert quota.at_most is not None
            changes.append(f'raise "{quota.words}" to at most {quota.at_most + up}')
    named = [quotas[i].words for i in conflict]
    if len(named) == 1:
        why = f"{named[0]} cannot be met by the eligible applicants"
    else:
        why = "these quotas cannot all hold together: " + "; ".join(named)
    return (
        f"No panel of {seats} from the {candidates} eligible applicants meets all the quotas: {why}. "
        f"The smallest change that makes a panel possible: {'; '.join(changes)}. "
        "Alternatively, find more applicants in these groups."
    )


def require_feasible(quotas: Sequence[Quota], candidates: Sequence[Applicant], seats: int) -> PanelProblem:
    """The selection's :class:`PanelProblem`; :class:`RecruitmentError` in plain words when no panel can meet
    the quotas, naming those in conflict and the smallest relaxation."""
    problem = panel_problem(quotas, candidates, seats)
    relaxation = smallest_relaxation(problem)
    if relaxation.needed:
        conflict = conflicting(problem) if not relaxation.seats_short else ()
        raise RecruitmentError(describe_relaxation(quotas, relaxation, len(candidates), seats, conflict))
    return problem


__all__ = [
    "FROM_AUDIT",
    "FROM_FILE",
    "PERSPECTIVE",
    "Quota",
    "conflicting",
    "describe_relaxation",
    "membership",
    "merge_quotas",
    "panel_problem",
    "quota_from_entry",
    "quotas_from_plan",
    "require_feasible",
]
