"""The fast path for JSON registers: JSON text to the models in C, with the detailed path's rules.

``json.loads`` followed by cattrs builds every object twice (a dict per object, then the model) and runs a
Python hook per value. At national scale (issue 6: 4.2 million attendance records, 464 MB) that was about 17 s of
a 60 s check. msgspec (a C library) decodes and type-checks JSON in one pass, and converts what it decoded into
attrs classes, also in C.

One parse, then a conversion (issue 12):

1. The text is decoded into "mirror" structs made from the models' attrs fields (:func:`mirror_of`): every field's
   JSON type, enum values, ``YYYY-MM-DD`` dates, date-times and amounts in their plain forms, and unknown fields
   (which msgspec would silently drop when building an attrs class) are checked there.
2. The mirrors are converted into the models by ``msgspec.convert`` wherever msgspec can (:func:`is_direct`:
   members, memberships, meetings with their attendance, agenda, papers and payments), in slices, so that each
   slice's mirrors are freed as its models are made; elsewhere (groups, whose cadence times need the detailed
   path's own hook) by small generated builders (:func:`builder_of`).

Every rule comes from the detailed path's own tables, never a copy: the top-level keys and list models from
:mod:`coproduction.io.keys`; the leaf types, their hooks and the plain forms of date-times and amounts from
:data:`coproduction.io.converter.LEAF_HOOKS` and its neighbours; field names, types and defaults (``Factory``
defaults included) from ``attrs.fields`` of each model. A leaf type the converter reads that has no fast reading
here, or a default this path cannot give, makes :func:`decode` decline every file until one is given -- it never
reads a value differently (tests/io/test_typed_json.py compares the tables and builds model variants).

This path only ever *accepts less* than the detailed path (:mod:`coproduction.io.converter`): any doubt -- an
unknown field, a wrong type, a date-time without seconds, an amount written as 12.50 rather than "12.50" -- makes
:func:`decode` return ``None``, and the loader reads the file again the slow way, which accepts what it should
and names every problem. So every message a person sees still comes from one place, and a register loads to the
same models on either path (property tests in ``tests/io/test_typed_json.py`` compare them). msgspec refuses
text with a lone UTF-16 surrogate (``"\\ud800"``), as the detailed path does.

Duplicate keys are not noticed by msgspec (the last value wins). :func:`has_duplicate_keys` finds them without a
parse by Python's json module: a second msgspec decode into "census" structs that keep every key given and every
value as its raw JSON text, encoded again: each key has exactly one colon after it, and values are copied byte for
byte, so the re-encoded census has as many colons as the file exactly when no key was given twice.
"""

from __future__ import annotations

import itertools
import types
import typing
from collections.abc import Callable
from datetime import date, datetime, time
from decimal import Decimal
from enum import Enum
from functools import cache
from typing import Annotated, Any, Final

import attrs
import msgspec

from coproduction.io.converter import LEAF_HOOKS, PLAIN_AMOUNT, PLAIN_DATETIME, PLAIN_WHOLE_AMOUNT
from coproduction.io.keys import LIST_KEYS, SINGLE_KEYS


@attrs.frozen
class Reading:
    """How the fast path reads one of the converter's leaf types from JSON.

    ``json``: the type msgspec checks the JSON value against in the parse (the leaf itself when msgspec's own
    reading of a JSON value gives what the converter's hook gives; a narrower form otherwise).
    ``by_hook``: the model's value is made by the converter's hook (:data:`LEAF_HOOKS`) from the checked JSON
    value; otherwise ``msgspec.convert`` makes it, in C."""

    json: Any
    by_hook: bool = False


#: The fast reading of each leaf type in the converter's table (:data:`coproduction.io.converter.LEAF_HOOKS`;
#: a test keeps the two tables' keys equal). Text, whole numbers, true/false and ``YYYY-MM-DD`` dates: msgspec
#: refuses what the hooks refuse (a number for text, true for a number, a string for a flag, 2026-02-30) and reads
#: the rest alike. Date-times and amounts: only their plain forms, which both read to one value. Times of day:
#: msgspec wants seconds, so the converter's hook reads them (groups' cadences: a few thousand values).
READINGS: Final[dict[type, Reading]] = {
    str: Reading(str),
    int: Reading(int),
    bool: Reading(bool),
    date: Reading(date),
    datetime: Reading(Annotated[str, msgspec.Meta(pattern=PLAIN_DATETIME)]),
    Decimal: Reading(
        Annotated[str, msgspec.Meta(pattern=PLAIN_AMOUNT)]
        | Annotated[int, msgspec.Meta(ge=-PLAIN_WHOLE_AMOUNT, le=PLAIN_WHOLE_AMOUNT)]
    ),
    time: Reading(str, by_hook=True),
}

#: Models converted in slices of this many items, so that a slice's mirrors are freed before the next is made.
_SLICE: Final = 1_000


@attrs.frozen
class TypedDocument:
    """One JSON file read by the fast path: its single values and its lists, already models."""

    singles: dict[str, str]
    lists: dict[str, tuple[Any, ...]]


def _optional_inner(type_: Any) -> Any | None:
    args = typing.get_args(type_)
    if typing.get_origin(type_) in (typing.Union, types.UnionType) and len(args) == 2 and type(None) in args:
        return next(arg for arg in args if arg is not type(None))
    return None


def _collection(type_: Any) -> tuple[type, Any] | None:
    """``(tuple, X)`` for ``tuple[X, ...]``, ``(frozenset, X)`` for ``frozenset[X]``; else ``None``."""
    origin, args = typing.get_origin(type_), typing.get_args(type_)
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        return tuple, args[0]
    if origin is frozenset and len(args) == 1:
        return frozenset, args[0]
    return None


def _is_enum(type_: Any) -> bool:
    return isinstance(type_, type) and issubclass(type_, Enum)


def _reading(type_: Any) -> Reading:
    """The fast reading of a leaf type; ``TypeError`` (the fast path then declines every file) for a leaf the
    converter's table does not hold, or one it holds that has no fast reading yet."""
    if type_ not in LEAF_HOOKS:
        raise TypeError(f"the converter has no hook for fields of type {type_!r}")
    if type_ not in READINGS:
        raise TypeError(f"no fast JSON reading for the converter's leaf type {type_!r}")
    return READINGS[type_]


def _fields(cls: type) -> list[tuple[attrs.Attribute[Any], Any]]:
    """Each attrs field of ``cls`` with its resolved type."""
    hints = typing.get_type_hints(cls)
    return [(field, hints[field.name]) for field in attrs.fields(cls)]


def _needs_no_hook(type_: Any) -> bool:
    """True when ``msgspec.convert`` makes the model's value for ``type_`` from the mirror's: leaves read by
    msgspec, lists, sets and optional values of them, and models made only of those (:func:`is_direct`)."""
    inner = _optional_inner(type_)
    if inner is not None:
        return _needs_no_hook(inner)
    collection = _collection(type_)
    if collection is not None:
        return _needs_no_hook(collection[1])
    if attrs.has(type_):
        return is_direct(type_)
    if _is_enum(type_):
        return True
    return not _reading(type_).by_hook


@cache
def is_direct(cls: type) -> bool:
    """Whether ``msgspec.convert`` can build the attrs class ``cls`` from its mirror (every field is read by
    msgspec and needs no hook): then its models are made in C, with no Python call per object."""
    return all(_needs_no_hook(type_) for _, type_ in _fields(cls))


def _json_type(type_: Any) -> Any:
    """The msgspec type that reads and checks the JSON for a model field of type ``type_``."""
    inner = _optional_inner(type_)
    if inner is not None:
        return typing.Optional[_json_type(inner)]  # noqa: UP045 - made at run time
    collection = _collection(type_)
    if collection is not None:
        # A list in the mirror for a set too: the model's set is made once, by the conversion.
        return list[_json_type(collection[1])]  # type: ignore[misc]
    if attrs.has(type_):
        return mirror_of(type_)
    if _is_enum(type_):
        return type_  # msgspec reads an enum by its value, as the converter's enum hook does
    return _reading(type_).json


def _default(cls: type, field: attrs.Attribute[Any]) -> Any:
    """The mirror's default for an attrs field, as attrs gives it: a value, or a factory called afresh."""
    default: Any = field.default
    if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
        # attrs.field(factory=tuple): msgspec's default_factory, never the Factory object itself (issue 12).
        if default.takes_self:
            raise TypeError(f"{cls.__name__}.{field.name}: a default that takes self has no fast JSON reading")
        return msgspec.field(default_factory=default.factory)
    return default


@cache
def mirror_of(cls: type) -> type[msgspec.Struct]:
    """A msgspec struct with the fields, JSON types and defaults of the attrs class ``cls``, refusing unknown
    fields. ``gc=False``: mirrors live only while a file is read and hold no cycles."""
    fields: list[tuple[str, Any] | tuple[str, Any, Any]] = []
    for field, type_ in _fields(cls):
        if not field.init:  # pragma: no cover - every model field is set through __init__
            raise TypeError(f"{cls.__name__}.{field.name} is not an __init__ argument")
        json_type = _json_type(type_)
        if field.default is attrs.NOTHING:
            fields.append((field.name, json_type))
        else:
            fields.append((field.name, json_type, _default(cls, field)))
    return msgspec.defstruct(f"{cls.__name__}JSON", fields, forbid_unknown_fields=True, gc=False)


def _convert(value: Any, type_: Any) -> Any:
    return msgspec.convert(value, type_, from_attributes=True)


def _hooked(type_: Any, value: str, names: dict[str, Any]) -> str:
    """Python source that turns the mirror's value ``value`` of a field of type ``type_`` that needs a hook
    somewhere inside into a value ``msgspec.convert`` takes for the model's field."""
    inner = _optional_inner(type_)
    if inner is not None:
        return f"(None if {value} is None else {_hooked(inner, value, names)})"
    collection = _collection(type_)
    if collection is not None:
        element = collection[1]
        item = "item" if _needs_no_hook(element) else _hooked(element, "item", names)
        return f"[{item} for item in {value}]"
    if attrs.has(type_):
        name = f"build_{type_.__name__}"
        names[name] = builder_of(type_)
        return f"{name}({value})"
    name = f"read_{type_.__name__}"
    names[name] = LEAF_HOOKS[type_]
    names[f"{name}_type"] = type_
    return f"{name}({value}, {name}_type)"


@cache
def builder_of(cls: type) -> Callable[[Any], Any]:
    """A function building an instance of the attrs class ``cls`` from its mirror by ``msgspec.convert``; for a
    class msgspec cannot build alone (not :func:`is_direct`), generated code first puts in the mirror each value
    that the converter's hook reads (a time of day, or a model holding one)."""
    names: dict[str, Any] = {"cls": cls, "convert": _convert}
    lines = [
        f"    data.{field.name} = {_hooked(type_, f'data.{field.name}', names)}"
        for field, type_ in _fields(cls)
        if not _needs_no_hook(type_)
    ]
    source = "def build(data):\n" + "".join(f"{line}\n" for line in lines) + "    return convert(data, cls)\n"
    exec(compile(source, f"<fast JSON builder for {cls.__name__}>", "exec"), names)  # our own generated source
    built: Callable[[Any], Any] = names["build"]
    return built


@cache
def _document_decoder() -> msgspec.json.Decoder[Any]:
    unset = msgspec.UnsetType
    fields: list[tuple[str, Any, Any]] = [(key, str | unset, msgspec.UNSET) for key in SINGLE_KEYS]
    fields += [(key, list[mirror_of(cls)] | unset, msgspec.UNSET) for key, cls in LIST_KEYS.items()]  # type: ignore[misc]
    document = msgspec.defstruct("RegisterJSON", fields, forbid_unknown_fields=True, gc=False)
    return msgspec.json.Decoder(document)


def _models(mirrors: list[Any], cls: type) -> tuple[Any, ...]:
    """The models of a list of mirrors, made slice by slice from the end, each slice's mirrors freed (taken out
    of ``mirrors``) as its models are made: the mirrors and the models are never all held at once."""
    if not is_direct(cls):
        build = builder_of(cls)
        return tuple([build(mirror) for mirror in mirrors])
    target = list[cls]  # type: ignore[valid-type]
    slices: list[list[Any]] = []
    while mirrors:
        part = mirrors[-_SLICE:]
        del mirrors[-_SLICE:]
        slices.append(_convert(part, target))
        del part
    return tuple(itertools.chain.from_iterable(reversed(slices)))


class Mirrors:
    """A register file decoded into mirrors and checked (:func:`parse`): :func:`build` makes its models."""

    __slots__ = ("document",)

    def __init__(self, document: Any) -> None:
        self.document = document


def parse(text: str | bytes | memoryview) -> Mirrors | None:
    """The register file ``text`` decoded into mirrors, every value checked; ``None`` when anything in it is not
    plainly valid. Never raises. The text is not needed afterwards: a caller may free it before :func:`build`."""
    try:
        return Mirrors(_document_decoder().decode(text))
    except Exception:  # anything odd: the detailed path reads the file and says what is wrong
        return None


def build(mirrors: Mirrors) -> TypedDocument | None:
    """The models of a parsed file; its mirrors are used up (freed as the models are made). ``None`` only if a
    model cannot be made from its checked mirror, which no test has found; never raises."""
    document, mirrors.document = mirrors.document, None
    try:
        singles = {key: value for key in SINGLE_KEYS if (value := getattr(document, key)) is not msgspec.UNSET}
        lists: dict[str, tuple[Any, ...]] = {}
        for key, cls in LIST_KEYS.items():
            items = getattr(document, key)
            if items is not msgspec.UNSET:
                lists[key] = _models(items, cls)
    except Exception:
        return None
    return TypedDocument(singles, lists)


def decode(text: str | bytes | memoryview) -> TypedDocument | None:
    """The register file ``text`` as models, or ``None`` when anything in it is not plainly valid (then the
    detailed path must read it, to report every problem). Never raises for any input.

    One parse into mirrors, which checks every value (:func:`parse`), then a conversion into the models
    (:func:`build`). At national scale (4.2 million attendance records) that takes about three quarters of the
    CPU time of the former two parses, a checking one and a building one."""
    mirrors = parse(text)
    return None if mirrors is None else build(mirrors)


# -- duplicate keys -----------------------------------------------------------------------------------------


def _census_type(type_: Any) -> Any:
    """The census type of a field: objects as census structs, everything else as its raw JSON text."""
    inner = _optional_inner(type_)
    if inner is not None:
        census = _census_type(inner)
        return msgspec.Raw if census is msgspec.Raw else typing.Optional[census]  # noqa: UP045
    collection = _collection(type_)
    if collection is not None:
        census = _census_type(collection[1])
        return msgspec.Raw if census is msgspec.Raw else list[census]  # type: ignore[valid-type]
    if attrs.has(type_):
        return census_of(type_)
    return msgspec.Raw


@cache
def census_of(cls: type) -> type[msgspec.Struct]:
    """A struct that keeps which fields of the attrs class ``cls`` an object gives (every field defaults to
    ``UNSET``, which msgspec leaves out when encoding) and each value given as its raw JSON text."""
    fields = [(field.name, _census_type(type_) | msgspec.UnsetType, msgspec.UNSET) for field, type_ in _fields(cls)]
    return msgspec.defstruct(f"{cls.__name__}Census", fields, forbid_unknown_fields=True, gc=False)


@cache
def _census_decoder() -> msgspec.json.Decoder[Any]:
    unset = msgspec.UnsetType
    fields: list[tuple[str, Any, Any]] = [(key, msgspec.Raw | unset, msgspec.UNSET) for key in SINGLE_KEYS]
    fields += [(key, list[census_of(cls)] | unset, msgspec.UNSET) for key, cls in LIST_KEYS.items()]  # type: ignore[misc]
    document = msgspec.defstruct("RegisterCensus", fields, forbid_unknown_fields=True, gc=False)
    return msgspec.json.Decoder(document)


def _colons(text: str | bytes | memoryview) -> int:
    if isinstance(text, str):
        return text.count(":")
    return (bytes(text) if isinstance(text, memoryview) else text).count(b":")


def has_duplicate_keys(text: str | bytes | memoryview) -> bool:
    """Whether some object in the register file ``text`` gives a key twice, for a file :func:`decode` accepted
    (``True`` too for anything the census cannot read: the caller's detailed parse then decides and names it).

    Why counting colons is exact: in JSON a colon is either the one after a key or a character inside a string.
    The census keeps each key given (once, however often it was given) and copies every value it keeps byte for
    byte, so its encoding has the file's colons less one for each key given again, less those in the values the
    repeats overwrote. Equal counts therefore mean no key was given twice; a repeat always leaves fewer."""
    try:
        census = _census_decoder().decode(text)
    except Exception:
        return True
    return msgspec.json.encode(census).count(b":") != _colons(text)


__all__ = [
    "READINGS",
    "Mirrors",
    "Reading",
    "TypedDocument",
    "build",
    "builder_of",
    "census_of",
    "decode",
    "has_duplicate_keys",
    "is_direct",
    "mirror_of",
    "parse",
]
