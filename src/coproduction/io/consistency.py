"""Checks that need the whole register: unique ids, references that resolve, ends after starts.

Structuring checks each value on its own; these run once every file is read, so that a folder register can
refer from one file to a member defined in another. Each item carries the file it came from and its index in
that file's list, so problems point where the person must edit.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Generic, NamedTuple, Protocol, TypeVar

import attrs

from coproduction.errors import Problem
from coproduction.models.group import Group, Membership
from coproduction.models.meeting import Meeting
from coproduction.models.member import Member

T = TypeVar("T", covariant=True)

#: ``Cadence.week_of_month``: first to fourth, or -1 for the last (models/group.py).
WEEKS_OF_MONTH = frozenset({1, 2, 3, 4, -1})


class Located(NamedTuple, Generic[T]):
    """An item read from ``file`` at ``$.<key>[position]`` (a named tuple: there is one per item read)."""

    item: T
    file: str
    position: int


@attrs.frozen
class RegisterParts:
    """Everything read, before it becomes a :class:`~coproduction.models.Register`.

    ``unreadable_ids`` holds, per list, the ids of items that failed to structure, and ``incomplete`` the lists
    that could not be read at all: references into them are not reported again as dangling.
    """

    members: Sequence[Located[Member]]
    groups: Sequence[Located[Group]]
    memberships: Sequence[Located[Membership]]
    meetings: Sequence[Located[Meeting]]
    unreadable_ids: dict[str, set[str]] = attrs.Factory(dict)
    incomplete: frozenset[str] = frozenset()


class _HasId(Protocol):
    @property
    def id(self) -> str: ...


class _Finder:
    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def add(self, file: str, path: str, message: str) -> None:
        self.problems.append(Problem(file, path, message))

    def unique_ids(self, key: str, located: Sequence[Located[_HasId]]) -> set[str]:
        first: dict[str, Located[_HasId]] = {}
        for entry in located:
            identifier = entry.item.id
            seen = first.get(identifier)
            if seen is None:
                first[identifier] = entry
            else:
                self.add(
                    entry.file,
                    f"$.{key}[{entry.position}].id",
                    f"duplicate id {identifier!r}; it is also used at {seen.file}: $.{key}[{seen.position}]",
                )
        return set(first)

    def refers(self, file: str, path: str, identifier: str | None, known: set[str] | None, kind: str) -> None:
        if identifier is not None and known is not None and identifier not in known:
            self.add(file, path, f"no {kind} with id {identifier!r} in the register")

    def members_exist(
        self, file: str, path: str, identifiers: Iterable[str], known: set[str] | None
    ) -> None:
        for index, identifier in enumerate(identifiers):
            self.refers(file, f"{path}[{index}]", identifier, known, "member")


def find_problems(parts: RegisterParts) -> list[Problem]:
    """Duplicate ids, dangling references, ends before starts and out-of-range numbers, in file order."""
    finder = _Finder()
    member_ids = finder.unique_ids("members", parts.members) | parts.unreadable_ids.get("members", set())
    group_ids = finder.unique_ids("groups", parts.groups) | parts.unreadable_ids.get("groups", set())
    finder.unique_ids("meetings", parts.meetings)
    # When a whole list could not be read, nobody can tell which ids exist: references into it go unchecked.
    members = None if "members" in parts.incomplete else member_ids
    groups = None if "groups" in parts.incomplete else group_ids

    for entry in parts.groups:
        _check_group(finder, entry, members)
    for membership in parts.memberships:
        _check_membership(finder, membership, members, groups)
    for meeting in parts.meetings:
        _check_meeting(finder, meeting, members, groups)
    return finder.problems


def _check_group(finder: _Finder, entry: Located[Group], members: set[str] | None) -> None:
    group, file, base = entry.item, entry.file, f"$.groups[{entry.position}]"
    if group.quorum is not None and group.quorum < 0:
        finder.add(file, f"{base}.quorum", "must be 0 or more")
    cadence = group.cadence
    if cadence is not None:
        if cadence.week_of_month is not None and cadence.week_of_month not in WEEKS_OF_MONTH:
            finder.add(file, f"{base}.cadence.week_of_month", "must be 1, 2, 3, 4 or -1 (the last)")
        if cadence.start is not None and cadence.end is not None and cadence.end <= cadence.start:
            finder.add(file, f"{base}.cadence.end", "end before start; the end must be after the start")
    rules = group.ground_rules
    if rules is not None:
        if rules.reviewed is not None and rules.reviewed < rules.agreed:
            finder.add(file, f"{base}.ground_rules.reviewed", "reviewed before the rules were agreed")
        for index, acknowledgement in enumerate(rules.acknowledgements):
            path = f"{base}.ground_rules.acknowledgements[{index}].member"
            finder.refers(file, path, acknowledgement.member, members, "member")


def _check_membership(
    finder: _Finder, entry: Located[Membership], members: set[str] | None, groups: set[str] | None
) -> None:
    membership, file, base = entry.item, entry.file, f"$.memberships[{entry.position}]"
    finder.refers(file, f"{base}.member", membership.member, members, "member")
    finder.refers(file, f"{base}.group", membership.group, groups, "group")
    started = membership.started
    if started is not None:
        if membership.left is not None and membership.left < started:
            finder.add(file, f"{base}.left", "end before start: left before started")
        if membership.term_ends is not None and membership.term_ends < started:
            finder.add(file, f"{base}.term_ends", "end before start: the term ends before it started")


def _check_meeting(
    finder: _Finder, entry: Located[Meeting], members: set[str] | None, groups: set[str] | None
) -> None:
    meeting, file, base = entry.item, entry.file, f"$.meetings[{entry.position}]"
    finder.refers(file, f"{base}.group", meeting.group, groups, "group")
    if meeting.end <= meeting.start:
        finder.add(file, f"{base}.end", "end before start; a meeting must end after it starts")
    if meeting.bsl_interpreters < 0:
        finder.add(file, f"{base}.bsl_interpreters", "must be 0 or more")
    for index, pause in enumerate(meeting.breaks):
        if pause.after_minutes < 0:
            finder.add(file, f"{base}.breaks[{index}].after_minutes", "must be 0 or more")
        if pause.minutes <= 0:
            finder.add(file, f"{base}.breaks[{index}].minutes", "must be more than 0")
    finder.members_exist(file, f"{base}.expected", meeting.expected, members)
    for index, item in enumerate(meeting.agenda):
        finder.members_exist(file, f"{base}.agenda[{index}].leads", item.leads, members)
    for index, attendance in enumerate(meeting.attendance):
        finder.refers(file, f"{base}.attendance[{index}].member", attendance.member, members, "member")
    for index, action in enumerate(meeting.actions):
        finder.refers(file, f"{base}.actions[{index}].owner", action.owner, members, "member")
    for index, payment in enumerate(meeting.payments):
        finder.refers(file, f"{base}.payments[{index}].member", payment.member, members, "member")
        if payment.amount is not None and payment.amount < 0:
            finder.add(file, f"{base}.payments[{index}].amount", "must be 0 or more")


__all__ = ["Located", "RegisterParts", "find_problems"]
