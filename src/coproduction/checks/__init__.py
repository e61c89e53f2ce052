"""Principles checks: equality, diversity, accessibility, reciprocity, ground rules and membership.

What each built-in check looks for is documented one page per check in ``docs/checks/``. This module holds what a
plugin author needs to write a check of a council's own (see ``docs/embedding.md``).
"""

from __future__ import annotations

from coproduction.checks.engine import (
    Check,
    CheckContext,
    CheckDoc,
    CheckRegistry,
    Finding,
    Flag,
    Principle,
    Subject,
    SubjectKind,
    run_checks,
    summarise,
)
from coproduction.checks.registry import BUILTIN
from coproduction.checks.table import TABLE

#: Modules that define built-in checks, one per check, in code order (``coproduction.checks.table.TABLE``).
#: Imported on first use of :func:`builtin_registry`.
CHECK_MODULES = tuple(TABLE.values())


def builtin_registry() -> CheckRegistry:
    """A copy of the registry of built-in checks (every check documented in ``docs/checks/``)."""
    return BUILTIN.copy()


__all__ = [
    "BUILTIN",
    "CHECK_MODULES",
    "Check",
    "CheckContext",
    "CheckDoc",
    "CheckRegistry",
    "Finding",
    "Flag",
    "Principle",
    "Subject",
    "SubjectKind",
    "builtin_registry",
    "run_checks",
    "summarise",
]
