"""Turning pydantic's validation errors into :class:`~coproduction.errors.Problem` values a council officer can act
on: where (file, environment variable or ``--set`` key), which setting, what it expects, and for a misspelt name the
closest valid names first. No pydantic wording about "models" or "inputs" reaches the officer unexplained.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from enum import StrEnum
from typing import TYPE_CHECKING, Any, get_args

import attrs

from coproduction.errors import Problem
from coproduction.policy import Policy
from coproduction.settings.shapes import describe_type, domain_type_at
from coproduction.suggestions import ordered_by_likeness

if TYPE_CHECKING:  # pydantic is loaded only when a policy is validated (coproduction.settings.build)
    from pydantic import ValidationError
    from pydantic_core import ErrorDetails

Location = tuple[str | int, ...]


def suggestion(word: str, valid: Iterable[str], *, noun: str = "valid") -> str:
    """``did you mean 'x'? valid: x, y, z`` with the closest matches first."""
    close, rest = ordered_by_likeness(word, valid)
    head = f"did you mean {close[0]!r}? " if close else ""
    return f"{head}{noun}: {', '.join([*close, *rest])}"


def setting_names() -> list[str]:
    return [field.name for field in attrs.fields(Policy)]


def dotted(location: Location) -> str:
    """``group_sizes.board.minimum``; list positions as ``national_living_wage[2].hourly``."""
    text = ""
    for segment in location:
        text += f"[{segment}]" if isinstance(segment, int) else (f".{segment}" if text else str(segment))
    return text


def json_path(location: Location) -> str:
    """``$.group_sizes.board.minimum``, the house style for places in files."""
    return "$" + "".join(f"[{s}]" if isinstance(s, int) else f".{s}" for s in location)


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _keys_of(tp: Any) -> list[str]:
    if isinstance(tp, type) and attrs.has(tp):
        return [field.name for field in attrs.fields(tp)]
    return []


def _key_type(location: Location) -> Any:
    args = get_args(domain_type_at(location[:-2]))
    return args[0] if args else None


def _message(error: ErrorDetails, location: Location) -> str:
    """What is wrong, without repeating the place (the problem's path names the setting)."""
    kind = error["type"]
    if kind == "extra_forbidden":
        key = str(location[-1])
        parent = location[:-1]
        valid = _keys_of(domain_type_at(parent))
        if not parent:
            return f"unknown setting {key!r}; {suggestion(key, valid, noun='valid settings')}"
        return f"unknown key {key!r} in {dotted(parent)}; {suggestion(key, valid)}"
    is_key = bool(location) and location[-1] == "[key]"
    tp = _key_type(location) if is_key else domain_type_at(location)
    if kind == "enum" and isinstance(tp, type) and issubclass(tp, StrEnum):
        given = str(error["input"])
        what = f"key in {dotted(location[:-2])}" if is_key else "value"
        return f"{given!r} is not a valid {what}; {suggestion(given, [m.value for m in tp])}"
    if kind == "missing":
        return f"missing; it needs {describe_type(tp)}" if tp is not None else "missing"
    if kind in ("value_error", "assertion_error"):
        return str(error["msg"]).removeprefix("Value error, ").removeprefix("Assertion failed, ")
    detail = str(error["msg"])
    detail = detail[:1].lower() + detail[1:]
    expected = f"expects {describe_type(tp)}; " if tp is not None else ""
    return f"{expected}got {_short(error['input'])} ({detail})"


def _location(error: ErrorDetails) -> Location:
    return tuple(error["loc"])


def problems_from_validation(error: ValidationError, origin: str, locate: Callable[[Location], str]) -> list[Problem]:
    """One :class:`Problem` per pydantic error, placed by ``locate`` (a file path, a variable or a ``--set`` key)."""
    details = error.errors(include_url=False)
    # An unknown key in a table explains every other error beneath it ("bord.maximum is missing"): keep only it.
    bad_keys = [_location(d)[:-1] for d in details if _location(d)[-1:] == ("[key]",)]
    problems: list[Problem] = []
    for detail in details:
        location = _location(detail)
        place = location[:-1] if location[-1:] == ("[key]",) else location
        if place not in bad_keys and any(place[: len(bad)] == bad for bad in bad_keys):
            continue
        problems.append(Problem(origin, locate(place), _message(detail, location)))
    return _unique(problems)


def _unique(problems: Sequence[Problem]) -> list[Problem]:
    seen: set[Problem] = set()
    result = []
    for problem in problems:
        if problem not in seen:
            seen.add(problem)
            result.append(problem)
    return result
