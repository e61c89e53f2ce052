"""The figures of a board report (issue 16): one group's meetings, attendance, decisions, "you said, we did"
outcomes, involvement payments and next meetings over a period, as rates and totals that name nobody.

Domain arithmetic: a pure function of the register, the policy, the group, the "as of" date and the period's
length. It reads no clock, no file and no setting (the report in :mod:`coproduction.reports.board` renders it).

Sources of the rules it follows:

- Attendance is counted as MB002 counts it (``docs/checks/MB002.md``): a member was expected at a meeting when the
  meeting lists them, or, when it lists nobody, when they were a current member on the meeting's date; present
  counts before apologies. No one member's attendance is reported, only rates and how many members were below the
  policy's ``min_attendance_rate`` (NSUN's 4Pi standards ask that involvement is reported back without singling
  people out).
- A decision counts as made with lived experience present when at least ``min_lived_experience_for_decisions``
  members with lived experience were present and the group's quorum (if any) was met, as EQ006 asks
  (``docs/checks/EQ006.md``; Lanarkshire Links' co-production guidelines).
- "You said, we did": agenda items that had lived-experience input, and the outcomes recorded for them by the
  "as of" date (NHS England, "Working in partnership with people and communities", 2022; RC004).
- Involvement payments are totals by kind (payments for time, expenses, declined), never per person.
"""

from __future__ import annotations

import calendar
from collections.abc import Callable, Sequence
from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import attrs

from coproduction.errors import PolicyError, Problem
from coproduction.models.enums import AttendanceStatus, MeetingStatus, PaymentKind
from coproduction.models.meeting import Meeting
from coproduction.models.register import Register
from coproduction.policy import Policy

_DayOf = Callable[[Meeting], date]

#: How many of the next meetings a report lists.
UPCOMING_MEETINGS = 3


def months_before(day: date, months: int) -> date:
    """The same day ``months`` calendar months earlier, clamped to the month's end (31 March less 1 = 28 February),
    as MB002's attendance window counts months."""
    index = day.year * 12 + (day.month - 1) - months
    year, month = divmod(index, 12)
    if year < date.min.year:
        return date.min
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


@attrs.frozen
class Period:
    """The days a report covers, both included: ``months`` calendar months before ``end`` up to ``end``."""

    start: date
    end: date
    months: int

    @classmethod
    def ending(cls, end: date, months: int) -> Period:
        """The ``months`` months up to and including ``end``."""
        return cls(start=months_before(end, months), end=end, months=months)

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.start <= day <= self.end


@attrs.frozen
class Attendance:
    """Attendance at the held meetings of the period, as counts of places (one member expected at one meeting)."""

    expected: int
    present: int
    apologies: int
    #: Members expected at ``min_expected_meetings`` meetings or more, and how many of them were present at fewer
    #: than ``min_attendance_rate`` of them. Never who.
    members_counted: int
    members_below: int
    min_rate: float
    min_expected: int = 1

    @property
    def rate(self) -> float | None:
        """Present as a share of expected places; ``None`` when no one was expected."""
        return self.present / self.expected if self.expected else None

    @property
    def apologies_rate(self) -> float | None:
        """Apologies as a share of expected places; ``None`` when no one was expected."""
        return self.apologies / self.expected if self.expected else None


@attrs.frozen
class Outcome:
    """One "you said, we did": the meeting's date, the agenda item and what was done."""

    meeting_day: date
    item: str
    text: str


@attrs.frozen
class Payments:
    """Involvement payments at the period's held meetings: totals by kind, never per person."""

    payments: int
    payment_total: Decimal
    expenses: int
    expenses_total: Decimal
    declined: int

    @property
    def total(self) -> Decimal:
        """Payments for time and expenses together."""
        return self.payment_total + self.expenses_total


@attrs.frozen
class Upcoming:
    """A meeting to come, with its access arrangements (what the register records; nothing about who needs what)."""

    id: str
    title: str
    start: datetime
    end: datetime
    mode: str
    venue: str | None
    address: str | None
    features: tuple[str, ...]
    online: bool
    captions: bool
    bsl_interpreters: int
    breaks: int
    paper_formats: tuple[str, ...]


@attrs.frozen
class BoardSummary:
    """The figures of one group's board report over one period."""

    group_id: str
    group_name: str
    as_of: date
    period: Period
    current_members: int
    lived_experience_members: int
    held: int
    cancelled: int
    not_recorded: int
    attendance: Attendance
    decisions: int
    decisions_with_lived_experience: int
    min_lived_experience_for_decisions: int
    input_items: int
    outcomes: tuple[Outcome, ...]
    payments: Payments
    upcoming: tuple[Upcoming, ...]
    #: Ids of the group's meetings dated in the period, whatever their status.
    meetings_in_period: frozenset[str] = frozenset()

    @property
    def input_items_without_outcome(self) -> int:
        """Items with lived-experience input and no outcome recorded yet."""
        return self.input_items - len(self.outcomes)


def _zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise PolicyError(
            [Problem("policy", "$.timezone", f"{name!r} is not a known time zone, such as 'Europe/London'")]
        ) from None


def _local(moment: datetime, zone: ZoneInfo) -> datetime:
    if moment.tzinfo is None:
        return moment.replace(tzinfo=zone)
    try:
        return moment.astimezone(zone)
    except OverflowError:
        return moment


def summarise_group(register: Register, group_id: str, *, as_of: date, policy: Policy, months: int) -> BoardSummary:
    """The board report's figures for ``group_id`` over the ``months`` months to ``as_of`` (both days included).

    Raises :class:`~coproduction.errors.PolicyError` for an unknown time zone; an unknown group is the caller's to
    refuse (``KeyError`` here)."""
    group = register.group_by_id[group_id]
    zone = _zone(policy.timezone)
    period = Period.ending(as_of, months)

    def day_of(meeting: Meeting) -> date:
        return _local(meeting.start, zone).date()

    meetings = register.meetings_by_group.get(group_id, ())
    in_period = [m for m in meetings if day_of(m) in period]
    held = [m for m in in_period if m.status is MeetingStatus.HELD]
    current = register.current_members(group_id, as_of)
    lived_ids = {m.id for m in register.members if m.has_lived_experience}
    return BoardSummary(
        group_id=group.id,
        group_name=group.name,
        as_of=as_of,
        period=period,
        current_members=len(current),
        lived_experience_members=sum(1 for m in current if m.id in lived_ids),
        held=len(held),
        cancelled=sum(1 for m in in_period if m.status is MeetingStatus.CANCELLED),
        not_recorded=sum(1 for m in in_period if m.status is MeetingStatus.SCHEDULED and day_of(m) < as_of),
        attendance=_attendance(register, held, day_of, policy),
        decisions=sum(len(m.decisions) for m in held),
        decisions_with_lived_experience=sum(
            len(m.decisions) for m in held if _lived_experience_present(m, lived_ids, policy, group.quorum)
        ),
        min_lived_experience_for_decisions=policy.min_lived_experience_for_decisions,
        input_items=sum(1 for m in held for item in m.agenda if item.lived_experience_input),
        outcomes=tuple(
            Outcome(day_of(m), item.title, item.outcome.text)
            for m in held
            for item in m.agenda
            if item.lived_experience_input and item.outcome is not None and item.outcome.recorded <= as_of
        ),
        payments=_payments(held),
        upcoming=_upcoming(meetings, as_of, day_of, zone),
        meetings_in_period=frozenset(m.id for m in in_period),
    )


def _expected_ids(register: Register, meeting: Meeting, day: date) -> tuple[str, ...]:
    if meeting.expected:
        return tuple(sorted(set(meeting.expected)))
    return tuple(sorted({ms.member for ms in register.current_memberships(meeting.group, day)}))


def _attendance(register: Register, held: Sequence[Meeting], day_of: _DayOf, policy: Policy) -> Attendance:
    expected = present = apologies = 0
    per_member: dict[str, list[int]] = {}
    for meeting in held:
        statuses: dict[str, AttendanceStatus] = {}
        for record in meeting.attendance:
            # Present counts before apologies, as MB002 counts them.
            if statuses.get(record.member) is not AttendanceStatus.PRESENT:
                statuses[record.member] = record.status
        for member in _expected_ids(register, meeting, day_of(meeting)):
            expected += 1
            status = statuses.get(member)
            tally = per_member.setdefault(member, [0, 0])
            tally[0] += 1
            if status is AttendanceStatus.PRESENT:
                present += 1
                tally[1] += 1
            elif status is AttendanceStatus.APOLOGIES:
                apologies += 1
    counted = [t for t in per_member.values() if t[0] >= policy.min_expected_meetings]
    below = sum(1 for t in counted if t[1] / t[0] < policy.min_attendance_rate)
    return Attendance(
        expected=expected,
        present=present,
        apologies=apologies,
        members_counted=len(counted),
        members_below=below,
        min_rate=policy.min_attendance_rate,
        min_expected=policy.min_expected_meetings,
    )


def _lived_experience_present(meeting: Meeting, lived_ids: set[str], policy: Policy, quorum: int | None) -> bool:
    present = set(meeting.present)
    lived = len(present & lived_ids)
    if lived < policy.min_lived_experience_for_decisions:
        return False
    return quorum is None or len(present) >= quorum


def _payments(held: Sequence[Meeting]) -> Payments:
    payment_total = expenses_total = Decimal("0")
    payments = expenses = declined = 0
    for meeting in held:
        for payment in meeting.payments:
            if payment.kind is PaymentKind.DECLINED:
                declined += 1
            elif payment.kind is PaymentKind.EXPENSES:
                expenses += 1
                expenses_total += payment.amount or Decimal("0")
            else:
                payments += 1
                payment_total += payment.amount or Decimal("0")
    return Payments(
        payments=payments,
        payment_total=payment_total,
        expenses=expenses,
        expenses_total=expenses_total,
        declined=declined,
    )


def _upcoming(meetings: Sequence[Meeting], as_of: date, day_of: _DayOf, zone: ZoneInfo) -> tuple[Upcoming, ...]:
    coming = [m for m in meetings if m.status is MeetingStatus.SCHEDULED and day_of(m) > as_of]
    out = []
    for meeting in coming[:UPCOMING_MEETINGS]:
        venue = meeting.venue
        formats = sorted({f.value for paper in meeting.papers for f in paper.formats})
        out.append(
            Upcoming(
                id=meeting.id,
                title=meeting.title,
                start=_local(meeting.start, zone),
                end=_local(meeting.end, zone),
                mode=meeting.mode.value,
                venue=venue.name if venue else None,
                address=venue.address if venue else None,
                features=tuple(sorted(f.value for f in venue.features)) if venue else (),
                online=bool(meeting.joining_link),
                captions=meeting.captions,
                bsl_interpreters=meeting.bsl_interpreters,
                breaks=len(meeting.breaks),
                paper_formats=tuple(formats),
            )
        )
    return tuple(out)
