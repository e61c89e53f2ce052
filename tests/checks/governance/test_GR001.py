"""GR001: the check fires, and stays silent, at the edges of its rule; subjects and messages."""

from __future__ import annotations

from datetime import timedelta

from coproduction.checks.governance.GR001_no_ground_rules import no_ground_rules
from coproduction.models import (
    GroundRules,
)
from tests.builders import run
from tests.checks.governance.support import AS_OF, with_rules


def test_gr001_group_without_ground_rules_fires() -> None:
    [flag] = run(no_ground_rules, with_rules(None).build(), AS_OF)
    assert (flag.subject_id, flag.message) == ("g1", "'Group g1' has no agreed ground rules")
    assert "Easy Read" in flag.hint


def test_gr001_agreed_ground_rules_are_silent_from_the_day_agreed() -> None:
    reg = with_rules(GroundRules(agreed=AS_OF)).build()
    assert run(no_ground_rules, reg, AS_OF) == []
    [flag] = run(no_ground_rules, reg, AS_OF - timedelta(days=1))
    assert flag.message == "'Group g1' had no agreed ground rules on 2026-03-01 (they were agreed on 2026-03-02)"
