"""Running the checks on odd registers in property tests.

``check_register`` refuses an invalid register (``InvalidRegisterError``). Property tests that feed the checks
deliberately odd registers (dangling references, zero-length meetings, dates in year 1) still want the checks
themselves to meet that data, as defence in depth: :func:`check_any_register` asserts the refusal, then runs the
checks on a copy marked as vouched for, the way the loader marks what it has validated.
"""

from __future__ import annotations

from typing import Any

import attrs
import pytest

from coproduction.api import CheckReport, check_register
from coproduction.errors import InvalidRegisterError
from coproduction.models import Register
from coproduction.models.validation import mark_valid, validate_register


def vouched(register: Register) -> Register:
    """A copy of ``register`` that ``check_register`` and ``audit_group`` take without validating it."""
    return mark_valid(attrs.evolve(register))


def check_any_register(register: Register, **options: Any) -> CheckReport:
    """``check_register(register, **options)``; for an invalid register, first that it is refused, then the
    checks' findings on a vouched-for copy."""
    if validate_register(register):
        with pytest.raises(InvalidRegisterError):
            check_register(register, **options)
        register = vouched(register)
    return check_register(register, **options)
