"""The reciprocity checks together: their contracts, shared helpers and properties."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given

from coproduction.checks import builtin_registry
from coproduction.models import (
    AgendaItem,
    MeetingStatus,
)
from coproduction.policy import Policy, Severity
from tests.checks.acc_builders import (
    assert_stable,
    findings,
    meeting,
    register,
    scenarios,
)
from tests.checks.reciprocity.support import trainee


@pytest.mark.parametrize(
    ("code", "name", "severity", "subject"),
    [
        ("RC001", "unpaid-involvement", Severity.WARNING, "meeting"),
        ("RC002", "payment-below-living-wage", Severity.WARNING, "policy"),
        ("RC003", "training-not-completed", Severity.WARNING, "member"),
        ("RC004", "no-feedback-on-input", Severity.WARNING, "meeting"),
        ("RC005", "overdue-action", Severity.INFO, "meeting"),
    ],
)
def test_contract(code, name, severity, subject):
    check = builtin_registry()[code]
    assert (check.name, check.severity, check.principle.value, check.subject.value) == (
        name,
        severity,
        "reciprocity",
        subject,
    )
    assert check.doc.sources
    for setting in check.doc.settings:
        assert hasattr(Policy(), setting), f"{code} documents an unknown setting {setting!r}"


@given(scenarios())
def test_reciprocity_checks_never_crash_and_are_deterministic(scenario):
    assert_stable([f"RC{n:03d}" for n in range(1, 6)], scenario)


def test_deadlines_at_the_end_of_the_calendar_do_not_overflow():
    reg = register(
        members=[trainee(joined=date(9999, 12, 1))],
        meetings=[
            meeting(
                day=date(9999, 12, 1),
                status=MeetingStatus.HELD,
                agenda=(AgendaItem("Plans", lived_experience_input=True),),
            )
        ],
    )
    assert findings(["RC003", "RC004"], reg, as_of=date(9999, 12, 31)) == []
