"""The membership checks together: their contracts, shared helpers and properties."""

from __future__ import annotations

from datetime import date

import pytest

from coproduction.api import check_register
from coproduction.checks import Principle, SubjectKind
from coproduction.policy import Severity
from tests.builders import RegisterBuilder
from tests.checks.contract import assert_contract
from tests.checks.membership.support import AS_OF, monthly_board


@pytest.mark.parametrize(
    ("code", "name", "severity", "subject"),
    [
        ("MB001", "lives-outside-area", Severity.WARNING, SubjectKind.MEMBER),
        ("MB002", "low-attendance", Severity.INFO, SubjectKind.MEMBER),
        ("MB003", "term-expired", Severity.WARNING, SubjectKind.MEMBER),
        ("MB004", "group-size-out-of-range", Severity.WARNING, SubjectKind.GROUP),
        ("MB005", "access-needs-not-asked", Severity.INFO, SubjectKind.MEMBER),
    ],
)
def test_contract(code: str, name: str, severity: Severity, subject: SubjectKind) -> None:
    assert_contract(code, name, severity, Principle.MEMBERSHIP, subject)


def test_api_select_mb_runs_the_membership_family_only() -> None:
    b = monthly_board(0, meetings=3, access_needs=None, area="Swindon", term_ends=date(2026, 1, 1))
    b.groups[0] = RegisterBuilder().add_group("g1", requires_residence=True)
    report = check_register(b.build(), as_of=AS_OF, select=["MB"])
    assert [(f.code, f.subject.id) for f in report.findings] == [
        ("MB004", "g1"),
        ("MB001", "ann"),
        ("MB002", "ann"),
        ("MB003", "ann"),
        ("MB005", "ann"),
    ]
    assert report.summary == {"error": 0, "warning": 3, "info": 2}
