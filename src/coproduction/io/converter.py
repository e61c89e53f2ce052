"""The cattrs converter between register models and plain data (dicts, lists, strings, numbers).

One converter configuration serves every format; the per-format modules in :mod:`coproduction.io.preconf`
only change how dates and date-times are written (native values for YAML and TOML, ISO strings for JSON), as
cattrs' own ``preconf`` modules do.

Reading is strict, so that a register file means one thing only:

* text must be a string, whole numbers an integer, flags ``true``/``false`` (no ``"yes"`` turned into ``True``);
* enums are their kebab-case values; a wrong value lists the allowed ones, except for diversity answers, which
  are special category data (UK GDPR Article 9) and are never echoed back;
* lists must be lists (a string is not a list of characters); sets are written as sorted lists;
* dates are ``YYYY-MM-DD``, times ``HH:MM``, date-times ISO 8601 *with* an offset; native date values from
  YAML and TOML are accepted too; money is a decimal (a string such as ``"12.50"`` or a number);
* unknown fields are errors (``forbid_extra_keys``), and every object must be a mapping.

Writing omits every field that holds its default (``None``, empty lists, ``voting: true`` ...), so saved files
stay short and readable; loading fills the defaults back in, so a save-load round trip is exact.
"""

from __future__ import annotations

import math
import re
import types
import typing
from collections.abc import Callable
from datetime import date, datetime, time
from decimal import Decimal, InvalidOperation
from enum import Enum, IntEnum, StrEnum
from functools import cache
from typing import Any, Final, TypeVar

import attrs
import cattrs
from cattrs.errors import IterableValidationError, IterableValidationNote
from cattrs.gen import make_dict_structure_fn

from coproduction.models import diversity
from coproduction.models.value_rules import (
    AWARE_TIME,
    DIVERSITY_ENUMS,
    NAIVE,
    NOT_FINITE,
    enum_problem,
    kind_of,
    printable,
    text_problem,
)

T = TypeVar("T")


class InvalidValue(ValueError):
    """A leaf value that cannot be structured. ``str(error)`` is the message shown to the person who wrote the
    file; it never contains a diversity answer."""


def _article(noun: str) -> str:
    return f"an {noun}" if noun[:1] in "AEIOU" else f"a {noun}"


# -- leaf hooks (shared by every format) --------------------------------------------------------------------


def _structure_str(value: Any, _: Any) -> str:
    if value.__class__ is str:
        # JSON and YAML can write "\ud800", half of a UTF-16 pair, which is no character at all.
        problem = text_problem(value)
        if problem is not None:
            raise InvalidValue(problem)
        return value
    raise InvalidValue(f"expected text, found {kind_of(value)}; put it in quotes")


def _structure_int(value: Any, _: Any) -> int:
    if value.__class__ is int:
        return value
    raise InvalidValue(f"expected a whole number, found {kind_of(value)}")


def _structure_bool(value: Any, _: Any) -> bool:
    if value.__class__ is bool:
        return value
    raise InvalidValue(f"expected true or false, found {kind_of(value)}")


def _structure_decimal(value: Any, _: Any) -> Decimal:
    if isinstance(value, str):
        try:
            number = Decimal(value.strip())
        except InvalidOperation:
            raise InvalidValue(f"{printable(repr(value))} is not an amount; write it like 12.50") from None
    elif isinstance(value, int | float) and not isinstance(value, bool):
        if isinstance(value, float) and not math.isfinite(value):
            raise InvalidValue(NOT_FINITE)
        number = Decimal(str(value))
    else:
        raise InvalidValue(f"expected an amount such as \"12.50\", found {kind_of(value)}")
    if not number.is_finite():
        raise InvalidValue(NOT_FINITE)
    return number


def _structure_date(value: Any, _: Any) -> date:
    if value.__class__ is date:
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            why = "there is no such day" if _LOOKS_LIKE_A_DATE.match(value) else "write YYYY-MM-DD, e.g. 2026-01-06"
            raise InvalidValue(f"{printable(repr(value))} is not a date; {why}") from None
    raise InvalidValue(f"expected a date (YYYY-MM-DD), found {kind_of(value)}")


_LOOKS_LIKE_A_DATE: Final = re.compile(r"\d{4}-\d{2}-\d{2}$")


def _structure_datetime(value: Any, _: Any) -> datetime:
    if isinstance(value, datetime):
        moment = value
    elif isinstance(value, str):
        try:
            moment = datetime.fromisoformat(value)
        except ValueError:
            raise InvalidValue(
                f"{printable(repr(value))} is not a date and time; write 2026-01-06T10:00:00+00:00"
                " (a real day and time, and an offset from UTC between -23:59 and +23:59, not a zone name)"
            ) from None
    else:
        raise InvalidValue(
            f"expected a date and time with offset (2026-01-06T10:00:00+00:00), found {kind_of(value)}"
        )
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise InvalidValue(NAIVE)
    return moment


def _structure_time(value: Any, _: Any) -> time:
    if value.__class__ is time:
        moment: time = value
    elif isinstance(value, str):
        try:
            moment = time.fromisoformat(value)
        except ValueError:
            raise InvalidValue(f"{printable(repr(value))} is not a time of day; write HH:MM, e.g. 09:30") from None
    else:
        raise InvalidValue(f"expected a time of day (HH:MM, e.g. 09:30), found {kind_of(value)}")
    if moment.tzinfo is not None:
        raise InvalidValue(AWARE_TIME)
    return moment


#: Every leaf type a register's models hold, and the hook that reads it from plain data: the one table of leaf
#: rules. :func:`configure_converter` registers these on every converter, and the JSON fast path
#: (:mod:`coproduction.io.typed_json`) reads its leaves from this table too, so a new leaf type cannot be read one
#: way on one path and another way on the other (it has no fast reading until one is given, and a test says so).
LEAF_HOOKS: Final[dict[type, Callable[[Any, Any], Any]]] = {
    str: _structure_str,
    int: _structure_int,
    bool: _structure_bool,
    Decimal: _structure_decimal,
    date: _structure_date,
    datetime: _structure_datetime,
    time: _structure_time,
}

#: Date-times in their plain form: what :func:`datetime.fromisoformat` (the hook above) and an RFC 3339 reader
#: such as msgspec read to the same value. Seconds required, at most six decimals, an offset or ``Z``; a real
#: day is left to the reader; ASCII digits only (``\d`` would take other scripts' digits), ``\Z`` not ``$``
#: (which lets a final newline through). Python's documentation of fromisoformat:
#: https://docs.python.org/3/library/datetime.html#datetime.datetime.fromisoformat
PLAIN_DATETIME: Final = (
    r"^[0-9]{4}-[0-9]{2}-[0-9]{2}T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](\.[0-9]{1,6})?"
    r"(Z|[+-]([01][0-9]|2[0-3]):[0-5][0-9])\Z"
)
#: Amounts in their plain form: text that ``Decimal(text)`` reads digit for digit (``"12.50"`` stays 12.50) ...
PLAIN_AMOUNT: Final = r"^-?[0-9]{1,30}(\.[0-9]{1,30})?\Z"
#: ... or a JSON whole number up to this size either way (a JSON number with a point is not plain: it is a float
#: to Python's json module, so 12.50 is read as Decimal("12.5")).
PLAIN_WHOLE_AMOUNT: Final = 10**15


def _enum_structure_factory(enum_type: type[Enum]) -> Callable[[Any, Any], Enum]:
    members: dict[object, Enum] = {member.value: member for member in enum_type}

    def structure(value: Any, _: Any) -> Enum:
        try:
            return members[value]
        except (KeyError, TypeError):
            # A diversity answer is never echoed (value_rules.enum_problem lists the categories only).
            raise InvalidValue(enum_problem(enum_type, value)) from None

    return structure


_enum_hook = cache(_enum_structure_factory)


def _structure_enum(value: Any, enum_type: type[Enum]) -> Enum:
    return _enum_hook(enum_type)(value, enum_type)


def _unstructure_enum(member: Enum) -> Any:
    return member.value


def _is_homogeneous_tuple(type_: Any) -> bool:
    args = typing.get_args(type_)
    return typing.get_origin(type_) is tuple and len(args) == 2 and args[1] is Ellipsis


def _is_frozenset(type_: Any) -> bool:
    return type_ is frozenset or typing.get_origin(type_) is frozenset


def _collection_structure_factory(
    type_: Any, converter: cattrs.Converter
) -> Callable[[Any, Any], tuple[Any, ...] | frozenset[Any]]:
    element_type = typing.get_args(type_)[0]
    element_hook = converter.get_structure_hook(element_type)
    build: Callable[[Any], Any] = frozenset if _is_frozenset(type_) else tuple
    detailed = converter.detailed_validation

    def structure(value: Any, _: Any) -> Any:
        if value.__class__ is not list and value.__class__ is not tuple:
            raise InvalidValue(f"expected a list, found {kind_of(value)}")
        if not detailed:
            return build([element_hook(element, element_type) for element in value])
        items = []
        errors: list[Exception] = []
        for index, element in enumerate(value):
            try:
                items.append(element_hook(element, element_type))
            except Exception as error:
                error.__notes__ = [
                    *getattr(error, "__notes__", []),
                    IterableValidationNote(f"Structuring {type_} @ index {index}", index, element_type),
                ]
                errors.append(error)
        if errors:
            raise IterableValidationError(f"While structuring {type_}", errors, type_)
        return build(items)

    return structure


def _attrs_structure_factory(cls: type[T], converter: cattrs.Converter) -> Callable[[Any, Any], T]:
    name = _article(cls.__name__)
    if converter.detailed_validation:
        generated = make_dict_structure_fn(cls, converter)

        def structure_in_detail(value: Any, _: Any) -> T:
            # cattrs' generated code indexes into the value; make sure it is a mapping first, so that a list or
            # a number where an object belongs gives one clear problem instead of one per field.
            if value.__class__ is not dict:
                raise InvalidValue(f"expected a mapping (fields of {name}), found {kind_of(value)}")
            return generated(value, cls)

        return structure_in_detail

    # The fast path: one C-level subset test replaces cattrs' per-object set difference for unknown keys.
    fast = make_dict_structure_fn(cls, converter, _cattrs_forbid_extra_keys=False)
    allowed = frozenset(field.name for field in attrs.fields(cls))  # type: ignore[arg-type]

    def structure_fast(value: Any, _: Any) -> T:
        if value.__class__ is not dict or not value.keys() <= allowed:
            raise InvalidValue(f"not a mapping of the fields of {name}")
        return fast(value, cls)

    return structure_fast


def _is_optional(type_: Any) -> bool:
    args = typing.get_args(type_)
    return (
        typing.get_origin(type_) in (typing.Union, types.UnionType)
        and len(args) == 2
        and type(None) in args
    )


def _optional_structure_factory(type_: Any, converter: cattrs.Converter) -> Callable[[Any, Any], Any]:
    """``X | None``: the hook for X is looked up once, not on every value as cattrs' default does."""
    inner = next(arg for arg in typing.get_args(type_) if arg is not type(None))
    hook = converter.get_structure_hook(inner)

    def structure(value: Any, _: Any) -> Any:
        return None if value is None else hook(value, inner)

    return structure


def _model_enums() -> list[type[Enum]]:
    """The enums the models use, each to get its own hook (the StrEnum hook then serves only newcomers)."""
    from coproduction.models import enums

    found = [*enums.__dict__.values(), *diversity.__dict__.values()]
    return [
        value
        for value in found
        if isinstance(value, type) and issubclass(value, Enum) and value not in (Enum, StrEnum, IntEnum)
    ]


# -- unstructure hooks --------------------------------------------------------------------------------------


def unstructure_time(value: time) -> str:
    """``HH:MM``; seconds only when there are any, so that nothing is lost."""
    if value.second or value.microsecond:
        return value.isoformat()
    return value.strftime("%H:%M")


def _sorted_list_factory(type_: Any, converter: cattrs.Converter) -> Callable[[Any], list[Any]]:
    unstructure = converter.unstructure

    def to_sorted_list(value: frozenset[Any]) -> list[Any]:
        return sorted(unstructure(element) for element in value)

    return to_sorted_list


def _list_factory(type_: Any, converter: cattrs.Converter) -> Callable[[Any], list[Any]]:
    element_hook = converter.get_unstructure_hook(typing.get_args(type_)[0])

    def to_list(value: tuple[Any, ...]) -> list[Any]:
        return [element_hook(element) for element in value]

    return to_list


def configure_converter(converter: cattrs.Converter) -> None:
    """Register the register's hooks on ``converter`` (dates and date-times are written as ISO strings)."""
    # cattrs consults class registrations (singledispatch) before predicates, and a StrEnum is a str, a bool an
    # int: so the leaves and the enums are all registered by class, the enums on their common bases.
    for leaf, hook in LEAF_HOOKS.items():
        converter.register_structure_hook(leaf, hook)
    for enum_base in (Enum, StrEnum, IntEnum):
        converter.register_structure_hook(enum_base, _structure_enum)
    for enum_type in _model_enums():
        converter.register_structure_hook(enum_type, _enum_hook(enum_type))
    converter.register_structure_hook_factory(_is_optional, _optional_structure_factory)
    converter.register_structure_hook_factory(
        lambda t: _is_homogeneous_tuple(t) or (_is_frozenset(t) and t is not frozenset),
        _collection_structure_factory,
    )
    converter.register_structure_hook_factory(attrs.has, _attrs_structure_factory)

    for enum_base in (Enum, StrEnum, IntEnum):
        converter.register_unstructure_hook(enum_base, _unstructure_enum)
    converter.register_unstructure_hook(Decimal, str)
    converter.register_unstructure_hook(date, date.isoformat)
    converter.register_unstructure_hook(datetime, datetime.isoformat)
    converter.register_unstructure_hook(time, unstructure_time)
    converter.register_unstructure_hook_factory(_is_frozenset, _sorted_list_factory)
    converter.register_unstructure_hook_factory(_is_homogeneous_tuple, _list_factory)


def make_converter(*, detailed_validation: bool = True) -> cattrs.Converter:
    """A converter for registers: strict on structure, omits defaults on unstructure, rejects unknown fields.

    ``detailed_validation=False`` is the fast path used first when loading; on any failure the loader runs the
    detailed converter to report every problem with its path.
    """
    converter = cattrs.Converter(
        omit_if_default=True,
        forbid_extra_keys=True,
        detailed_validation=detailed_validation,
    )
    configure_converter(converter)
    return converter


@cache
def structuring_converter(*, detailed: bool) -> cattrs.Converter:
    """The shared converter used to read every format (reading accepts native and string dates alike)."""
    return make_converter(detailed_validation=detailed)


__all__ = [
    "DIVERSITY_ENUMS",
    "LEAF_HOOKS",
    "PLAIN_AMOUNT",
    "PLAIN_DATETIME",
    "PLAIN_WHOLE_AMOUNT",
    "InvalidValue",
    "configure_converter",
    "kind_of",
    "make_converter",
    "printable",
    "structuring_converter",
    "unstructure_time",
]


def _native(value: date) -> date:
    return value


def make_native_dates_converter() -> cattrs.Converter:
    """As :func:`make_converter`, but dates and date-times stay Python values on saving: for YAML and TOML, which
    have native date and date-time types."""
    converter = make_converter()
    converter.register_unstructure_hook(date, _native)
    converter.register_unstructure_hook(datetime, _native)
    return converter
