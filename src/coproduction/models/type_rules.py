"""Every value of a register built in code is of its field's type: text is ``str``, a date a ``datetime.date`` (not
a date-time), a date-time aware, a kind of group a :class:`~coproduction.models.GroupKind`, and so on down.

A file is held to the same rules as it is read (:mod:`coproduction.io.converter`, which takes its messages from
:mod:`coproduction.models.value_rules` too); this module holds objects to them, so that a wrong type is reported
with its field's path (``$.groups[0].kind``) before any check runs, never met as an ``AttributeError`` inside one.

The checker of each type is made once from the models' attrs fields and type hints, so a field added to a model is
checked without editing this module. A checker returns ``None`` for a good value (the usual case, and cheap) or
the list of ``(path under the value, message)`` pairs that are wrong with it.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Callable
from datetime import date, datetime, time, timezone
from decimal import Decimal
from enum import Enum
from functools import cache, partial
from itertools import chain
from operator import attrgetter, is_not
from typing import Any, Final
from zoneinfo import ZoneInfo

import attrs

from coproduction.models.value_rules import (
    AWARE_TIME,
    NAIVE_OBJECT,
    NOT_FINITE,
    enum_problem,
    kind_of,
    text_problem,
)

Found = list[tuple[str, str]]
Checker = Callable[[Any], Found | None]


def _expected(what: str) -> Callable[[Any], Found]:
    def wrong(value: Any) -> Found:
        return [("", f"expected {what}, found {kind_of(value)}")]

    return wrong


_NOT_TEXT: Final = _expected("text (a str)")
_NOT_WHOLE: Final = _expected("a whole number (an int)")
_NOT_FLAG: Final = _expected("True or False")
_NOT_DATE: Final = _expected("a date (a datetime.date, without a time)")
_NOT_MOMENT: Final = _expected("a date and time (an aware datetime.datetime)")
_NOT_TIME: Final = _expected("a time of day (a datetime.time)")
_NOT_AMOUNT: Final = _expected("an amount (a decimal.Decimal such as Decimal('12.50'))")
_NOT_LIST: Final = _expected("a list or a tuple")
_NOT_SET: Final = _expected("a list or a set")


def _check_text(value: Any) -> Found | None:
    if isinstance(value, str):
        problem = text_problem(value)
        return None if problem is None else [("", problem)]
    return _NOT_TEXT(value)


def _check_int(value: Any) -> Found | None:
    return None if isinstance(value, int) and not isinstance(value, bool) else _NOT_WHOLE(value)


def _check_bool(value: Any) -> Found | None:
    return None if value is True or value is False else _NOT_FLAG(value)


def _check_date(value: Any) -> Found | None:
    # A datetime is a date to Python, but it cannot be compared with one: a date-time where a date is meant is
    # exactly the mistake that fails later, inside a check.
    return None if isinstance(value, date) and not isinstance(value, datetime) else _NOT_DATE(value)


def _check_datetime(value: Any) -> Found | None:
    if not isinstance(value, datetime):
        return _NOT_MOMENT(value)
    return None if value.utcoffset() is not None else [("", NAIVE_OBJECT)]


def _check_time(value: Any) -> Found | None:
    if not isinstance(value, time):
        return _NOT_TIME(value)
    return None if value.tzinfo is None else [("", AWARE_TIME)]


def _check_decimal(value: Any) -> Found | None:
    if not isinstance(value, Decimal):
        return _NOT_AMOUNT(value)
    return None if value.is_finite() else [("", NOT_FINITE)]


_LEAVES: Final[dict[Any, Checker]] = {
    str: _check_text,
    int: _check_int,
    bool: _check_bool,
    date: _check_date,
    datetime: _check_datetime,
    time: _check_time,
    Decimal: _check_decimal,
}


def _enum_checker(enum_type: type[Enum]) -> Checker:
    def check(value: Any) -> Found | None:
        # A model's converter has already turned a value's text into the member where it could.
        return None if value.__class__ is enum_type else [("", enum_problem(enum_type, value))]

    return check


def _optional_checker(inner: Checker) -> Checker:
    def check(value: Any) -> Found | None:
        return None if value is None else inner(value)

    return check


def _under(index: int | None, found: Found) -> Found:
    where = "" if index is None else f"[{index}]"
    return [(where + path, message) for path, message in found]


def _tuple_checker(element: Checker) -> Checker:
    def check(value: Any) -> Found | None:
        if not isinstance(value, tuple):
            return _NOT_LIST(value)
        found: Found | None = None
        for index, item in enumerate(value):
            problems = element(item)
            if problems is not None:
                found = (found or []) + _under(index, problems)
        return found

    return check


def _set_checker(element: Checker) -> Checker:
    def check(value: Any) -> Found | None:
        if isinstance(value, frozenset):
            # A set has no order to point into: a bad element is reported at the set, once per message.
            messages = sorted({message for item in value for _, message in element(item) or ()})
            return [("", message) for message in messages] or None
        if isinstance(value, list | tuple | set):
            # The model's converter could not make a set of it: some element is wrong (or cannot be in a set).
            items = value if isinstance(value, list | tuple) else sorted(value, key=repr)
            found = [
                (f"[{index}]{path}", message)
                for index, item in enumerate(items)
                for path, message in (element(item) or ())
            ]
            return found or [("", "expected a list or a set of values that can be in a set")]
        return _NOT_SET(value)

    return check


def _model_checker(cls: type) -> Checker:
    name = cls.__name__
    wrong = _expected(f"{'an' if name[:1] in 'AEIOU' else 'a'} {name}")
    fields: list[tuple[str, Checker]] = []

    def check(value: Any) -> Found | None:
        if not isinstance(value, cls):
            return wrong(value)
        found: Found | None = None
        for field, field_check in fields:
            problems = field_check(getattr(value, field))
            if problems is not None:
                found = (found or []) + [(f".{field}{path}", message) for path, message in problems]
        return found

    # Filled after ``check`` exists, so that a model may (one day) hold itself without endless recursion.
    _MODELS[cls] = check
    hints = typing.get_type_hints(cls)
    fields.extend((field.name, checker_for(hints[field.name])) for field in attrs.fields(cls))
    return check


_MODELS: dict[type, Checker] = {}


@cache
def checker_for(type_: Any) -> Checker:
    """The checker of values of ``type_``: a model, a leaf, an enum, ``X | None``, ``tuple[X, ...]``,
    ``frozenset[X]``."""
    if type_ in _LEAVES:
        return _LEAVES[type_]
    if isinstance(type_, type) and issubclass(type_, Enum):
        return _enum_checker(type_)
    if isinstance(type_, type) and attrs.has(type_):
        return _MODELS.get(type_) or _model_checker(type_)
    origin, args = typing.get_origin(type_), typing.get_args(type_)
    if origin in (typing.Union, types.UnionType) and len(args) == 2 and type(None) in args:
        return _optional_checker(checker_for(next(arg for arg in args if arg is not type(None))))
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        return _tuple_checker(checker_for(args[0]))
    if origin is frozenset and len(args) == 1:
        return _set_checker(checker_for(args[0]))
    raise TypeError(f"no type rule for {type_!r}")  # pragma: no cover - a new kind of model field


# -- the same rules asked of a whole column of values at once, mostly in C --------------------------------------
#
# ``column_ok(type_)(values)`` is True only when every value in ``values`` is certainly good (the per-value
# checker above would find nothing); False means "look at each value", never "wrong". A national register built
# in code holds some 25 million values: asked one by one in Python they take 20 s, a column at a time about one.

Column = Callable[[list[Any]], bool]
_NOT_NONE: Final = partial(is_not, None)


def _types_within(values: list[Any], allowed: frozenset[type]) -> bool:
    return set(map(type, values)) <= allowed


def _exactly(*allowed: type) -> Column:
    kinds = frozenset(allowed)

    def ok(values: list[Any]) -> bool:
        return _types_within(values, kinds)

    return ok


def _text_column(values: list[Any]) -> bool:
    if not _types_within(values, _STR):
        return False
    try:
        "".join(values).encode("utf-8")  # a lone surrogate anywhere makes this fail, in C
    except UnicodeEncodeError:
        return False
    return True


def _datetime_column(values: list[Any]) -> bool:
    # Fixed offsets and IANA zones always give an offset: a date-time carrying one is aware.
    return _types_within(values, _DATETIME) and set(map(type, map(_TZINFO, values))) <= _ALWAYS_AWARE


def _time_column(values: list[Any]) -> bool:
    return _types_within(values, _TIME) and set(map(_TZINFO, values)) <= {None}


def _decimal_column(values: list[Any]) -> bool:
    return _types_within(values, _DECIMAL) and all(map(Decimal.is_finite, values))


_STR: Final = frozenset({str})
_DATETIME: Final = frozenset({datetime})
_TIME: Final = frozenset({time})
_DECIMAL: Final = frozenset({Decimal})
_TZINFO: Final = attrgetter("tzinfo")
_ALWAYS_AWARE: Final = frozenset({timezone, ZoneInfo})
_COLUMNS: Final[dict[Any, Column]] = {
    str: _text_column,
    int: _exactly(int),
    bool: _exactly(bool),
    date: _exactly(date),
    datetime: _datetime_column,
    time: _time_column,
    Decimal: _decimal_column,
}


def _optional_column(inner_type: Any) -> Column:
    inner = column_ok(inner_type)
    if inner_type in (int, bool, date) or (isinstance(inner_type, type) and issubclass(inner_type, Enum)):
        kinds = frozenset({inner_type, type(None)})
        return lambda values: _types_within(values, kinds)

    def ok(values: list[Any]) -> bool:
        return inner(list(filter(_NOT_NONE, values)))

    return ok


def _tuple_column(element_type: Any) -> Column:
    element = column_ok(element_type)

    def ok(values: list[Any]) -> bool:
        return _types_within(values, _TUPLE) and element(list(chain.from_iterable(values)))

    return ok


def _set_column(element_type: Any) -> Column:
    element = column_ok(element_type)

    def ok(values: list[Any]) -> bool:
        return _types_within(values, _FROZENSET) and element(list(chain.from_iterable(values)))

    return ok


_TUPLE: Final = frozenset({tuple})
_FROZENSET: Final = frozenset({frozenset})


def _model_column(cls: type) -> Column:
    kind = frozenset({cls})
    hints = typing.get_type_hints(cls)
    fields = [(attrgetter(field.name), column_ok(hints[field.name])) for field in attrs.fields(cls)]

    def ok(values: list[Any]) -> bool:
        if not _types_within(values, kind):
            return False
        return all(field_ok(list(map(get, values))) for get, field_ok in fields)

    return ok


@cache
def column_ok(type_: Any) -> Column:
    """A test of a whole list of values of ``type_`` at once: True only when none has a problem."""
    if type_ in _COLUMNS:
        return _COLUMNS[type_]
    if isinstance(type_, type) and issubclass(type_, Enum):
        return _exactly(type_)
    if isinstance(type_, type) and attrs.has(type_):
        return _model_column(type_)
    origin, args = typing.get_origin(type_), typing.get_args(type_)
    if origin in (typing.Union, types.UnionType) and len(args) == 2 and type(None) in args:
        return _optional_column(next(arg for arg in args if arg is not type(None)))
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        return _tuple_column(args[0])
    if origin is frozenset and len(args) == 1:
        return _set_column(args[0])
    raise TypeError(f"no type rule for {type_!r}")  # pragma: no cover - a new kind of model field


def type_problems(value: Any, type_: Any) -> Found:
    """What is wrong with the types in ``value``, which should be a ``type_``: ``(path under it, message)``."""
    return checker_for(type_)(value) or []


__all__ = ["checker_for", "column_ok", "type_problems"]
