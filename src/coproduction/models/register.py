"""The register: everything one organisation records about its co-production groups."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, date, datetime, timezone
from functools import cached_property
from operator import attrgetter

import attrs

from coproduction.models import forms
from coproduction.models.group import Group, Membership
from coproduction.models.meeting import Meeting
from coproduction.models.member import Member


@attrs.frozen(slots=False)
class Register:
    """One organisation's members, groups, memberships and meetings, for one area.

    Lookups (``member_by_id`` ...) are built once, on first use. Ids are unique within each list and every
    reference resolves: the loader checks that before it builds a register, and
    :func:`coproduction.validate_register` checks a register built in code (``check_register`` and
    ``audit_group`` refuse an invalid one). Lists may be given as any iterable; they are kept as tuples.
    """

    organisation: str
    area: str
    members: tuple[Member, ...] = attrs.field(default=(), converter=forms.members)
    groups: tuple[Group, ...] = attrs.field(default=(), converter=forms.groups)
    memberships: tuple[Membership, ...] = attrs.field(default=(), converter=forms.memberships)
    meetings: tuple[Meeting, ...] = attrs.field(default=(), converter=forms.meetings)

    @cached_property
    def member_by_id(self) -> Mapping[str, Member]:
        """Each member by id."""
        return {m.id: m for m in self.members}

    @cached_property
    def group_by_id(self) -> Mapping[str, Group]:
        """Each group by id."""
        return {g.id: g for g in self.groups}

    @cached_property
    def meeting_by_id(self) -> Mapping[str, Meeting]:
        """Each meeting by id."""
        return {m.id: m for m in self.meetings}

    @cached_property
    def memberships_by_group(self) -> Mapping[str, tuple[Membership, ...]]:
        """Each group's memberships (current and past), in register order."""
        out: dict[str, list[Membership]] = {}
        for ms in self.memberships:
            out.setdefault(ms.group, []).append(ms)
        return {k: tuple(v) for k, v in out.items()}

    @cached_property
    def memberships_by_member(self) -> Mapping[str, tuple[Membership, ...]]:
        """Each member's memberships, in register order."""
        out: dict[str, list[Membership]] = {}
        for ms in self.memberships:
            out.setdefault(ms.member, []).append(ms)
        return {k: tuple(v) for k, v in out.items()}

    @cached_property
    def meetings_by_start(self) -> tuple[Meeting, ...]:
        """All meetings by start, then id."""
        return _by_start_then_id(self.meetings)

    @cached_property
    def meetings_by_group(self) -> Mapping[str, tuple[Meeting, ...]]:
        """Each group's meetings, by start, then id."""
        out: dict[str, list[Meeting]] = {}
        for mt in self.meetings_by_start:
            out.setdefault(mt.group, []).append(mt)
        return {k: tuple(v) for k, v in out.items()}

    def current_memberships(self, group: str, on: date) -> tuple[Membership, ...]:
        """Memberships of ``group`` listed as current on ``on``."""
        return tuple(ms for ms in self.memberships_by_group.get(group, ()) if ms.is_current(on))

    def current_members(self, group: str, on: date) -> tuple[Member, ...]:
        """Distinct current members of ``group`` on ``on``, in register order of memberships."""
        return self.members_of(self.current_memberships(group, on))

    def members_of(self, memberships: Iterable[Membership]) -> tuple[Member, ...]:
        """The distinct known members holding ``memberships``, in the order given."""
        by_id = self.member_by_id
        seen: dict[str, Member] = {}
        for ms in memberships:
            if ms.member not in seen and ms.member in by_id:
                seen[ms.member] = by_id[ms.member]
        return tuple(seen.values())


_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def _by_start_then_id(meetings: Sequence[Meeting]) -> tuple[Meeting, ...]:
    """``meetings`` sorted by ``(start, id)``: by id, then by start (a stable sort keeps ids in order).

    When every start has a fixed UTC offset (what the loader makes), a start compares as the moment it names, so
    its distance from the epoch orders the same and compares without a ``utcoffset()`` call per comparison: a
    sort of 168,000 meetings takes a fifth of the time. Other zones (where a fold can order wall-clock times
    differently from moments) and naive starts keep the start itself.
    """
    ordered = sorted(meetings, key=_ID)
    if all(type(m.start.tzinfo) is timezone for m in meetings):
        ordered.sort(key=lambda m: m.start - _EPOCH)
    else:
        ordered.sort(key=_START)
    return tuple(ordered)


_ID = attrgetter("id")
_START = attrgetter("start")
