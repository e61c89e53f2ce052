"""Helpers shared by the governance checks' tests."""

from __future__ import annotations

from datetime import date

from coproduction.models import (
    Cadence,
    Frequency,
    GroundRules,
)
from tests.builders import RegisterBuilder

AS_OF = date(2026, 3, 2)


MONTHLY = Cadence(Frequency.MONTHLY)


def with_rules(rules: GroundRules | None, **group_fields: object) -> RegisterBuilder:
    b = RegisterBuilder()
    b.add_group("g1", ground_rules=rules, **group_fields)  # type: ignore[arg-type]
    return b
