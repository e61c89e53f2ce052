"""Members of co-production groups (docs/sources.md#oxfordshire-ccg-coproduction: membership expectations)."""

from __future__ import annotations

from datetime import date

import attrs

from coproduction.models import forms
from coproduction.models.diversity import DiversityProfile
from coproduction.models.enums import LIVED_EXPERIENCE, AccessNeed, PaymentPreference, Perspective


@attrs.frozen
class TrainingRecord:
    """A course a member completed. ``coproduction`` marks co-production training (RC003)."""

    course: str
    completed: date
    coproduction: bool = True


@attrs.frozen
class Member:
    """A person who takes part: someone who uses services, a carer, staff, or several of these.

    ``access_needs`` is ``None`` when nobody has asked (MB005); an empty set means "asked, needs nothing".
    ``diversity`` is special category data and is kept out of ``repr``.
    """

    id: str
    name: str
    perspectives: frozenset[Perspective] = attrs.field(default=frozenset(), converter=forms.perspectives)
    joined: date | None = None
    organisation: str | None = None
    organisation_user_led: bool = False
    area: str | None = None
    service_areas: frozenset[str] = attrs.field(default=frozenset(), converter=forms.texts)
    access_needs: frozenset[AccessNeed] | None = attrs.field(default=None, converter=forms.access_needs)
    training: tuple[TrainingRecord, ...] = attrs.field(default=(), converter=forms.training_records)
    payment_preference: PaymentPreference = attrs.field(
        default=PaymentPreference.PAYMENT, converter=forms.payment_preference
    )
    diversity: DiversityProfile | None = attrs.field(default=None, repr=False)

    @property
    def has_lived_experience(self) -> bool:
        """Uses services, or cares for someone who does (SCIE guide 51)."""
        return not self.perspectives.isdisjoint(LIVED_EXPERIENCE)

    @property
    def is_staff(self) -> bool:
        """Takes part as a member of staff (their perspectives include ``staff``)."""
        return Perspective.STAFF in self.perspectives

    def needs(self, need: AccessNeed) -> bool:
        """Whether the member has told the council they need ``need`` (false when nobody has asked)."""
        return self.access_needs is not None and need in self.access_needs
