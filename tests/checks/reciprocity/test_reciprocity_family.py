"""The reciprocity checks together: their contracts, shared helpers and properties."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given

from coproduction.checks import Principle, SubjectKind
from coproduction.models import (
    AgendaItem,
    MeetingStatus,
)
from coproduction.policy import Severity
from tests.checks.acc_builders import (
    assert_stable,
    findings,
    meeting,
    register,
    scenarios,
)
from tests.checks.contract import assert_contract
from tests.checks.reciprocity.support import trainee


@pytest.mark.parametrize(
    ("code", "name", "severity", "subject"),
    [
        ("RC001", "unpaid-involvement", Severity.WARNING, SubjectKind.MEETING),
        ("RC002", "payment-below-living-wage", Severity.WARNING, SubjectKind.POLICY),
        ("RC003", "training-not-completed", Severity.WARNING, SubjectKind.MEMBER),
        ("RC004", "no-feedback-on-input", Severity.WARNING, SubjectKind.MEETING),
        ("RC005", "overdue-action", Severity.INFO, SubjectKind.MEETING),
    ],
)
def test_contract(code: str, name: str, severity: Severity, subject: SubjectKind) -> None:
    assert_contract(code, name, severity, Principle.RECIPROCITY, subject)


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
