"""Meetings: agenda, papers, venue, attendance, decisions, actions and payments (SCIE guide 51's accessibility and
reciprocity; docs/sources.md)."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import attrs

from coproduction.models import forms
from coproduction.models.enums import (
    ActionStatus,
    AttendanceStatus,
    MeetingMode,
    MeetingStatus,
    PaperFormat,
    PaymentKind,
    VenueFeature,
)


@attrs.frozen
class Venue:
    """Where an in-person or hybrid meeting is held, and the access features the place has (AC003)."""

    name: str
    address: str | None = None
    features: frozenset[VenueFeature] = attrs.field(default=frozenset(), converter=forms.venue_features)


@attrs.frozen
class Break:
    """A scheduled break, ``after_minutes`` from the start of the meeting."""

    after_minutes: int
    minutes: int = 10


@attrs.frozen
class Outcome:
    """What happened to people's input: "you said, we did" (NHS England statutory guidance on involvement)."""

    text: str
    recorded: date


@attrs.frozen
class AgendaItem:
    """An agenda item; ``leads`` are member ids. ``explanation`` is a plain-language note for jargon (AC010)."""

    title: str
    leads: tuple[str, ...] = attrs.field(default=(), converter=forms.ids)
    lived_experience_input: bool = False
    outcome: Outcome | None = None
    explanation: str | None = None


@attrs.frozen
class Paper:
    """A meeting paper. ``published`` is ``None`` until it is out."""

    title: str
    published: date | None = None
    formats: frozenset[PaperFormat] = attrs.field(
        default=frozenset({PaperFormat.STANDARD}), converter=forms.paper_formats
    )
    explanation: str | None = None


@attrs.frozen
class Attendance:
    """Whether one member (by id) was at a meeting: present, apologies or absent."""

    member: str
    status: AttendanceStatus = attrs.field(default=AttendanceStatus.PRESENT, converter=forms.attendance_status)


@attrs.frozen
class Decision:
    """A decision a meeting made, in the words of its minutes (EQ006 asks who was there to make it)."""

    text: str


@attrs.frozen
class Action:
    """An action a meeting agreed: what, who owns it (a member id), when it is due, and where it stands."""

    text: str
    owner: str | None = None
    due: date | None = None
    status: ActionStatus = attrs.field(default=ActionStatus.OPEN, converter=forms.action_status)
    completed: date | None = None


@attrs.frozen
class Payment:
    """An involvement payment or expenses to an attendee, or their choice to decline."""

    member: str
    kind: PaymentKind = attrs.field(default=PaymentKind.PAYMENT, converter=forms.payment_kind)
    amount: Decimal | None = None


@attrs.frozen
class Meeting:
    """One meeting of a group. ``start`` and ``end`` are time-zone-aware."""

    id: str
    group: str
    title: str
    start: datetime
    end: datetime
    mode: MeetingMode = attrs.field(default=MeetingMode.IN_PERSON, converter=forms.meeting_mode)
    status: MeetingStatus = attrs.field(default=MeetingStatus.SCHEDULED, converter=forms.meeting_status)
    venue: Venue | None = None
    joining_link: str | None = None
    captions: bool = False
    bsl_interpreters: int = 0
    breaks: tuple[Break, ...] = attrs.field(default=(), converter=forms.breaks)
    agenda: tuple[AgendaItem, ...] = attrs.field(default=(), converter=forms.agenda_items)
    papers: tuple[Paper, ...] = attrs.field(default=(), converter=forms.papers)
    #: Ids of the members expected to attend; empty means "all current members" (docs/register-format.md).
    expected: tuple[str, ...] = attrs.field(default=(), converter=forms.ids)
    attendance: tuple[Attendance, ...] = attrs.field(default=(), converter=forms.attendances)
    decisions: tuple[Decision, ...] = attrs.field(default=(), converter=forms.decisions)
    actions: tuple[Action, ...] = attrs.field(default=(), converter=forms.actions)
    payments: tuple[Payment, ...] = attrs.field(default=(), converter=forms.payments)
    #: The date of the cadence slot this meeting replaces when it was moved to another day (calendar export
    #: writes it as an override of that slot, RFC 5545 RECURRENCE-ID); ``None`` for a meeting not moved.
    replaces: date | None = None
    #: How many times the meeting has been revised after publication (RFC 5545 SEQUENCE); raise it when the
    #: time, place or access arrangements change, so that calendar clients take the update.
    sequence: int = 0

    @property
    def minutes(self) -> int:
        """The meeting's length in whole minutes."""
        return int((self.end - self.start).total_seconds() // 60)

    @property
    def present(self) -> tuple[str, ...]:
        """Ids of members recorded as present."""
        return tuple(a.member for a in self.attendance if a.status is AttendanceStatus.PRESENT)

    @property
    def is_held(self) -> bool:
        """Whether the meeting took place (its status is ``held``)."""
        return self.status is MeetingStatus.HELD
