"""The fast path for JSON registers: JSON text straight to the models, in C.

``json.loads`` followed by cattrs builds every object twice (a dict per object, then the model) and runs a
Python hook per value. At national scale (issue 6: 4.2 million attendance records, 464 MB) that was about 17 s of
a 60 s check. msgspec (a C library) decodes and type-checks JSON in one pass, and can build attrs classes itself.

Two passes over the text. The first only checks, into throw-away "mirror" structs made from the models' attrs
fields: every field's JSON type (text, whole number, true/false, list, object), enum values, ``YYYY-MM-DD``
dates, date-times and amounts in a plain form (:data:`_NARROWED`), and unknown fields (which msgspec would
silently drop when building an attrs class). The second builds: straight into the models wherever msgspec can
(:func:`is_direct` — members, memberships, meetings with their attendance, agenda, papers and payments), and
through small generated builders elsewhere (groups, whose cadence times use the detailed path's hook).

This path only ever *accepts less* than the detailed path (:mod:`coproduction.io.converter`): any doubt — an
unknown field, a wrong type, a date-time without seconds, an amount written as 12.50 rather than "12.50" — makes
:func:`decode` return ``None``, and the loader reads the file again the slow way, which accepts what it should
and names every problem. So every message a person sees still comes from one place, and a register loads to the
same models on either path (property tests in ``tests/io/test_typed_json.py`` compare them). msgspec refuses
text with a lone UTF-16 surrogate (``"\\ud800"``), as the detailed path does. Duplicate keys are not noticed by
msgspec; :mod:`coproduction.io.preconf.json` checks them in a pass of its own, as before.
"""

from __future__ import annotations

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

from coproduction.io.converter import _structure_time
from coproduction.models.group import Group, Membership
from coproduction.models.meeting import Meeting
from coproduction.models.member import Member

#: The top-level lists and the model of their items (the loader's LIST_KEYS, repeated to avoid an import cycle).
_LISTS: Final[dict[str, type]] = {"members": Member, "groups": Group, "memberships": Membership, "meetings": Meeting}
_SINGLES: Final = ("organisation", "area")

#: Leaf types checked by msgspec itself, whose values need no conversion afterwards.
_AS_IS: Final[tuple[type, ...]] = (str, int, bool, date)

#: Date-times msgspec reads exactly as :func:`datetime.fromisoformat` does (a real date is left to msgspec, which
#: refuses 2026-02-30): seconds required, at most six decimals, an offset or Z; ASCII digits only (``\d`` would
#: take other scripts' digits), ``\Z`` not ``$`` (which lets a final newline through). Others go the slow way.
_DATETIME_PATTERN: Final = (
    r"^[0-9]{4}-[0-9]{2}-[0-9]{2}T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](\.[0-9]{1,6})?"
    r"(Z|[+-]([01][0-9]|2[0-3]):[0-5][0-9])\Z"
)
#: Amounts msgspec reads exactly as ``Decimal(text)`` does: plain decimals as text, or whole numbers (JSON
#: numbers with a point go the slow way: cattrs reads 12.50 as Decimal("12.5"), msgspec as Decimal("12.50")).
_AMOUNT_PATTERN: Final = r"^-?[0-9]{1,30}(\.[0-9]{1,30})?\Z"
_WHOLE_AMOUNT: Final = 10**15

#: Leaves the first pass checks in a narrower form than the detailed path accepts, so that msgspec's own reading
#: in the second pass gives the very value the detailed path's hook would: (first pass's type, second pass's).
_NARROWED: Final[dict[type, tuple[Any, Any]]] = {
    datetime: (Annotated[str, msgspec.Meta(pattern=_DATETIME_PATTERN)], datetime),
    Decimal: (
        Annotated[str, msgspec.Meta(pattern=_AMOUNT_PATTERN)]
        | Annotated[int, msgspec.Meta(ge=-_WHOLE_AMOUNT, le=_WHOLE_AMOUNT)],
        Decimal,
    ),
}
#: Leaves read from JSON text by the detailed path's own hooks (times of day: msgspec wants seconds).
_BY_HOOK: Final[dict[type, Callable[[Any, Any], Any]]] = {time: _structure_time}
#: What a hooked leaf may be in JSON before its hook reads it.
_HOOKED_JSON: Final[dict[type, Any]] = {time: str}


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


def _is_leaf_as_is(type_: Any) -> bool:
    return type_ in _AS_IS or type_ in _NARROWED or (isinstance(type_, type) and issubclass(type_, Enum))


def _needs_no_building(type_: Any) -> bool:
    """True when msgspec's value for ``type_`` is already what the model holds: leaves it checks itself, lists
    and sets of them, and models made only of those (:func:`is_direct`), which msgspec builds itself."""
    inner = _optional_inner(type_)
    if inner is not None:
        return _needs_no_building(inner)
    collection = _collection(type_)
    if collection is not None:
        return _needs_no_building(collection[1])
    if attrs.has(type_):
        return is_direct(type_)
    return _is_leaf_as_is(type_)


@cache
def is_direct(cls: type) -> bool:
    """Whether msgspec can build the attrs class ``cls`` itself (every field is checked by msgspec and needs no
    hook): then the second pass decodes straight into the model, with no Python call per object."""
    hints = typing.get_type_hints(cls)
    return all(_needs_no_building(hints[field.name]) for field in attrs.fields(cls))


def _mirror_type(type_: Any, *, checking: bool) -> Any:
    """The msgspec type that reads the JSON for a model field of type ``type_`` (see :func:`mirror_of`)."""
    inner = _optional_inner(type_)
    if inner is not None:
        return typing.Optional[_mirror_type(inner, checking=checking)]  # noqa: UP045 - made at run time
    collection = _collection(type_)
    if collection is not None:
        kind, element = collection
        mirror = _mirror_type(element, checking=checking)
        return tuple[mirror, ...] if kind is tuple else frozenset[mirror]  # type: ignore[valid-type]
    if attrs.has(type_):
        return type_ if not checking and is_direct(type_) else mirror_of(type_, checking=checking)
    if type_ in _NARROWED:
        return _NARROWED[type_][0 if checking else 1]
    if _is_leaf_as_is(type_):
        return type_
    if type_ in _HOOKED_JSON:
        return _HOOKED_JSON[type_]
    raise TypeError(f"no fast JSON reading for fields of type {type_!r}")  # pragma: no cover - a new model type


@cache
def mirror_of(cls: type, *, checking: bool = True) -> type[msgspec.Struct]:
    """A msgspec struct with the fields, JSON types and defaults of the attrs class ``cls``.

    ``checking``: the first pass's mirror, which refuses unknown fields everywhere beneath it (msgspec ignores
    unknown fields of an attrs class, so that pass is what finds them). Otherwise the second pass's, whose
    direct fields (:func:`is_direct`) are the models themselves. ``gc=False``: the structs live only while a file
    is read and hold no cycles."""
    hints = typing.get_type_hints(cls)
    fields: list[tuple[str, Any] | tuple[str, Any, Any]] = []
    for field in attrs.fields(cls):
        mirror = _mirror_type(hints[field.name], checking=checking)
        if field.default is attrs.NOTHING:
            fields.append((field.name, mirror))
        elif isinstance(field.default, attrs.Factory):  # type: ignore[arg-type]
            # A default made afresh for each instance (attrs.field(factory=tuple)): msgspec's default_factory,
            # never the Factory object itself as the value (issue 12).
            if field.default.takes_self:
                raise TypeError(f"{cls.__name__}.{field.name}: a default that takes self has no fast JSON reading")
            fields.append((field.name, mirror, msgspec.field(default_factory=field.default.factory)))
        else:
            fields.append((field.name, mirror, field.default))
    name = f"{cls.__name__}{'Check' if checking else 'Build'}JSON"
    return msgspec.defstruct(name, fields, forbid_unknown_fields=checking, gc=False)


def _expression(type_: Any, value: str, names: dict[str, Any]) -> str:
    """Python source that turns the second pass's value ``value`` of a field of type ``type_`` into the model's."""
    if _needs_no_building(type_):
        return value
    inner = _optional_inner(type_)
    if inner is not None:
        return f"(None if {value} is None else {_expression(inner, value, names)})"
    collection = _collection(type_)
    if collection is not None:
        kind, element = collection
        function = _function_for(element, names)
        return f"{kind.__name__}([{function}(item) for item in {value}])"
    return f"{_function_for(type_, names)}({value})"


def _function_for(type_: Any, names: dict[str, Any]) -> str:
    """The name, in the generated code's namespace, of a one-argument function building a ``type_`` value."""
    if attrs.has(type_):
        name = f"build_{type_.__name__}"
        names[name] = builder_of(type_)
        return name
    if type_ in _BY_HOOK:
        name = f"read_{type_.__name__}"
        hook = _BY_HOOK[type_]
        names[name] = lambda value, hook=hook, type_=type_: hook(value, type_)
        return name
    raise TypeError(f"no fast JSON building for {type_!r}")  # pragma: no cover - a new model type


@cache
def builder_of(cls: type) -> Callable[[Any], Any]:
    """A function building an instance of the attrs class ``cls`` from the second pass's value: generated code
    calling the class with each field read by its hook; the identity for a class msgspec builds itself."""
    if is_direct(cls):
        return _same
    hints = typing.get_type_hints(cls)
    names: dict[str, Any] = {"cls": cls}
    arguments = []
    for field in attrs.fields(cls):
        if not field.init:  # pragma: no cover - every model field is set through __init__
            raise TypeError(f"{cls.__name__}.{field.name} is not an __init__ argument")
        arguments.append(_expression(hints[field.name], f"data.{field.name}", names))
    source = f"def build(data):\n    return cls({', '.join(arguments)})\n"
    exec(compile(source, f"<fast JSON builder for {cls.__name__}>", "exec"), names)  # our own generated source
    built: Callable[[Any], Any] = names["build"]
    return built


def _same(value: Any) -> Any:
    return value


@cache
def _document_decoder(*, checking: bool) -> msgspec.json.Decoder[Any]:
    unset = msgspec.UnsetType
    fields: list[tuple[str, Any, Any]] = [(key, str | unset, msgspec.UNSET) for key in _SINGLES]
    fields += [
        (key, tuple[_mirror_type(cls, checking=checking), ...] | unset, msgspec.UNSET)  # type: ignore[misc]
        for key, cls in _LISTS.items()
    ]
    document = msgspec.defstruct("RegisterJSON", fields, forbid_unknown_fields=True, gc=False)
    return msgspec.json.Decoder(document)


def decode(text: str | bytes | memoryview) -> TypedDocument | None:
    """The register file ``text`` as models, or ``None`` when anything in it is not plainly valid (then the
    detailed path must read it, to report every problem). Never raises for any input.

    Two passes: the first only checks (types and unknown fields, into throw-away structs); the second builds,
    straight into the models where msgspec can (:func:`is_direct`: members, memberships, attendance, agenda,
    papers ...), through generated builders elsewhere (meetings' date-times, payments' amounts, cadence times).
    Together they take about half the time of one pass into mirrors for everything followed by Python builders
    for every object (national scale: 4.2 million attendance records)."""
    try:
        _document_decoder(checking=True).decode(text)
        document = _document_decoder(checking=False).decode(text)
        singles = {key: value for key in _SINGLES if (value := getattr(document, key)) is not msgspec.UNSET}
        lists: dict[str, tuple[Any, ...]] = {}
        for key, cls in _LISTS.items():
            items = getattr(document, key)
            if items is msgspec.UNSET:
                continue
            if is_direct(cls):
                lists[key] = items
            else:
                build = builder_of(cls)
                lists[key] = tuple([build(item) for item in items])
    except Exception:  # anything odd: the detailed path reads the file and says what is wrong
        return None
    return TypedDocument(singles, lists)


__all__ = ["TypedDocument", "builder_of", "decode", "is_direct", "mirror_of"]
