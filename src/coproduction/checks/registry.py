"""The built-in checks' registry. Check modules add themselves to :data:`BUILTIN` when imported."""

from __future__ import annotations

from coproduction.checks.engine import CheckRegistry

BUILTIN = CheckRegistry()
"""The registry the built-in checks add themselves to; use :func:`coproduction.checks.builtin_registry` for a copy."""
