"""Helpers shared by the accessibility checks' tests."""

from __future__ import annotations

from datetime import date

from coproduction.policy import Policy, Region
from tests.checks.acc_builders import (
    meeting,
    register,
)

THURSDAY = date(2026, 11, 12)


SCOTLAND = Policy(region=Region.SCOTLAND)


def one_meeting(*people, **fields):
    """A register with ``people`` on the board and one meeting built from ``fields``."""
    return register(members=list(people), meetings=[meeting(**fields)])
