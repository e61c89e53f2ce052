"""AC008: the check fires, and stays silent, at the edges of its rule; subjects and messages."""

from __future__ import annotations

import pytest

from coproduction.policy import Policy
from tests.checks.acc_builders import (
    findings,
)
from tests.checks.accessibility.support import one_meeting


@pytest.mark.parametrize(("minutes", "fires"), [(150, False), (151, True)])
def test_ac008_longest_meeting(minutes, fires):
    assert bool(findings("AC008", one_meeting(minutes=minutes))) is fires


def test_ac008_override():
    assert findings("AC008", one_meeting(minutes=151), policy=Policy(max_meeting_minutes=180)) == []


def test_ac008_names_the_meeting_its_length_and_the_limit():
    (finding,) = findings("AC008", one_meeting(minutes=151))
    assert (finding.subject.id, finding.message, finding.hint) == (
        "m1",
        "The meeting runs 151 minutes, longer than 150.",
        "Shorten the agenda to 150 minutes or less, or split it across two meetings.",
    )
    assert findings("AC008", one_meeting(minutes=180), policy=Policy(max_meeting_minutes=179))[0].message == (
        "The meeting runs 180 minutes, longer than 179."
    )
