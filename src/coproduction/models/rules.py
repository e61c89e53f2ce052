"""The rules that need the whole register: unique ids, references that resolve, ends after starts, numbers in
range, and dates no real register holds. One copy, wherever the register comes from: the loader runs them on what
it read from files (:mod:`coproduction.io.loader`), and :func:`coproduction.validate_register` on a register
built in code.

A problem names the file an item came from and its index in that file's list (``$.meetings[3].end``), so that it
points where the person must edit; for a register built in code the "file" is the name the caller gives it.
Locations are worked out only for items with a problem: a national register has about a million items, and most
have none. For the same reason each rule first asks, of a whole list at once and mostly in C, whether any item
could break it (:attr:`Rule.clear`); only a list that might is looked at item by item.

An item that could not be read whole (a wrong type in a file or in code) is left out of these rules, except that
its references are still read wherever they are text, so that a dangling reference is reported in the same run as
the item's other problems.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from datetime import UTC, date, datetime, time, timedelta
from functools import partial
from itertools import chain
from operator import attrgetter, is_not, le
from typing import Any, Final, Generic, Protocol, TypeVar

import attrs

from coproduction.errors import Problem
from coproduction.models.group import Group, Membership
from coproduction.models.meeting import Meeting
from coproduction.models.member import Member

T = TypeVar("T", covariant=True)

#: ``Cadence.week_of_month``: first to fourth, or -1 for the last (models/group.py).
WEEKS_OF_MONTH = frozenset({1, 2, 3, 4, -1})

#: Upper bounds that no real register reaches: a huge number is a mistake (or hostile), refused with its place.
MAX_PEOPLE = 100_000
MAX_INTERPRETERS = 20
MAX_MINUTES = 7 * 24 * 60
MAX_SEQUENCE = 1_000_000
MAX_AMOUNT = 1_000_000

#: Dates no meeting or membership can have: before the first co-production boards by a long way, or so far ahead
#: that the year is surely a typing mistake (year 1, 9999). Refused with their place, so no later step (working
#: days, calendar time zones, audits) ever meets them.
EARLIEST_DATE: Final = date(1900, 1, 1)
LATEST_DATE: Final = date(2200, 12, 31)
PLAUSIBLE_RANGE: Final = f"the plausible range {EARLIEST_DATE.isoformat()} to {LATEST_DATE.isoformat()}"
#: A date-time's instant must fall on those days in UTC.
EARLIEST_MOMENT: Final = datetime.combine(EARLIEST_DATE, time(), UTC)
LATEST_MOMENT: Final = datetime.combine(LATEST_DATE, time.max, UTC)


def implausible_date(value: date) -> str:
    """The message for a date outside :data:`PLAUSIBLE_RANGE`, naming it."""
    return f"{value.isoformat()} is outside {PLAUSIBLE_RANGE}; check the year"


def implausible_moment(value: datetime) -> str:
    """The message for a date-time whose instant is outside :data:`PLAUSIBLE_RANGE` in UTC, naming it."""
    return f"{value.isoformat()} is outside {PLAUSIBLE_RANGE} (in UTC); check the year"


#: Local dates a day inside the range: a date-time on one of them is within the range in UTC whatever its offset
#: (offsets are less than a day), so a list whose local dates all are needs no closer look.
_SAFE_FIRST: Final = EARLIEST_DATE + timedelta(days=1)
_SAFE_LAST: Final = LATEST_DATE - timedelta(days=1)

#: (path under the item, message)
Finding = tuple[str, str]


@attrs.frozen
class ReadList(Generic[T]):
    """One top-level list (``members`` ...) joined across files, or a register's list built in code.

    ``items`` holds ``None`` where an item could not be read whole (its problems are already reported), so that
    every other item keeps its index; ``unread`` keeps, by index, what was there (a file's raw data or the object
    given in code), from which references are still read. ``spans`` is ``(file, number of items read from it)``,
    in reading order.
    """

    key: str
    items: Sequence[T | None]
    spans: Sequence[tuple[str, int]]
    unread: Mapping[int, object] = attrs.Factory(dict)

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

    ``unreadable_ids`` holds, per list, the ids of items that could not be read whole, and ``incomplete`` the
    lists that could not be read at all: references into them are not reported again as dangling.
    """

    members: ReadList[Member]
    groups: ReadList[Group]
    memberships: ReadList[Membership]
    meetings: ReadList[Meeting]
    unreadable_ids: dict[str, set[str]] = attrs.Factory(dict)
    incomplete: frozenset[str] = frozenset()


@attrs.frozen
class Known:
    """The ids references may name; ``None`` when a list could not be read, so nobody can tell which exist."""

    members: set[str] | None
    groups: set[str] | None


@attrs.frozen
class Rule:
    """One rule about the items of one list.

    ``each`` gives an item's findings, in path order. ``clear`` answers, for all the items of a list at once,
    whether none can have a finding (``False`` means "look at each item"; it must never say ``True`` wrongly).
    ``salvage`` gives the findings that can still be made of an item not read whole (its references), reading
    fields of a file's mapping or of an object alike; ``None`` when there are none to make.
    """

    each: Callable[[Any, Known], Iterator[Finding]]
    clear: Callable[[Sequence[Any], Known], bool]
    salvage: Callable[[object, Known], Iterator[Finding]] | None = None


class _HasId(Protocol):
    @property
    def id(self) -> str: ...


def find_problems(parts: RegisterParts) -> list[Problem]:
    """Duplicate ids, dangling references, ends before starts, out-of-range numbers and implausible dates, in
    reading order: duplicates first, then each list's items in register order."""
    problems: list[Problem] = []
    member_ids = _unique_ids(parts.members, problems) | parts.unreadable_ids.get("members", set())
    group_ids = _unique_ids(parts.groups, problems) | parts.unreadable_ids.get("groups", set())
    _unique_ids(parts.meetings, problems)
    # When a whole list could not be read, nobody can tell which ids exist: references into it go unchecked.
    known = Known(
        members=None if "members" in parts.incomplete else member_ids,
        groups=None if "groups" in parts.incomplete else group_ids,
    )
    _apply(parts.members, MEMBER_RULES, known, problems)
    _apply(parts.groups, GROUP_RULES, known, problems)
    _apply(parts.memberships, MEMBERSHIP_RULES, known, problems)
    _apply(parts.meetings, MEETING_RULES, known, problems)
    return problems


def _apply(read: ReadList[Any], rules: Sequence[Rule], known: Known, problems: list[Problem]) -> None:
    items = read.items
    present: Sequence[Any] = items if not read.unread else [item for item in items if item is not None]
    suspects = [rule for rule in rules if not rule.clear(present, known)]
    salvaging = [rule.salvage for rule in rules if rule.salvage is not None] if read.unread else []
    numbers: Iterable[int] = range(len(items)) if suspects else sorted(read.unread)
    for number in numbers:
        item = items[number]
        if item is not None:
            findings = chain.from_iterable(rule.each(item, known) for rule in suspects)
        elif number in read.unread:
            raw = read.unread[number]
            findings = chain.from_iterable(salvage(raw, known) for salvage in salvaging)
        else:
            continue
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


# -- reading fields of a model or of a file's mapping alike (for items not read whole) --------------------------


def _get(item: object, name: str) -> object:
    """Field ``name`` of a model, or key ``name`` of a file's mapping; ``None`` when there is none."""
    if isinstance(item, dict):
        return item.get(name)
    return getattr(item, name, None)


def _elements(value: object) -> Iterator[tuple[int, object]]:
    """The indexed elements of a list (a file's) or tuple (a model's); nothing for anything else."""
    if isinstance(value, list | tuple):
        yield from enumerate(value)


def _no_member(path: str, identifier: str) -> Finding:
    return path, f"no member with id {identifier!r} in the register"


def _no_group(path: str, identifier: str) -> Finding:
    return path, f"no group with id {identifier!r} in the register"


def _member_at(path: str, value: object, known: Known) -> Iterator[Finding]:
    if isinstance(value, str) and known.members is not None and value not in known.members:
        yield _no_member(path, value)


def _group_at(path: str, value: object, known: Known) -> Iterator[Finding]:
    if isinstance(value, str) and known.groups is not None and value not in known.groups:
        yield _no_group(path, value)


def _member_list(path: str, value: object, known: Known) -> Iterator[Finding]:
    if known.members is not None and (value.__class__ is not tuple or not known.members.issuperset(value)):
        for index, identifier in _elements(value):
            yield from _member_at(f"{path}[{index}]", identifier, known)


def _look_at_each(items: Sequence[Any], known: Known) -> bool:
    """For lists short enough to look at item by item (groups: 14,000 at national scale)."""
    return not items


# -- C-speed questions about a whole list (Rule.clear) ---------------------------------------------------------


def _numbers_within(values: Iterable[Any], low: int, high: int) -> bool:
    found = list(values)
    return not found or (low <= min(found) and max(found) <= high)


def _optional_numbers_within(values: Iterable[Any], low: int, high: int) -> bool:
    found = list(filter(_NOT_NONE, values))
    return not found or (low <= min(found) and max(found) <= high)


def _dates_plausible(values: Iterable[date | None]) -> bool:
    """Whether every date given (``None`` left out) is from :data:`EARLIEST_DATE` to :data:`LATEST_DATE`."""
    found = list(filter(None, values))  # a date is never false
    return not found or (min(found) >= EARLIEST_DATE and max(found) <= LATEST_DATE)


def _all_members(known: Known, identifiers: Iterable[Any]) -> bool:
    return known.members is None or known.members.issuperset(identifiers)


def _flat(getter: Callable[[Any], Iterable[Any]], items: Iterable[Any]) -> Iterator[Any]:
    return chain.from_iterable(map(getter, items))


def _plausible(path: str, value: date | None) -> Iterator[Finding]:
    if value is not None and not EARLIEST_DATE <= value <= LATEST_DATE:
        yield path, implausible_date(value)


def _plausible_moment(path: str, value: datetime) -> Iterator[Finding]:
    """A date-time's instant, in UTC, from the first moment of :data:`EARLIEST_DATE` to the last of
    :data:`LATEST_DATE` (the years the calendar export writes)."""
    try:
        instant = value.astimezone(UTC)
    except OverflowError:  # year 1 at +14:00 has no UTC instant Python can hold
        instant = None
    if instant is None or not EARLIEST_MOMENT <= instant <= LATEST_MOMENT:
        yield path, implausible_moment(value)


_ID_OF: Final = attrgetter("id")
_NOT_NONE: Final = partial(is_not, None)
_MEMBER_OF: Final = attrgetter("member")
_GROUP_OF: Final = attrgetter("group")


# -- members ------------------------------------------------------------------------------------------------


def _member_dates(member: Member, known: Known) -> Iterator[Finding]:
    yield from _plausible(".joined", member.joined)
    for index, record in enumerate(member.training):
        yield from _plausible(f".training[{index}].completed", record.completed)


def _members_dates_clear(members: Sequence[Member], known: Known) -> bool:
    return _dates_plausible(chain(map(_JOINED, members), map(_COMPLETED, _flat(_TRAINING, members))))


_JOINED: Final = attrgetter("joined")
_TRAINING: Final = attrgetter("training")
_COMPLETED: Final = attrgetter("completed")

MEMBER_RULES: Final = (Rule(_member_dates, _members_dates_clear),)


# -- groups -------------------------------------------------------------------------------------------------


def _group_values(group: Group, known: Known) -> Iterator[Finding]:
    if group.quorum is not None and not 0 <= group.quorum <= MAX_PEOPLE:
        yield ".quorum", f"must be from 0 to {MAX_PEOPLE:,}"
    cadence = group.cadence
    if cadence is not None:
        if cadence.week_of_month is not None and cadence.week_of_month not in WEEKS_OF_MONTH:
            yield ".cadence.week_of_month", "must be 1, 2, 3, 4 or -1 (the last)"
        if cadence.start is not None and cadence.end is not None and cadence.end <= cadence.start:
            yield ".cadence.end", "end before start; the end must be after the start"
    rules = group.ground_rules
    if rules is not None and rules.reviewed is not None and rules.reviewed < rules.agreed:
        yield ".ground_rules.reviewed", "reviewed before the rules were agreed"


def _acknowledgements(group: object, known: Known) -> Iterator[Finding]:
    for index, acknowledgement in _elements(_get(_get(group, "ground_rules"), "acknowledgements")):
        yield from _member_at(f".ground_rules.acknowledgements[{index}].member", _get(acknowledgement, "member"), known)


def _group_dates(group: Group, known: Known) -> Iterator[Finding]:
    rules = group.ground_rules
    if rules is not None:
        yield from _plausible(".ground_rules.agreed", rules.agreed)
        yield from _plausible(".ground_rules.reviewed", rules.reviewed)
        for index, acknowledgement in enumerate(rules.acknowledgements):
            yield from _plausible(f".ground_rules.acknowledgements[{index}].on", acknowledgement.on)


GROUP_RULES: Final = (
    Rule(_group_values, _look_at_each),
    Rule(_acknowledgements, _look_at_each, salvage=_acknowledgements),
    Rule(_group_dates, _look_at_each),
)


# -- memberships --------------------------------------------------------------------------------------------


def _membership_references(membership: object, known: Known) -> Iterator[Finding]:
    yield from _member_at(".member", _get(membership, "member"), known)
    yield from _group_at(".group", _get(membership, "group"), known)


def _membership_references_clear(memberships: Sequence[Membership], known: Known) -> bool:
    return _all_members(known, map(_MEMBER_OF, memberships)) and (
        known.groups is None or known.groups.issuperset(map(_GROUP_OF, memberships))
    )


def _membership_order(membership: Membership, known: Known) -> Iterator[Finding]:
    started = membership.started
    if started is not None:
        if membership.left is not None and membership.left < started:
            yield ".left", "end before start: left before started"
        if membership.term_ends is not None and membership.term_ends < started:
            yield ".term_ends", "end before start: the term ends before it started"


def _membership_order_clear(memberships: Sequence[Membership], known: Known) -> bool:
    return not any(
        started is not None and ((left is not None and left < started) or (term is not None and term < started))
        for started, left, term in map(_SPAN, memberships)
    )


def _membership_dates(membership: Membership, known: Known) -> Iterator[Finding]:
    yield from _plausible(".started", membership.started)
    yield from _plausible(".term_ends", membership.term_ends)
    yield from _plausible(".left", membership.left)


def _membership_dates_clear(memberships: Sequence[Membership], known: Known) -> bool:
    return _dates_plausible(chain.from_iterable(map(_SPAN, memberships)))


_SPAN: Final = attrgetter("started", "left", "term_ends")

MEMBERSHIP_RULES: Final = (
    Rule(_membership_references, _membership_references_clear, salvage=_membership_references),
    Rule(_membership_order, _membership_order_clear),
    Rule(_membership_dates, _membership_dates_clear),
)


# -- meetings -----------------------------------------------------------------------------------------------


def _meeting_group(meeting: object, known: Known) -> Iterator[Finding]:
    yield from _group_at(".group", _get(meeting, "group"), known)


def _meeting_group_clear(meetings: Sequence[Meeting], known: Known) -> bool:
    return known.groups is None or known.groups.issuperset(map(_GROUP_OF, meetings))


def _meeting_values(meeting: Meeting, known: Known) -> Iterator[Finding]:
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


def _meeting_values_clear(meetings: Sequence[Meeting], known: Known) -> bool:
    breaks = list(_flat(_BREAKS, meetings))
    return (
        not any(map(le, map(_END, meetings), map(_START, meetings)))
        and _numbers_within(map(_INTERPRETERS, meetings), 0, MAX_INTERPRETERS)
        and _numbers_within(map(_SEQUENCE, meetings), 0, MAX_SEQUENCE)
        and _numbers_within(map(_AFTER, breaks), 0, MAX_MINUTES)
        and _numbers_within(map(_MINUTES, breaks), 1, MAX_MINUTES)
    )


def _meeting_people(meeting: object, known: Known) -> Iterator[Finding]:
    """Everyone a meeting names: expected attendees, agenda leads, attendance, action owners, payees."""
    if known.members is None:
        return
    yield from _member_list(".expected", _get(meeting, "expected"), known)
    for index, item in _elements(_get(meeting, "agenda")):
        yield from _member_list(f".agenda[{index}].leads", _get(item, "leads"), known)
    for index, attendance in _elements(_get(meeting, "attendance")):
        yield from _member_at(f".attendance[{index}].member", _get(attendance, "member"), known)
    for index, action in _elements(_get(meeting, "actions")):
        yield from _member_at(f".actions[{index}].owner", _get(action, "owner"), known)


def _meeting_people_clear(meetings: Sequence[Meeting], known: Known) -> bool:
    if known.members is None:
        return True
    owners = set(map(_OWNER, _flat(_ACTIONS, meetings)))
    owners.discard(None)
    return (
        known.members.issuperset(_flat(_EXPECTED, meetings))
        and known.members.issuperset(_flat(_LEADS, _flat(_AGENDA, meetings)))
        and known.members.issuperset(map(_MEMBER_OF, _flat(_ATTENDANCE, meetings)))
        and known.members.issuperset(owners)
    )


def _payments(meeting: Meeting, known: Known) -> Iterator[Finding]:
    for index, payment in enumerate(meeting.payments):
        yield from _member_at(f".payments[{index}].member", payment.member, known)
        if payment.amount is not None and not 0 <= payment.amount <= MAX_AMOUNT:
            yield f".payments[{index}].amount", f"must be from 0 to {MAX_AMOUNT:,}"


def _payees(meeting: object, known: Known) -> Iterator[Finding]:
    for index, payment in _elements(_get(meeting, "payments")):
        yield from _member_at(f".payments[{index}].member", _get(payment, "member"), known)


def _payments_clear(meetings: Sequence[Meeting], known: Known) -> bool:
    payments = list(_flat(_PAYMENTS, meetings))
    return _all_members(known, map(_MEMBER_OF, payments)) and _optional_numbers_within(
        map(_AMOUNT, payments), 0, MAX_AMOUNT
    )


def _meeting_dates(meeting: Meeting, known: Known) -> Iterator[Finding]:
    yield from _plausible_moment(".start", meeting.start)
    yield from _plausible_moment(".end", meeting.end)
    yield from _plausible(".replaces", meeting.replaces)
    for index, item in enumerate(meeting.agenda):
        if item.outcome is not None:
            yield from _plausible(f".agenda[{index}].outcome.recorded", item.outcome.recorded)
    for index, paper in enumerate(meeting.papers):
        yield from _plausible(f".papers[{index}].published", paper.published)
    for index, action in enumerate(meeting.actions):
        yield from _plausible(f".actions[{index}].due", action.due)
        yield from _plausible(f".actions[{index}].completed", action.completed)


def _meeting_dates_clear(meetings: Sequence[Meeting], known: Known) -> bool:
    local_days = list(chain(map(datetime.date, map(_START, meetings)), map(datetime.date, map(_END, meetings))))
    if local_days and not (min(local_days) >= _SAFE_FIRST and max(local_days) <= _SAFE_LAST):
        return False
    outcomes = filter(None, map(_OUTCOME, _flat(_AGENDA, meetings)))
    actions = list(_flat(_ACTIONS, meetings))
    return _dates_plausible(
        chain(
            map(_REPLACES, meetings),
            map(_RECORDED, outcomes),
            map(_PUBLISHED, _flat(_PAPERS, meetings)),
            map(_DUE, actions),
            map(_COMPLETED, actions),
        )
    )


_START: Final = attrgetter("start")
_END: Final = attrgetter("end")
_INTERPRETERS: Final = attrgetter("bsl_interpreters")
_SEQUENCE: Final = attrgetter("sequence")
_BREAKS: Final = attrgetter("breaks")
_AFTER: Final = attrgetter("after_minutes")
_MINUTES: Final = attrgetter("minutes")
_EXPECTED: Final = attrgetter("expected")
_AGENDA: Final = attrgetter("agenda")
_LEADS: Final = attrgetter("leads")
_ATTENDANCE: Final = attrgetter("attendance")
_ACTIONS: Final = attrgetter("actions")
_OWNER: Final = attrgetter("owner")
_PAYMENTS: Final = attrgetter("payments")
_AMOUNT: Final = attrgetter("amount")
_REPLACES: Final = attrgetter("replaces")
_OUTCOME: Final = attrgetter("outcome")
_RECORDED: Final = attrgetter("recorded")
_PAPERS: Final = attrgetter("papers")
_PUBLISHED: Final = attrgetter("published")
_DUE: Final = attrgetter("due")

MEETING_RULES: Final = (
    Rule(_meeting_group, _meeting_group_clear, salvage=_meeting_group),
    Rule(_meeting_values, _meeting_values_clear),
    Rule(_meeting_people, _meeting_people_clear, salvage=_meeting_people),
    Rule(_payments, _payments_clear, salvage=_payees),
    Rule(_meeting_dates, _meeting_dates_clear),
)


__all__ = [
    "EARLIEST_DATE",
    "EARLIEST_MOMENT",
    "GROUP_RULES",
    "LATEST_DATE",
    "LATEST_MOMENT",
    "MAX_AMOUNT",
    "MAX_INTERPRETERS",
    "MAX_MINUTES",
    "MAX_PEOPLE",
    "MAX_SEQUENCE",
    "MEETING_RULES",
    "MEMBERSHIP_RULES",
    "MEMBER_RULES",
    "PLAUSIBLE_RANGE",
    "WEEKS_OF_MONTH",
    "Known",
    "ReadList",
    "RegisterParts",
    "Rule",
    "find_problems",
    "implausible_date",
    "implausible_moment",
]
