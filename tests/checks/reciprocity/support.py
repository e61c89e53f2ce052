"""Helpers shared by the reciprocity checks' tests."""

from __future__ import annotations

from datetime import date

from tests.checks.acc_builders import (
    CARER,
    member,
)

JOINED = date(2026, 1, 1)


def trainee(*training, joined=JOINED):
    return member("ann", perspectives=CARER, joined=joined, training=tuple(training))
