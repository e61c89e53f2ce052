"""Small helpers to build registers, members, groups and meetings in tests.

Defaults describe a tidy register so that a test only spells out what it is about: a member has been asked about
access needs (and needs nothing), a group has a purpose, a meeting is held at 10:00-12:00 London time. Every
helper takes keyword arguments that pass straight to the model, so any field can be set.

Typical use::

    b = RegisterBuilder()
    b.add_group("board", GroupKind.BOARD)
    b.add_member("ann", Perspective.USES_SERVICES, groups=["board"], role=Role.CO_CHAIR)
    b.add_members("staff", 3, Perspective.STAFF, groups=["board"])
    b.add_meeting("m1", "board", date(2026, 1, 6), present=["ann", "staff-1"])
    flags = run(equality.lived_experience_minority, b.build(), as_of=date(2026, 3, 2))
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import attrs

from coproduction.checks import CheckContext, Flag
from coproduction.checks.engine import CheckFunction
from coproduction.models import (
    Attendance,
    AttendanceStatus,
    Group,
    GroupKind,
    Meeting,
    MeetingStatus,
    Member,
    Membership,
    Perspective,
    Register,
    Role,
)
from coproduction.policy import Policy

LONDON = ZoneInfo("Europe/London")
AREA = "Oxfordshire"
ORGANISATION = "Test County Council"

USES_SERVICES = Perspective.USES_SERVICES
CARER = Perspective.CARER
STAFF = Perspective.STAFF


def member(member_id: str, *perspectives: Perspective, **fields: Any) -> Member:
    """A member with the given perspectives; named after the id; asked about access needs (none)."""
    fields.setdefault("name", f"Member {member_id}")
    fields.setdefault("access_needs", frozenset())
    return Member(id=member_id, perspectives=frozenset(perspectives), **fields)


def group(group_id: str = "g1", kind: GroupKind = GroupKind.BOARD, **fields: Any) -> Group:
    """A group with a name and a purpose (so GR006 stays quiet unless a test clears it)."""
    fields.setdefault("name", f"Group {group_id}")
    fields.setdefault("purpose", "To shape adult social care together")
    return Group(id=group_id, kind=kind, **fields)


def membership(member_id: str, group_id: str = "g1", **fields: Any) -> Membership:
    return Membership(member=member_id, group=group_id, **fields)


def at(day: date, clock: time = time(10, 0)) -> datetime:
    """A London-time, time-zone-aware datetime."""
    return datetime.combine(day, clock, tzinfo=LONDON)


def meeting(
    meeting_id: str,
    group_id: str = "g1",
    day: date = date(2026, 1, 6),
    *,
    start: time = time(10, 0),
    minutes: int = 120,
    status: MeetingStatus = MeetingStatus.HELD,
    present: Iterable[str] = (),
    apologies: Iterable[str] = (),
    absent: Iterable[str] = (),
    **fields: Any,
) -> Meeting:
    """A meeting, held by default, with attendance given as lists of member ids."""
    begins = at(day, start)
    attendance = (
        *(Attendance(m, AttendanceStatus.PRESENT) for m in present),
        *(Attendance(m, AttendanceStatus.APOLOGIES) for m in apologies),
        *(Attendance(m, AttendanceStatus.ABSENT) for m in absent),
    )
    fields.setdefault("title", f"Meeting {meeting_id}")
    fields.setdefault("attendance", attendance)
    return Meeting(
        id=meeting_id,
        group=group_id,
        start=begins,
        end=begins + timedelta(minutes=minutes),
        status=status,
        **fields,
    )


def register(
    *,
    members: Sequence[Member] = (),
    groups: Sequence[Group] = (),
    memberships: Sequence[Membership] = (),
    meetings: Sequence[Meeting] = (),
    organisation: str = ORGANISATION,
    area: str = AREA,
) -> Register:
    return Register(
        organisation=organisation,
        area=area,
        members=tuple(members),
        groups=tuple(groups),
        memberships=tuple(memberships),
        meetings=tuple(meetings),
    )


def context(reg: Register, as_of: date, policy: Policy | None = None) -> CheckContext:
    return CheckContext(register=reg, policy=policy or Policy(), as_of=as_of)


def run(function: CheckFunction, reg: Register, as_of: date, policy: Policy | None = None) -> list[Flag]:
    """Call one check function directly and collect its flags."""
    return list(function(context(reg, as_of, policy)))


@attrs.define
class RegisterBuilder:
    """Builds a register step by step; ``add_member(..., groups=[...])`` also adds the memberships."""

    organisation: str = ORGANISATION
    area: str = AREA
    members: list[Member] = attrs.field(factory=list)
    groups: list[Group] = attrs.field(factory=list)
    memberships: list[Membership] = attrs.field(factory=list)
    meetings: list[Meeting] = attrs.field(factory=list)

    def add_group(self, group_id: str = "g1", kind: GroupKind = GroupKind.BOARD, **fields: Any) -> Group:
        made = group(group_id, kind, **fields)
        self.groups.append(made)
        return made

    def add_member(
        self,
        member_id: str,
        *perspectives: Perspective,
        groups: Iterable[str] = (),
        role: Role = Role.MEMBER,
        voting: bool = True,
        started: date | None = None,
        term_ends: date | None = None,
        left: date | None = None,
        **fields: Any,
    ) -> Member:
        made = member(member_id, *perspectives, **fields)
        self.members.append(made)
        for group_id in groups:
            self.join(member_id, group_id, role=role, voting=voting, started=started, term_ends=term_ends, left=left)
        return made

    def add_members(
        self, prefix: str, count: int, *perspectives: Perspective, groups: Iterable[str] = (), **fields: Any
    ) -> list[Member]:
        """``count`` members with ids ``prefix-1`` ... ``prefix-count``, all with the same settings."""
        group_ids = tuple(groups)
        return [
            self.add_member(f"{prefix}-{n}", *perspectives, groups=group_ids, **fields) for n in range(1, count + 1)
        ]

    def join(self, member_id: str, group_id: str = "g1", **fields: Any) -> Membership:
        made = membership(member_id, group_id, **fields)
        self.memberships.append(made)
        return made

    def add_meeting(
        self, meeting_id: str, group_id: str = "g1", day: date = date(2026, 1, 6), **fields: Any
    ) -> Meeting:
        made = meeting(meeting_id, group_id, day, **fields)
        self.meetings.append(made)
        return made

    def build(self) -> Register:
        return register(
            members=self.members,
            groups=self.groups,
            memberships=self.memberships,
            meetings=self.meetings,
            organisation=self.organisation,
            area=self.area,
        )
