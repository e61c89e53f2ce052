"""Is a register valid? The same answer however it was made: loaded from files or built in code.

:func:`validate_register` returns every problem, each with its path (``$.meetings[3].end``): first the values of
the wrong type (:mod:`coproduction.models.type_rules`), then what needs the whole register, the rules the loader
runs on every file too (:mod:`coproduction.models.rules`: unique ids, references, ends after starts, numbers in
range, plausible dates). :func:`require_valid` raises :class:`~coproduction.errors.InvalidRegisterError` listing
them; ``check_register``, ``audit_group`` and the calendar export call it before they read a register.

A register is immutable, so it is validated once: the loader marks what it builds as valid (it has applied the
same rules to the files), and a register found valid here is marked too, so a second call costs nothing.
"""

from __future__ import annotations

import typing
from functools import cache
from typing import Any, Final

from coproduction.errors import InvalidRegisterError, Problem
from coproduction.models.register import Register
from coproduction.models.rules import ReadList, RegisterParts, find_problems
from coproduction.models.type_rules import checker_for, column_ok
from coproduction.models.value_rules import kind_of

#: The name problems give the register when it was built in code (a loaded register's problems name its files).
IN_CODE: Final = "<register>"
_SINGLE_KEYS: Final = ("organisation", "area")
_LIST_KEYS: Final = ("members", "groups", "memberships", "meetings")
#: Where a register found valid keeps the answer (its instance dictionary, as ``cached_property`` does).
_VALID: Final = "_coproduction_valid"


def validate_register(register: Register, *, source: str = IN_CODE) -> tuple[Problem, ...]:
    """Every problem in ``register``, each with ``source`` as its file and the path of the value
    (``$.meetings[3].end``), or ``()`` when it is valid.

    Values of the wrong type come first (``kind="boad"``, a naive ``start``), then what the loader also reports
    for files: duplicate ids, references to members or groups not in the register, ends before starts, numbers out
    of range and dates before 1900 or after 2200. An item with a wrong type is left out of the second part, except
    for its references, which are still checked wherever they are text.
    """
    if not isinstance(register, Register):
        return (Problem(source, "$", f"expected a Register, found {kind_of(register)}"),)
    problems: list[Problem] = []
    parts = _typed_parts(register, source, problems)
    problems.extend(find_problems(parts))
    return tuple(problems)


def value_problems(register: Register, *, source: str = IN_CODE) -> tuple[Problem, ...]:
    """The first part of :func:`validate_register` alone: values of the wrong type, each with its path. What
    saving a register needs (a register being built may still refer to a member not added yet)."""
    if not isinstance(register, Register):
        return (Problem(source, "$", f"expected a Register, found {kind_of(register)}"),)
    if register.__dict__.get(_VALID):
        return ()
    problems: list[Problem] = []
    _typed_parts(register, source, problems)
    return tuple(problems)


def _typed_parts(register: Register, source: str, problems: list[Problem]) -> RegisterParts:
    """The register's lists as the rules read them; every value of the wrong type goes to ``problems``."""
    text = checker_for(str)
    for key in _SINGLE_KEYS:
        for path, message in text(getattr(register, key)) or ():
            problems.append(Problem(source, f"$.{key}{path}", message))
    lists: dict[str, ReadList[Any]] = {}
    unreadable_ids: dict[str, set[str]] = {}
    incomplete: set[str] = set()
    for key in _LIST_KEYS:
        value = getattr(register, key)
        if not isinstance(value, tuple):
            problems.append(Problem(source, f"$.{key}", f"expected a list or a tuple, found {kind_of(value)}"))
            incomplete.add(key)
            value = ()
        lists[key], unreadable_ids[key] = _read(key, value, source, problems)
    return RegisterParts(
        members=lists["members"],
        groups=lists["groups"],
        memberships=lists["memberships"],
        meetings=lists["meetings"],
        unreadable_ids=unreadable_ids,
        incomplete=frozenset(incomplete),
    )


def _read(key: str, items: tuple[Any, ...], source: str, problems: list[Problem]) -> tuple[ReadList[Any], set[str]]:
    """The list ``key`` as the rules read it: an item of a wrong type is a placeholder (its problems reported), as
    an item that failed to load is; its id, when it is text, still counts as known."""
    if column_ok(_item_type(key))(list(items)):  # the usual case: every value of every item is good, in C
        return ReadList(key, items, [(source, len(items))]), set()
    check = checker_for(_item_type(key))
    read: list[Any] = list(items)
    unread: dict[int, object] = {}
    unreadable_ids: set[str] = set()
    for number, item in enumerate(items):
        found = check(item)
        if found is None:
            continue
        problems.extend(Problem(source, f"$.{key}[{number}]{path}", message) for path, message in found)
        read[number] = None
        unread[number] = item
        identifier = getattr(item, "id", None) if not isinstance(item, dict) else item.get("id")
        if isinstance(identifier, str):
            unreadable_ids.add(identifier)
    return ReadList(key, read, [(source, len(items))], unread), unreadable_ids


@cache
def _item_type(key: str) -> Any:
    """The model of the items of the register's list ``key`` (``Member`` for ``members``)."""
    return typing.get_args(typing.get_type_hints(Register)[key])[0]


def mark_valid(register: Register) -> Register:
    """Record that ``register`` is valid (the loader's registers: it applied these rules to the files)."""
    register.__dict__[_VALID] = True
    return register


def require_valid(register: Register) -> None:
    """Return quietly when ``register`` is valid; otherwise raise
    :class:`~coproduction.errors.InvalidRegisterError` listing every problem :func:`validate_register` finds."""
    if isinstance(register, Register) and register.__dict__.get(_VALID):
        return
    problems = validate_register(register)
    if problems:
        raise InvalidRegisterError(problems)
    mark_valid(register)


__all__ = ["IN_CODE", "mark_valid", "require_valid", "validate_register", "value_problems"]
