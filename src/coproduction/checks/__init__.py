"""Principles checks: equality, diversity, accessibility, reciprocity, ground rules and membership.

What each built-in check looks for is documented one page per check in ``docs/checks/``. This module holds what a
plugin author needs to write a check of a council's own (see ``docs/embedding.md``).
"""

from __future__ import annotations

import importlib

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

#: Modules that define built-in checks, one per family. Imported on first use of :func:`builtin_registry`.
CHECK_MODULES = (
    "coproduction.checks.equality",
    "coproduction.checks.diversity",
    "coproduction.checks.representation",
    "coproduction.checks.accessibility",
    "coproduction.checks.reciprocity",
    "coproduction.checks.governance",
    "coproduction.checks.membership",
)


def builtin_registry() -> CheckRegistry:
    """A copy of the registry of built-in checks (every check documented in ``docs/checks/``)."""
    for module in CHECK_MODULES:
        try:
            importlib.import_module(module)
        except ModuleNotFoundError as error:
            if error.name != module:
                raise
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
