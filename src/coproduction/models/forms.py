"""The forms a register file writes a value in, accepted in code too: an enum's text (``kind="board"``,
``age="35-49"``), a list where the model keeps a tuple or a set (``perspectives=["uses-services"]``).

Each function is a model field's attrs converter: it turns a value written the file's way into the model's own
type, and passes anything else through untouched, so that :func:`coproduction.validate_register` (which
``check_register`` and ``audit_group`` call) reports it with its field's path and the file format's words. A
converter never raises: the place to hear about a wrong value is the one that can say where it is.

Text is never taken for a list of its characters (``expected="ann"`` stays text, and is reported). The functions
are one per field type, named, because type checkers read a converter's parameter as the field's ``__init__``
type: ``Group(kind="board")`` type-checks, ``Group(kind=3)`` does not.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from enum import Enum
from functools import cache
from typing import TYPE_CHECKING, Any, TypeVar, cast

from coproduction.models.enums import (
    AccessNeed,
    ActionStatus,
    AttendanceStatus,
    Frequency,
    GroupKind,
    MeetingMode,
    MeetingStatus,
    PaperFormat,
    PaymentKind,
    PaymentPreference,
    Perspective,
    Role,
    VenueFeature,
    Weekday,
)

if TYPE_CHECKING:
    from coproduction.models.group import Acknowledgement, GroundRule, Group, Membership
    from coproduction.models.meeting import (
        Action,
        AgendaItem,
        Attendance,
        Break,
        Decision,
        Meeting,
        Paper,
        Payment,
    )
    from coproduction.models.member import Member, TrainingRecord

E = TypeVar("E", bound=Enum)
T = TypeVar("T")


@cache
def _members_by_value(enum_type: type[Enum]) -> dict[object, Enum]:
    # A StrEnum member hashes and compares as its text, so this one lookup takes the text and the member alike.
    return {member.value: member for member in enum_type}


def enum_member(enum_type: type[E], value: object) -> E:
    """The member of ``enum_type`` whose value is ``value`` (or ``value`` itself, a member already); anything
    else is passed through, for validation to report."""
    return _member(enum_type, value)


def _member(enum_type: type[E], value: object) -> E:
    try:
        return cast(E, _members_by_value(enum_type)[value])
    except (KeyError, TypeError):  # not a value of the enum (or not hashable): left for validation to report
        return cast(E, value)


def _is_collection(values: object) -> bool:
    """A list, tuple, set or other iterable, but not text (never a list of its characters) nor a mapping."""
    return isinstance(values, list | tuple | set | frozenset) or (
        isinstance(values, Iterable) and not isinstance(values, str | bytes | bytearray | Mapping)
    )


def _members(enum_type: type[E], values: object) -> frozenset[E]:
    if isinstance(values, frozenset) and set(map(type, values)) <= {enum_type}:
        # Already the model's own value (the loader's): kept as it is, so that its order of iteration is too.
        return cast(frozenset[E], values)
    if not _is_collection(values):
        return cast(frozenset[E], values)
    lookup = _members_by_value(enum_type)
    items = list(cast(Iterable[Any], values))
    try:
        return cast(frozenset[E], frozenset(map(lookup.__getitem__, items)))  # the usual case, in C
    except (KeyError, TypeError):
        pass
    try:  # some value is not one of the enum's: kept as it is, for validation to report
        return cast(frozenset[E], frozenset(lookup.get(value, value) for value in items))
    except TypeError:  # an element that cannot be in a set
        return cast(frozenset[E], values)


def _sequence(values: object) -> tuple[Any, ...]:
    if isinstance(values, tuple):
        return values
    if _is_collection(values):
        return tuple(cast(Iterable[Any], values))
    return cast(tuple[Any, ...], values)


def _texts(values: object) -> frozenset[str]:
    if values.__class__ is frozenset or not _is_collection(values):
        return cast(frozenset[str], values)
    items = list(cast(Iterable[Any], values))
    try:
        return frozenset(items)
    except TypeError:
        return cast(frozenset[str], values)


# -- one enum ------------------------------------------------------------------------------------------------


def group_kind(value: GroupKind | str) -> GroupKind:
    return _member(GroupKind, value)


def frequency(value: Frequency | str) -> Frequency:
    return _member(Frequency, value)


def weekday(value: Weekday | str | None) -> Weekday | None:
    return _member(Weekday, value) if value is not None else None


def role(value: Role | str) -> Role:
    return _member(Role, value)


def meeting_mode(value: MeetingMode | str) -> MeetingMode:
    return _member(MeetingMode, value)


def meeting_status(value: MeetingStatus | str) -> MeetingStatus:
    return _member(MeetingStatus, value)


def attendance_status(value: AttendanceStatus | str) -> AttendanceStatus:
    return _member(AttendanceStatus, value)


def action_status(value: ActionStatus | str) -> ActionStatus:
    return _member(ActionStatus, value)


def payment_kind(value: PaymentKind | str) -> PaymentKind:
    return _member(PaymentKind, value)


def payment_preference(value: PaymentPreference | str) -> PaymentPreference:
    return _member(PaymentPreference, value)


# -- sets ----------------------------------------------------------------------------------------------------


def perspectives(values: Iterable[Perspective | str]) -> frozenset[Perspective]:
    return _members(Perspective, values)


def access_needs(values: Iterable[AccessNeed | str] | None) -> frozenset[AccessNeed] | None:
    return _members(AccessNeed, values) if values is not None else None


def venue_features(values: Iterable[VenueFeature | str]) -> frozenset[VenueFeature]:
    return _members(VenueFeature, values)


def paper_formats(values: Iterable[PaperFormat | str]) -> frozenset[PaperFormat]:
    return _members(PaperFormat, values)


def texts(values: Iterable[str]) -> frozenset[str]:
    return _texts(values)


# -- lists ---------------------------------------------------------------------------------------------------


def ids(values: Iterable[str]) -> tuple[str, ...]:
    return _sequence(values)


def training_records(values: Iterable[TrainingRecord]) -> tuple[TrainingRecord, ...]:
    return _sequence(values)


def ground_rule_items(values: Iterable[GroundRule]) -> tuple[GroundRule, ...]:
    return _sequence(values)


def acknowledgements(values: Iterable[Acknowledgement]) -> tuple[Acknowledgement, ...]:
    return _sequence(values)


def breaks(values: Iterable[Break]) -> tuple[Break, ...]:
    return _sequence(values)


def agenda_items(values: Iterable[AgendaItem]) -> tuple[AgendaItem, ...]:
    return _sequence(values)


def papers(values: Iterable[Paper]) -> tuple[Paper, ...]:
    return _sequence(values)


def attendances(values: Iterable[Attendance]) -> tuple[Attendance, ...]:
    return _sequence(values)


def decisions(values: Iterable[Decision]) -> tuple[Decision, ...]:
    return _sequence(values)


def actions(values: Iterable[Action]) -> tuple[Action, ...]:
    return _sequence(values)


def payments(values: Iterable[Payment]) -> tuple[Payment, ...]:
    return _sequence(values)


def members(values: Iterable[Member]) -> tuple[Member, ...]:
    return _sequence(values)


def groups(values: Iterable[Group]) -> tuple[Group, ...]:
    return _sequence(values)


def memberships(values: Iterable[Membership]) -> tuple[Membership, ...]:
    return _sequence(values)


def meetings(values: Iterable[Meeting]) -> tuple[Meeting, ...]:
    return _sequence(values)
