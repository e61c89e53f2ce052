"""coproduction: check co-production boards and meetings against co-production's principles.

The public API is re-exported here and imported lazily (PEP 562), so that ``coproduction --version`` and small
scripts do not pay for what they do not use::

    from coproduction import load_register, check_register, Policy
    register = load_register("examples/oxfordshire")
    report = check_register(register, as_of=date(2026, 11, 25), policy=Policy())
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

_EXPORTS: dict[str, str] = {
    "CheckContext": "coproduction.checks",
    "CheckDoc": "coproduction.checks",
    "CheckRegistry": "coproduction.checks",
    "CheckReport": "coproduction.api",
    "Check": "coproduction.checks",
    "CoproductionError": "coproduction.errors",
    "Finding": "coproduction.checks",
    "Flag": "coproduction.checks",
    "InputError": "coproduction.errors",
    "Policy": "coproduction.policy",
    "PolicyError": "coproduction.errors",
    "Principle": "coproduction.checks",
    "Problem": "coproduction.errors",
    "Register": "coproduction.models",
    "RegisterError": "coproduction.errors",
    "Severity": "coproduction.policy",
    "builtin_registry": "coproduction.checks",
    "check_register": "coproduction.api",
    "dumps_register": "coproduction.io.saver",
    "load_policy": "coproduction.settings",
    "load_register": "coproduction.io.loader",
    "loads_register": "coproduction.io.loader",
    "registry_with_plugins": "coproduction.plugins",
    "save_register": "coproduction.io.saver",
}

__all__ = [
    "Check",
    "CheckContext",
    "CheckDoc",
    "CheckRegistry",
    "CheckReport",
    "CoproductionError",
    "Finding",
    "Flag",
    "InputError",
    "Policy",
    "PolicyError",
    "Principle",
    "Problem",
    "Register",
    "RegisterError",
    "Severity",
    "builtin_registry",
    "check_register",
    "dumps_register",
    "load_policy",
    "load_register",
    "loads_register",
    "registry_with_plugins",
    "save_register",
]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'coproduction' has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


if TYPE_CHECKING:  # pragma: no cover
    from coproduction.api import CheckReport, check_register
    from coproduction.checks import (
        Check,
        CheckContext,
        CheckDoc,
        CheckRegistry,
        Finding,
        Flag,
        Principle,
        builtin_registry,
    )
    from coproduction.errors import CoproductionError, InputError, PolicyError, Problem, RegisterError
    from coproduction.io.loader import load_register, loads_register
    from coproduction.io.saver import dumps_register, save_register
    from coproduction.models import Register
    from coproduction.plugins import registry_with_plugins
    from coproduction.policy import Policy, Severity
    from coproduction.settings import load_policy
