"""Run a round: screen the applicants, gather the quotas, compute the LEXIMIN distribution, draw the panel.

Domain code: the caller passes the audit's :class:`~coproduction.audit.RecruitmentPlan` for the group grown by
the round's seats (the command line works it out from the register), and a seed it announces before the draw.
Nothing here reads a clock or draws an unseeded random number: the same round, plan and seed give the same result.
"""

from __future__ import annotations

import attrs

from coproduction.audit.targets import RecruitmentPlan
from coproduction.recruitment.eligibility import Screening, screen
from coproduction.recruitment.leximin import Distribution, draw, leximin
from coproduction.recruitment.models import Applicant, Round
from coproduction.recruitment.quotas import (
    FROM_FILE,
    Quota,
    merge_quotas,
    quota_from_entry,
    quotas_from_plan,
    require_feasible,
)


@attrs.frozen
class RoundResult:
    """What a round came to. ``candidates`` are the eligible applicants, numbered from 1 in this order in the
    published distribution; ``probabilities[i]`` is ``candidates[i]``'s chance of selection; ``panel`` the
    applicants drawn with ``seed`` (which gave ``draw_value``)."""

    round: Round
    screening: Screening
    quotas: tuple[Quota, ...]
    notes: tuple[str, ...]
    distribution: Distribution
    probabilities: tuple[float, ...]
    seed: int
    draw_value: float
    drawn: tuple[int, ...]

    @property
    def candidates(self) -> tuple[Applicant, ...]:
        """The eligible applicants, in the round file's order."""
        return self.screening.eligible

    @property
    def panel(self) -> tuple[Applicant, ...]:
        """The applicants drawn."""
        return tuple(self.candidates[i] for i in self.drawn)

    @property
    def equal_share(self) -> float:
        """Seats divided by eligible applicants: every candidate's chance if there were no quotas."""
        return self.round.seats / len(self.candidates)


def round_quotas(
    round_: Round, plan: RecruitmentPlan | None, *, source: str = FROM_FILE
) -> tuple[tuple[Quota, ...], tuple[str, ...]]:
    """The quotas the selection must meet, and notes on where they came from; ``source`` names where the round's
    own quotas were given (the round file, or a targets file that replaced them)."""
    notes: list[str] = []
    from_audit: tuple[Quota, ...] = ()
    if round_.quotas_from_audit and plan is not None:
        from_audit = quotas_from_plan(plan)
        if round_.leavers:
            count = len(round_.leavers)
            notes.append(
                f"{count} {'member leaves' if count == 1 else 'members leave'} the group at the round's close; the "
                "audit counted only the members who remain, so the targets are for them and the new panel together."
            )
        if plan.feasible:
            notes.append(f"The audit of the current members says: {plan.sentence}")
        else:
            notes.append(
                f"The audit's targets could not be met by {round_.seats} new members ({plan.sentence}); only the "
                "round file's quotas apply."
            )
    return merge_quotas((quota_from_entry(e, source) for e in round_.quotas), from_audit), tuple(notes)


def run_round(
    round_: Round, *, seed: int, plan: RecruitmentPlan | None = None, quota_source: str = FROM_FILE
) -> RoundResult:
    """Screen, set quotas, select fairly and draw with ``seed``; ``quota_source`` as for :func:`round_quotas`. Raises
    :class:`~coproduction.recruitment.RecruitmentError` in plain words when the quotas cannot be met."""
    screening = screen(round_)
    quotas, notes = round_quotas(round_, plan, source=quota_source)
    problem = require_feasible(quotas, screening.eligible, round_.seats)
    distribution = leximin(problem)
    drawn, value = draw(distribution, seed)
    return RoundResult(
        round=round_,
        screening=screening,
        quotas=quotas,
        notes=notes,
        distribution=distribution,
        probabilities=distribution.marginals(problem.size),
        seed=seed,
        draw_value=value,
        drawn=drawn,
    )


__all__ = ["RoundResult", "round_quotas", "run_round"]
