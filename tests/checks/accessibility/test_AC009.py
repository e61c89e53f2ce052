"""AC009: the check fires, and stays silent, at the edges of its rule; subjects and messages."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import attrs

from coproduction.policy import Policy, Region
from tests.checks.acc_builders import (
    findings,
    meeting,
    messages,
    register,
)
from tests.checks.accessibility.support import SCOTLAND, THURSDAY, one_meeting

NORTHERN_IRELAND = Policy(region=Region.NORTHERN_IRELAND)


def test_ac009_weekday_is_silent_weekend_fires():
    assert findings("AC009", one_meeting(day=THURSDAY)) == []
    (message,) = messages("AC009", one_meeting(day=date(2026, 11, 7)))
    assert message == "The meeting on 2026-11-07 falls on a Saturday."


def test_ac009_bank_holidays_per_region():
    easter = one_meeting(day=date(2026, 4, 6))
    (message,) = messages("AC009", easter)
    assert message == "The meeting on 2026-04-06 falls on a bank holiday (Easter Monday)."
    assert messages("AC009", easter, policy=SCOTLAND) == []
    summer = one_meeting(day=date(2026, 8, 3))
    assert messages("AC009", summer) == []
    assert len(messages("AC009", summer, policy=SCOTLAND)) == 1
    st_patrick = one_meeting(day=date(2026, 3, 17))
    assert messages("AC009", st_patrick) == []
    assert len(messages("AC009", st_patrick, policy=NORTHERN_IRELAND)) == 1


def test_ac009_uses_the_local_date():
    # 23:30 UTC on Friday 10 July is 00:30 on Saturday in London.
    start = datetime(2026, 7, 10, 23, 30, tzinfo=UTC)
    reg = register(meetings=[attrs.evolve(meeting(), start=start, end=start + timedelta(minutes=60))])
    (message,) = messages("AC009", reg)
    assert "2026-07-11" in message
    assert messages("AC009", reg, policy=Policy(timezone="UTC")) == []
