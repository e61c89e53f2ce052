"""Eligibility screening: who may be selected, and for everyone screened out, why, in plain words.

The rules are a round's (:class:`~coproduction.recruitment.models.EligibilityRules`), after the criteria councils
publish when inviting applications (for instance Oxfordshire County Council's co-production board: live in
Oxfordshire; lived experience of using, or caring for someone who uses, health and social care). Reasons name the
rule, never an applicant's diversity answers.
"""

from __future__ import annotations

import attrs

from coproduction.recruitment.models import Applicant, Round


@attrs.frozen
class ScreenedOut:
    """An applicant who cannot be selected, with every rule they do not meet."""

    applicant: Applicant
    reasons: tuple[str, ...]


@attrs.frozen
class Screening:
    """The eligible applicants (in the round's order) and those screened out, each with reasons."""

    eligible: tuple[Applicant, ...]
    screened_out: tuple[ScreenedOut, ...]


def _area_matches(area: str | None, areas: frozenset[str]) -> bool:
    if not areas:
        return True
    if area is None:
        return False
    wanted = {a.strip().casefold() for a in areas}
    return area.strip().casefold() in wanted


def reasons_to_screen_out(applicant: Applicant, round_: Round) -> tuple[str, ...]:
    """Every rule of ``round_`` that ``applicant`` does not meet (empty: eligible)."""
    rules = round_.eligibility
    reasons: list[str] = []
    if applicant.applied is not None and applicant.applied > round_.closing:
        reasons.append(f"applied on {applicant.applied.isoformat()}, after the round closed on {round_.closing}")
    if not _area_matches(applicant.area, rules.areas):
        places = " or ".join(sorted(rules.areas))
        told = "did not say where they live" if applicant.area is None else "does not live in the area"
        reasons.append(f"{told}: the round is for people living in {places}")
    if rules.perspectives and applicant.perspectives.isdisjoint(rules.perspectives):
        wanted = " or ".join(sorted(p.value for p in rules.perspectives))
        reasons.append(f"holds none of the perspectives the round asks for ({wanted})")
    if rules.minimum_age is not None and not applicant.confirms_minimum_age:
        reasons.append(f"did not confirm being aged {rules.minimum_age} or over")
    return tuple(reasons)


def screen(round_: Round) -> Screening:
    """Split the round's applicants into eligible and screened out (with reasons)."""
    eligible: list[Applicant] = []
    out: list[ScreenedOut] = []
    for applicant in round_.applicants:
        reasons = reasons_to_screen_out(applicant, round_)
        if reasons:
            out.append(ScreenedOut(applicant, reasons))
        else:
            eligible.append(applicant)
    return Screening(tuple(eligible), tuple(out))


__all__ = ["ScreenedOut", "Screening", "reasons_to_screen_out", "screen"]
