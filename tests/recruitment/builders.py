"""Small rounds and applicants for the recruitment tests (fictional people)."""

from __future__ import annotations

from datetime import date
from typing import Any

from coproduction.models.diversity import DiversityProfile
from coproduction.recruitment.models import Applicant, EligibilityRules, QuotaEntry, Round

CLOSING = date(2026, 11, 30)


def applicant(identifier: str, **changes: Any) -> Applicant:
    """An applicant who meets the default rules of :func:`round_of` unless ``changes`` say otherwise."""
    fields: dict[str, Any] = {
        "id": identifier,
        "name": f"Applicant {identifier}",
        "perspectives": ["uses-services"],
        "area": "Oxfordshire",
        "confirms_minimum_age": True,
        "applied": date(2026, 11, 1),
    }
    diversity = changes.pop("diversity", None)
    fields.update(changes)
    return Applicant(**fields, diversity=DiversityProfile(**diversity) if diversity is not None else None)


def round_of(
    applicants: list[Applicant], *, seats: int = 2, quotas: tuple[QuotaEntry, ...] = (), **rules: Any
) -> Round:
    """A round with the given applicants and quotas; rules default to Oxfordshire, 16+."""
    eligibility = EligibilityRules(**{"areas": ["Oxfordshire"], "minimum_age": 16, **rules})
    return Round(
        group="team-up-board",
        seats=seats,
        closing=CLOSING,
        eligibility=eligibility,
        quotas=quotas,
        applicants=tuple(applicants),
        quotas_from_audit=False,
    )
