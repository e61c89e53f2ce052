"""RC005: the check fires, and stays silent, at the edges of its rule; subjects and messages."""

from __future__ import annotations

from datetime import date

import pytest

from coproduction.models import (
    Action,
    ActionStatus,
    MeetingStatus,
)
from coproduction.policy import Severity
from tests.checks.acc_builders import (
    findings,
    meeting,
    register,
)


def with_action(action, status=MeetingStatus.HELD):
    return register(meetings=[meeting(status=status, actions=(action,))])


def test_rc005_fires_the_day_after_due():
    action = Action("Send the survey in Easy Read", owner="ann", due=date(2026, 6, 30))
    assert findings("RC005", with_action(action), as_of=date(2026, 6, 30)) == []
    (finding,) = findings("RC005", with_action(action), as_of=date(2026, 7, 1))
    assert finding.message == (
        "Action 'Send the survey in Easy Read' (owner ann) was due on 2026-06-30, 1 day ago, and is still open."
    )
    assert finding.severity is Severity.INFO


@pytest.mark.parametrize(
    "action",
    [
        Action("Done", due=date(2026, 1, 1), status=ActionStatus.DONE),
        Action("Dropped", due=date(2026, 1, 1), status=ActionStatus.DROPPED),
        Action("No due date"),
    ],
)
def test_rc005_silent_for_closed_or_undated_actions(action):
    assert findings("RC005", with_action(action), as_of=date(2026, 7, 1)) == []


def test_rc005_cancelled_meetings_are_not_judged():
    action = Action("Book venue", due=date(2026, 1, 1))
    assert findings("RC005", with_action(action, MeetingStatus.CANCELLED), as_of=date(2026, 7, 1)) == []
