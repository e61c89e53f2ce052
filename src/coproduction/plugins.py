"""Checks of a council's own, added without forking through the ``coproduction.checks`` entry-point group.

Everything a plugin author needs is importable from this module: a :class:`Check` (its :class:`CheckDoc`, the
:class:`Principle` it serves, its default :class:`Severity` and the :class:`SubjectKind` it points at), the
:class:`CheckContext` its function is given and the :class:`Flag` values it yields; a :class:`CheckRegistry`
and the :func:`check` decorator that adds a function to one. (The top-level ``coproduction`` is for the
systems that embed the library; the same objects are also in :mod:`coproduction.checks`.)

A plugin package declares, in its ``pyproject.toml``::

    [project.entry-points."coproduction.checks"]
    mycouncil = "mycouncil_checks:CHECKS"

where the object is a :class:`~coproduction.checks.Check`, an iterable of them, or a callable returning either.
A plugin whose code or name collides with another check is refused with :class:`CheckRegistryError`.
"""

from __future__ import annotations

from importlib.metadata import EntryPoint, entry_points
from typing import TypeAlias

from coproduction.checks import (
    Check,
    CheckContext,
    CheckDoc,
    CheckRegistry,
    Flag,
    Principle,
    Subject,
    SubjectKind,
    builtin_registry,
    engine,
)
from coproduction.checks.engine import check
from coproduction.errors import CheckRegistryError
from coproduction.policy import Severity

CheckFunction: TypeAlias = engine.CheckFunction
"""What a check runs: a function of the :class:`CheckContext` that yields a :class:`Flag` for each problem."""

ENTRY_POINT_GROUP = "coproduction.checks"
"""The entry-point group a plugin package declares its checks under (see this module's description)."""


def _checks_from(entry_point: EntryPoint) -> list[Check]:
    origin = f"plugin {entry_point.name!r} ({entry_point.value})"
    try:
        loaded = entry_point.load()
        if callable(loaded) and not isinstance(loaded, Check):
            loaded = loaded()
        checks: list[object] = [loaded] if isinstance(loaded, Check) else list(loaded)
    except CheckRegistryError:
        raise
    except Exception as error:  # a broken plugin must not crash the tool with a traceback
        raise CheckRegistryError(f"{origin} could not be loaded: {type(error).__name__}: {error}") from None
    for item in checks:
        if not isinstance(item, Check):
            raise CheckRegistryError(f"{origin} gave {type(item).__name__}, not a coproduction.checks.Check")
    return [c for c in checks if isinstance(c, Check)]


def add_plugins(registry: CheckRegistry) -> CheckRegistry:
    """Add every installed plugin's checks to ``registry`` (in entry-point name order, for determinism)."""
    for entry_point in sorted(entry_points(group=ENTRY_POINT_GROUP), key=lambda e: (e.name, e.value)):
        origin = f"plugin {entry_point.name!r}"
        for found in _checks_from(entry_point):
            registry.add(found, origin=origin)
    return registry


def registry_with_plugins(*, include_plugins: bool = True) -> CheckRegistry:
    """The built-in checks plus, unless told otherwise, every installed plugin's."""
    registry = builtin_registry()
    return add_plugins(registry) if include_plugins else registry


__all__ = [
    "ENTRY_POINT_GROUP",
    "Check",
    "CheckContext",
    "CheckDoc",
    "CheckFunction",
    "CheckRegistry",
    "CheckRegistryError",
    "Flag",
    "Principle",
    "Severity",
    "Subject",
    "SubjectKind",
    "add_plugins",
    "builtin_registry",
    "check",
    "registry_with_plugins",
]
