"""Groups, their memberships and ground rules (the board, team and champions, and rules "so everyone knows how to
talk to each other": docs/sources.md#oxfordshire-scie-easy-read)."""

from __future__ import annotations

from datetime import date, time

import attrs

from coproduction.models import forms
from coproduction.models.enums import CHAIR_ROLES, Frequency, GroupKind, Role, Weekday


@attrs.frozen
class Cadence:
    """How often a group meets, e.g. "first Tuesday of the month, 10:00-12:30".

    ``week_of_month`` is 1-4 for the first to fourth, -1 for the last; ``None`` with ``weekday`` means every week.
    """

    frequency: Frequency = attrs.field(default=Frequency.MONTHLY, converter=forms.frequency)
    weekday: Weekday | None = attrs.field(default=None, converter=forms.weekday)
    week_of_month: int | None = None
    start: time | None = None
    end: time | None = None


@attrs.frozen
class GroundRule:
    """One agreed rule, with its Easy Read wording, so that everyone knows how to talk to each other (GR001)."""

    text: str
    easy_read: str | None = None


@attrs.frozen
class Acknowledgement:
    """A member's acknowledgement of the ground rules on a date."""

    member: str
    on: date


@attrs.frozen
class GroundRules:
    """A group's ground rules. ``reviewed`` is the last review; the rules are current from ``reviewed or agreed``."""

    agreed: date
    rules: tuple[GroundRule, ...] = attrs.field(default=(), converter=forms.ground_rule_items)
    reviewed: date | None = None
    easy_read_document: str | None = None
    acknowledgements: tuple[Acknowledgement, ...] = attrs.field(default=(), converter=forms.acknowledgements)

    @property
    def current_since(self) -> date:
        """The date the current rules date from: the last review, or the agreement when never reviewed."""
        return max(self.agreed, self.reviewed) if self.reviewed else self.agreed

    @property
    def has_easy_read(self) -> bool:
        """An Easy Read document, or an Easy Read wording for every rule."""
        if self.easy_read_document:
            return True
        return bool(self.rules) and all(rule.easy_read for rule in self.rules)


@attrs.frozen
class Group:
    """A board, champions network, partnership board, working group, focus group or Speak Out group."""

    id: str
    name: str
    kind: GroupKind = attrs.field(converter=forms.group_kind)
    purpose: str | None = None
    terms_of_reference: str | None = None
    cadence: Cadence | None = None
    quorum: int | None = None
    requires_residence: bool = False
    ground_rules: GroundRules | None = None


@attrs.frozen
class Membership:
    """A member's place in a group. ``left`` set means no longer listed as current; ``term_ends`` is the term's end."""

    member: str
    group: str
    role: Role = attrs.field(default=Role.MEMBER, converter=forms.role)
    voting: bool = True
    started: date | None = None
    term_ends: date | None = None
    left: date | None = None

    def is_current(self, on: date) -> bool:
        """Listed as current on ``on``: started by then and not left."""
        started = self.started is None or self.started <= on
        return started and (self.left is None or self.left > on)

    @property
    def leads(self) -> bool:
        """Whether this role leads the group's meetings (chair or co-chair, ``CHAIR_ROLES``)."""
        return self.role in CHAIR_ROLES
