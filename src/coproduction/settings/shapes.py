"""What each setting is, read from :class:`coproduction.policy.Policy`'s attrs fields, without pydantic.

Reading the layers of a policy (a profile, a file, the environment, ``--set``) and saying what a setting expects
needs only the domain types; validating needs pydantic (:mod:`coproduction.settings.model`). Keeping these here
lets a command whose layers change nothing read them without loading pydantic (see
:func:`coproduction.settings.loader.explain_policy`).
"""

from __future__ import annotations

import functools
import types
import typing
from collections.abc import Callable, Mapping
from datetime import date, time
from decimal import Decimal
from enum import StrEnum
from typing import Any, Union, get_args, get_origin

import attrs

from coproduction.policy import Policy

ENV_PREFIX = "COPRODUCTION_"
ENV_NESTED_DELIMITER = "__"

UNION_ORIGINS = (Union, types.UnionType)


def is_union(tp: Any) -> bool:
    """Whether ``tp`` is ``A | B`` (or ``Optional[A]``)."""
    return get_origin(tp) in UNION_ORIGINS


@functools.cache
def _resolved_hints(cls: type) -> Mapping[str, Any]:
    return types.MappingProxyType(typing.get_type_hints(cls))


def type_hints(cls: type) -> dict[str, Any]:
    """The resolved annotations of an attrs class (``policy.py`` uses postponed annotations); resolved once per
    class, a new dict each call."""
    return dict(_resolved_hints(cls))


def normalise_enum(enum: type[StrEnum]) -> Callable[[object], object]:
    """Accept ``champions_network`` for ``champions-network`` and any case: environment variable names cannot hold
    hyphens, and :mod:`pydantic_settings` lower-cases them."""

    def normalise(value: object) -> object:
        if not isinstance(value, str):
            return value
        wanted = value.strip().lower().replace("-", "_")
        for member in enum:
            if member.value.lower().replace("-", "_") == wanted:
                return member.value
        return value

    return normalise


def domain_type_at(path: tuple[str | int, ...]) -> Any | None:
    """The domain type at ``path`` inside a Policy (``("group_sizes", "board", "minimum")`` is ``int``), or None."""
    tp: Any = Policy
    for segment in path:
        if is_union(tp):
            tp = next(arg for arg in get_args(tp) if arg is not type(None))
        origin = get_origin(tp)
        if isinstance(tp, type) and attrs.has(tp):
            hints = _resolved_hints(tp)
            if not isinstance(segment, str) or segment not in hints:
                return None
            tp = hints[segment]
        elif origin is Mapping or origin is dict:
            tp = get_args(tp)[0] if segment == "[key]" else get_args(tp)[1]
        elif origin in (tuple, frozenset):
            tp = get_args(tp)[0]
        else:
            return None
    return tp


def is_complex(tp: Any) -> bool:
    """Whether a value of this type is a list or a table (written as JSON in the environment or --set)."""
    if is_union(tp):
        return any(is_complex(arg) for arg in get_args(tp))
    return get_origin(tp) in (Mapping, dict, tuple, frozenset) or (isinstance(tp, type) and attrs.has(tp))


def describe_type(tp: Any) -> str:
    """A council officer's description of what a setting of type ``tp`` expects."""
    origin = get_origin(tp)
    args = get_args(tp)
    if origin in UNION_ORIGINS:
        inner = [describe_type(arg) for arg in args if arg is not type(None)]
        return " or ".join(inner) + (", or leave it out" if type(None) in args else "")
    if origin is Mapping or origin is dict:
        return f"a table from {describe_type(args[0])} to {describe_type(args[1])}"
    if origin in (tuple, frozenset):
        return f"a list of {plural(args[0])}"
    if isinstance(tp, type) and attrs.has(tp):
        keys = ", ".join(f.name for f in attrs.fields(tp))
        return f"a table with {keys}"
    if isinstance(tp, type) and issubclass(tp, StrEnum):
        return "one of " + ", ".join(member.value for member in tp)
    return _SCALARS.get(tp, getattr(tp, "__name__", str(tp)))


def plural(tp: Any) -> str:
    if isinstance(tp, type) and issubclass(tp, StrEnum):
        return f"{describe_type(tp)}"
    if isinstance(tp, type) and attrs.has(tp):
        return f"tables with {', '.join(f.name for f in attrs.fields(tp))}"
    return _PLURALS.get(tp, describe_type(tp))


_SCALARS: Mapping[Any, str] = {
    bool: "true or false",
    int: "a whole number",
    float: "a number",
    Decimal: 'an amount in pounds such as "15.00"',
    str: "text",
    time: 'a time of day such as "09:30"',
    date: 'a date such as "2026-04-01"',
}
_PLURALS: Mapping[Any, str] = {str: "text values", int: "whole numbers", float: "numbers"}


def canonical_keys(value: Any, tp: Any = Policy) -> Any:
    """``value`` with every key of an enum-keyed table written as the enum's value (``champions_network`` becomes
    ``champions-network``), so that layers spelling a key differently still merge into one entry."""
    if is_union(tp):
        inner = [arg for arg in get_args(tp) if arg is not type(None)]
        return canonical_keys(value, inner[0]) if len(inner) == 1 else value
    origin = get_origin(tp)
    if isinstance(value, dict) and isinstance(tp, type) and attrs.has(tp):
        hints = _resolved_hints(tp)
        return {key: canonical_keys(item, hints[key]) if key in hints else item for key, item in value.items()}
    if isinstance(value, dict) and origin in (Mapping, dict):
        key_type, value_type = get_args(tp)
        rename = normalise_enum(key_type) if isinstance(key_type, type) and issubclass(key_type, StrEnum) else None
        return {(rename(key) if rename else key): canonical_keys(item, value_type) for key, item in value.items()}
    if isinstance(value, list) and origin in (tuple, frozenset):
        return [canonical_keys(item, get_args(tp)[0]) for item in value]
    return value
