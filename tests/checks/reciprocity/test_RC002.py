"""RC002: the check fires, and stays silent, at the edges of its rule; subjects and messages."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from coproduction.policy import LivingWageRate, Policy
from tests.checks.acc_builders import (
    findings,
    register,
)


@pytest.mark.parametrize(
    ("rate", "as_of", "fires"),
    [
        ("12.70", date(2026, 4, 1), True),
        ("12.71", date(2026, 4, 1), False),
        ("12.70", date(2026, 3, 31), False),  # £12.21 was in force
        ("12.20", date(2026, 3, 31), True),
        ("1.00", date(2020, 1, 1), False),  # before the table starts: nothing to compare
    ],
)
def test_rc002_rate_against_living_wage_in_force(rate, as_of, fires):
    policy = Policy(name="testshire", involvement_hourly_rate=Decimal(rate))
    found = findings("RC002", register(), as_of=as_of, policy=policy)
    assert bool(found) is fires
    if fires:
        assert found[0].subject.kind.value == "policy"
        assert found[0].subject.id == "testshire"


def test_rc002_message_and_dated_table_from_policy():
    policy = Policy(
        involvement_hourly_rate=Decimal("12.00"),
        national_living_wage=(LivingWageRate(date(2030, 4, 1), Decimal("15.00")),),
    )
    assert findings("RC002", register(), as_of=date(2030, 3, 31), policy=policy) == []
    (finding,) = findings("RC002", register(), as_of=date(2030, 4, 1), policy=policy)
    assert finding.message == (
        "The involvement rate of £12.00 an hour is £3.00 below the National Living Wage of £15.00 in force since "
        "2030-04-01."
    )
    assert "15.00" in finding.hint
