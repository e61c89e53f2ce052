"""AC007: the check fires, and stays silent, at the edges of its rule; subjects and messages."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

import attrs

from coproduction.checks.accessibility.AC007_inaccessible_hours import inaccessible_hours
from coproduction.policy import Policy
from tests.builders import RegisterBuilder, run
from tests.checks.acc_builders import (
    findings,
    meeting,
    messages,
    register,
)
from tests.checks.accessibility.support import one_meeting
from tests.checks.support import AS_OF


def test_ac007_edges_of_the_day():
    assert findings("AC007", one_meeting(start=time(9, 30), minutes=390)) == []  # 09:30-16:00
    (early,) = messages("AC007", one_meeting(start=time(9, 29), minutes=60))
    assert early == "The meeting starts at 09:29, before 09:30."
    (late,) = messages("AC007", one_meeting(start=time(14, 0), minutes=121))
    assert late == "The meeting ends at 16:01, after 16:00."
    (both,) = messages("AC007", one_meeting(start=time(8, 0), minutes=600))
    assert both == "The meeting starts at 08:00, before 09:30 and ends at 18:00, after 16:00."


def test_ac007_reads_the_policy_time_zone():
    # 08:45 UTC in July is 09:45 in London: fine there, too early on a UTC clock.
    start = datetime(2026, 7, 9, 8, 45, tzinfo=UTC)
    reg = register(meetings=[attrs.evolve(meeting(), start=start, end=start + timedelta(minutes=60))])
    assert findings("AC007", reg) == []
    assert len(findings("AC007", reg, policy=Policy(timezone="UTC"))) == 1


def test_ac007_overnight_meeting_ends_too_late_and_override():
    (message,) = messages("AC007", one_meeting(start=time(10, 0), minutes=24 * 60))
    assert "after 16:00" in message
    policy = Policy(earliest_start=time(9, 0), latest_end=time(17, 0))
    assert findings("AC007", one_meeting(start=time(9, 0), minutes=480), policy=policy) == []


def test_ac007_no_meetings_need_no_time_zone() -> None:
    b = RegisterBuilder()
    b.add_group("g1")
    assert run(inaccessible_hours, b.build(), AS_OF, Policy(timezone="Nowhere/Atlantis")) == []
