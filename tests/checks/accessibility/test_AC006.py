"""AC006: the check fires, and stays silent, at the edges of its rule; subjects and messages."""

from __future__ import annotations

from datetime import date

import attrs
import pytest

from coproduction.checks.accessibility.AC006_no_break import longest_stretch_without_break, no_break
from coproduction.models import (
    Break,
)
from coproduction.policy import Policy
from tests.builders import RegisterBuilder, run
from tests.checks.acc_builders import (
    findings,
    meeting,
    messages,
)
from tests.checks.accessibility.support import one_meeting
from tests.checks.support import AS_OF, _pairs


@pytest.mark.parametrize(("minutes", "fires"), [(90, False), (91, True)])
def test_ac006_ninety_minutes_without_a_break(minutes, fires):
    assert bool(findings("AC006", one_meeting(minutes=minutes))) is fires


def test_ac006_breaks_split_the_meeting():
    assert findings("AC006", one_meeting(minutes=190, breaks=(Break(90, 10),))) == []
    (message,) = messages("AC006", one_meeting(minutes=191, breaks=(Break(90, 10),)))
    assert message == "The meeting has a stretch of 91 minutes without a break (limit 90)."
    (early,) = messages("AC006", one_meeting(minutes=180, breaks=(Break(20, 10),)))
    assert "150 minutes" in early


def test_ac006_policy_override():
    assert len(findings("AC006", one_meeting(minutes=61), policy=Policy(max_minutes_without_break=60))) == 1
    assert findings("AC006", one_meeting(minutes=60), policy=Policy(max_minutes_without_break=60)) == []


def test_longest_stretch_handles_odd_breaks():
    odd = meeting(minutes=120, breaks=(Break(-10, 5), Break(200, 10), Break(60, 0), Break(60, 15)))
    assert longest_stretch_without_break(odd) == 60
    assert longest_stretch_without_break(meeting(minutes=-5)) == 0


def test_ac006_a_break_nested_in_a_longer_one_does_not_restart_the_stretch() -> None:
    b = RegisterBuilder()
    b.add_group("g1")
    # 0-60 talk, 60-120 lunch (with a 10-minute slot inside it at 70-80), 120-240 talk: a stretch of 120.
    b.add_meeting("m1", "g1", date(2026, 2, 10), minutes=240, breaks=(Break(70, 10), Break(60, 60)))
    assert _pairs(run(no_break, b.build(), AS_OF)) == [
        ("m1", "The meeting has a stretch of 120 minutes without a break (limit 90).")
    ]
    # With another break at 150 the longest stretch is 90, exactly the limit: silent.
    b.meetings[-1] = attrs.evolve(b.meetings[-1], breaks=(Break(70, 10), Break(60, 60), Break(150, 0)))
    assert run(no_break, b.build(), AS_OF) == []


def test_ac006_short_or_well_broken_meetings_do_not_stop_the_scan() -> None:
    b = RegisterBuilder()
    b.add_group("g1")
    b.add_meeting("m0", "g1", date(2026, 2, 3), minutes=90)  # exactly the limit
    b.add_meeting("m1", "g1", date(2026, 2, 10), minutes=240, breaks=(Break(90, 10), Break(190, 10)))
    b.add_meeting("m2", "g1", date(2026, 2, 17), minutes=240)
    assert _pairs(run(no_break, b.build(), AS_OF)) == [
        ("m2", "The meeting runs 240 minutes with no scheduled break (limit 90).")
    ]
