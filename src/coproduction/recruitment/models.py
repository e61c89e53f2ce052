"""A recruitment round for one group: seats to fill, a closing date, eligibility rules, quotas and applicants.

The eligibility rules follow the way councils invite applications (Oxfordshire County Council's co-production
board: live in the county, lived experience of using or caring for someone using health and social care, a
minimum age); see docs/recruitment.md. An applicant's diversity answers are special category data (UK GDPR
Article 9), kept out of ``repr`` as a member's are.
"""

from __future__ import annotations

from datetime import date

import attrs

from coproduction.models import forms
from coproduction.models.diversity import DiversityProfile
from coproduction.models.enums import LIVED_EXPERIENCE, AccessNeed, Perspective

#: The minimum ages a round may ask applicants to confirm.
MINIMUM_AGES = (16, 18)

#: A quota's perspective that stands for "uses services or is a carer" (SCIE guide 51's lived experience).
LIVED_EXPERIENCE_QUOTA = "lived-experience"


@attrs.frozen
class Applicant:
    """One person who applied. ``confirms_minimum_age`` is their answer to "are you at least N?";
    ``consent_to_contact`` whether the council may contact them about this and later rounds;
    ``diversity_to_register`` whether they agreed that their diversity answers be kept on the register if chosen
    (without it the register fragment for the chosen carries none: UK GDPR Article 9(2)(a), explicit consent).
    ``diversity`` is never shown in ``repr``."""

    id: str
    name: str
    perspectives: frozenset[Perspective] = attrs.field(default=frozenset(), converter=forms.perspectives)
    applied: date | None = None
    organisation: str | None = None
    area: str | None = None
    access_needs: frozenset[AccessNeed] | None = attrs.field(default=None, converter=forms.access_needs)
    confirms_minimum_age: bool = False
    consent_to_contact: bool = False
    diversity_to_register: bool = False
    diversity: DiversityProfile | None = attrs.field(default=None, repr=False)

    @property
    def has_lived_experience(self) -> bool:
        """Uses services, or cares for someone who does (SCIE guide 51)."""
        return not self.perspectives.isdisjoint(LIVED_EXPERIENCE)


@attrs.frozen
class EligibilityRules:
    """Who may apply. ``areas``: where an applicant must live (empty: anywhere); ``perspectives``: an applicant
    must hold at least one of these (empty: any), e.g. ``uses-services`` and ``carer`` for lived experience;
    ``minimum_age``: 16 or 18, which the applicant must confirm (``None``: no minimum)."""

    areas: frozenset[str] = attrs.field(default=frozenset(), converter=forms.texts)
    perspectives: frozenset[Perspective] = attrs.field(default=frozenset(), converter=forms.perspectives)
    minimum_age: int | None = None


@attrs.frozen
class QuotaEntry:
    """A quota as a round file writes it: a ``perspective`` (or ``lived-experience``), or a ``characteristic``
    and ``category``; at least ``at_least`` and at most ``at_most`` of the seats."""

    perspective: str | None = None
    characteristic: str | None = None
    category: str | None = None
    at_least: int = 0
    at_most: int | None = None


@attrs.frozen
class Round:
    """A recruitment round for ``group``: ``seats`` to fill from ``applicants`` who applied by ``closing``."""

    group: str
    seats: int
    closing: date
    eligibility: EligibilityRules = EligibilityRules()
    quotas: tuple[QuotaEntry, ...] = attrs.field(default=(), converter=tuple)
    applicants: tuple[Applicant, ...] = attrs.field(default=(), converter=tuple)
    #: Whether quotas are also derived from the audit of the group's current members (docs/recruitment.md).
    quotas_from_audit: bool = True
    #: Ids of current members who leave the group at the round's close: the audit that sets the targets leaves
    #: them out, so the targets are for the remaining members and the new panel (:mod:`.leavers`).
    leavers: tuple[str, ...] = attrs.field(default=(), converter=tuple)

    @property
    def applicant_by_id(self) -> dict[str, Applicant]:
        """Applicants by id."""
        return {applicant.id: applicant for applicant in self.applicants}


__all__ = ["LIVED_EXPERIENCE_QUOTA", "MINIMUM_AGES", "Applicant", "EligibilityRules", "QuotaEntry", "Round"]
