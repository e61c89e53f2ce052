"""Checks that need the whole register: unique ids, references that resolve, ends after starts.

Structuring checks each value on its own; these run once every file is read, so that a folder register can
refer from one file to a member defined in another. A problem names the file an item came from and its index in
that file's list, so that it points where the person must edit. Locations are worked out only for items with a
problem: a national register has about a million items, and most have none.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from operator import attrgetter
from typing import Final, Generic, Protocol, TypeVar

import attrs

from coproduction.errors import Problem
from coproduction.models.group import Group, Membership
from coproduction.models.meeting import Meeting
from coproduction.models.member import Member

T = TypeVar("T", covariant=True)

#: ``Cadence.week_of_month``: first to fourth, or -1 for the last (models/group.py).
WEEKS_OF_MONTH = frozenset({1, 2, 3, 4, -1})

#: (path under the item, message)
Finding = tuple[str, str]


@attrs.frozen
class ReadList(Generic[T]):
    """One top-level list (``members`` ...) joined across files.

    ``items`` holds ``None`` where an item failed to structure (its problems are already reported), so that
    every other item keeps its index. ``spans`` is ``(file, number of items read from it)``, in reading order.
    """

    key: str
    items: Sequence[T | None]
    spans: Sequence[tuple[str, int]]

    def locate(self, number: int) -> tuple[str, str]:
        """The file and the path (``$.meetings[3]``) of item ``number`` of the joined list."""
        for file, count in self.spans:
            if number < count:
                return file, f"$.{self.key}[{number}]"
            number -= count
        raise IndexError(number)

    def present(self) -> Iterator[tuple[int, T]]:
        return ((number, item) for number, item in enumerate(self.items) if item is not None)


@attrs.frozen
class RegisterParts:
    """Everything read, before it becomes a :class:`~coproduction.models.Register`.

    ``unreadable_ids`` holds, per list, the ids of items that failed to structure, and ``incomplete`` the lists
    that could not be read at all: references into them are not reported again as dangling.
    """

    members: ReadList[Member]
    groups: ReadList[Group]
    memberships: ReadList[Membership]
    meetings: ReadList[Meeting]
    unreadable_ids: dict[str, set[str]] = attrs.Factory(dict)
    incomplete: frozenset[str] = frozenset()


class _HasId(Protocol):
    @property
    def id(self) -> str: ...


def find_problems(parts: RegisterParts) -> list[Problem]:
    """Duplicate ids, dangling references, ends before starts and out-of-range numbers, in reading order."""
    problems: list[Problem] = []
    member_ids = _unique_ids(parts.members, problems) | parts.unreadable_ids.get("members", set())
    group_ids = _unique_ids(parts.groups, problems) | parts.unreadable_ids.get("groups", set())
    _unique_ids(parts.meetings, problems)
    # When a whole list could not be read, nobody can tell which ids exist: references into it go unchecked.
    members = None if "members" in parts.incomplete else member_ids
    groups = None if "groups" in parts.incomplete else group_ids

    for number, group in parts.groups.present():
        _report(parts.groups, number, _group_findings(group, members), problems)
    for number, membership in parts.memberships.present():
        _report(parts.memberships, number, _membership_findings(membership, members, groups), problems)
    for number, meeting in parts.meetings.present():
        _report(parts.meetings, number, _meeting_findings(meeting, members, groups), problems)
    return problems


def _report(read: ReadList[object], number: int, findings: Iterable[Finding], problems: list[Problem]) -> None:
    for path, message in findings:
        file, where = read.locate(number)
        problems.append(Problem(file, where + path, message))


def _unique_ids(read: ReadList[_HasId], problems: list[Problem]) -> set[str]:
    try:  # the usual case, in C: every item read (a placeholder None has no id) and no id given twice
        ids = set(map(_ID_OF, read.items))
    except AttributeError:
        ids = set()
    if len(ids) == len(read.items):
        return ids
    first: dict[str, int] = {}
    for number, item in read.present():
        seen = first.setdefault(item.id, number)
        if seen != number:
            file, where = read.locate(number)
            first_file, first_where = read.locate(seen)
            message = f"duplicate id {item.id!r}; it is also used at {first_file}: {first_where}"
            problems.append(Problem(file, f"{where}.id", message))
    return set(first)


def _missing(identifier: str | None, known: set[str] | None) -> bool:
    return identifier is not None and known is not None and identifier not in known


def _no_member(path: str, identifier: str) -> Finding:
    return path, f"no member with id {identifier!r} in the register"


def _no_group(path: str, identifier: str) -> Finding:
    return path, f"no group with id {identifier!r} in the register"


#: Upper bounds that no real register reaches: a huge number is a mistake (or hostile), refused with its place.
MAX_PEOPLE = 100_000
MAX_INTERPRETERS = 20
MAX_MINUTES = 7 * 24 * 60
MAX_SEQUENCE = 1_000_000
MAX_AMOUNT = 1_000_000


def _group_findings(group: Group, members: set[str] | None) -> Iterator[Finding]:
    if group.quorum is not None and not 0 <= group.quorum <= MAX_PEOPLE:
        yield ".quorum", f"must be from 0 to {MAX_PEOPLE:,}"
    cadence = group.cadence
    if cadence is not None:
        if cadence.week_of_month is not None and cadence.week_of_month not in WEEKS_OF_MONTH:
            yield ".cadence.week_of_month", "must be 1, 2, 3, 4 or -1 (the last)"
        if cadence.start is not None and cadence.end is not None and cadence.end <= cadence.start:
            yield ".cadence.end", "end before start; the end must be after the start"
    rules = group.ground_rules
    if rules is not None:
        if rules.reviewed is not None and rules.reviewed < rules.agreed:
            yield ".ground_rules.reviewed", "reviewed before the rules were agreed"
        for index, acknowledgement in enumerate(rules.acknowledgements):
            if _missing(acknowledgement.member, members):
                yield _no_member(f".ground_rules.acknowledgements[{index}].member", acknowledgement.member)


def _membership_findings(
    membership: Membership, members: set[str] | None, groups: set[str] | None
) -> Iterator[Finding]:
    if _missing(membership.member, members):
        yield _no_member(".member", membership.member)
    if _missing(membership.group, groups):
        yield _no_group(".group", membership.group)
    started = membership.started
    if started is not None:
        if membership.left is not None and membership.left < started:
            yield ".left", "end before start: left before started"
        if membership.term_ends is not None and membership.term_ends < started:
            yield ".term_ends", "end before start: the term ends before it started"


def _meeting_findings(meeting: Meeting, members: set[str] | None, groups: set[str] | None) -> Iterator[Finding]:
    if _missing(meeting.group, groups):
        yield _no_group(".group", meeting.group)
    if meeting.end <= meeting.start:
        yield ".end", "end before start; a meeting must end after it starts"
    if not 0 <= meeting.bsl_interpreters <= MAX_INTERPRETERS:
        yield ".bsl_interpreters", f"must be from 0 to {MAX_INTERPRETERS}"
    if not 0 <= meeting.sequence <= MAX_SEQUENCE:
        yield ".sequence", f"must be from 0 to {MAX_SEQUENCE:,}"
    for index, pause in enumerate(meeting.breaks):
        if not 0 <= pause.after_minutes <= MAX_MINUTES:
            yield f".breaks[{index}].after_minutes", f"must be from 0 to {MAX_MINUTES:,} (minutes)"
        if not 0 < pause.minutes <= MAX_MINUTES:
            yield f".breaks[{index}].minutes", f"must be from 1 to {MAX_MINUTES:,} (minutes)"
    if members is not None:
        yield from _members_exist(".expected", meeting.expected, members)
        for index, item in enumerate(meeting.agenda):
            yield from _members_exist(f".agenda[{index}].leads", item.leads, members)
        if not members.issuperset(map(_MEMBER_OF, meeting.attendance)):  # the usual case, in C
            for index, attendance in enumerate(meeting.attendance):
                if attendance.member not in members:
                    yield _no_member(f".attendance[{index}].member", attendance.member)
        for index, action in enumerate(meeting.actions):
            if _missing(action.owner, members):
                yield _no_member(f".actions[{index}].owner", action.owner or "")
    for index, payment in enumerate(meeting.payments):
        if _missing(payment.member, members):
            yield _no_member(f".payments[{index}].member", payment.member)
        if payment.amount is not None and not 0 <= payment.amount <= MAX_AMOUNT:
            yield f".payments[{index}].amount", f"must be from 0 to {MAX_AMOUNT:,}"


#: The ``member`` of an attendance record or a payment, read in C (4.2 million records at national scale).
_MEMBER_OF: Final = attrgetter("member")
_ID_OF: Final = attrgetter("id")


def _members_exist(path: str, identifiers: Sequence[str], members: set[str]) -> Iterator[Finding]:
    if members.issuperset(identifiers):  # the usual case, in one C call
        return
    for index, identifier in enumerate(identifiers):
        if identifier not in members:
            yield _no_member(f"{path}[{index}]", identifier)


__all__ = ["ReadList", "RegisterParts", "find_problems"]
