"""The governance checks together: their contracts, shared helpers and properties."""

from __future__ import annotations

from datetime import date

import pytest

from coproduction.api import check_register
from coproduction.checks import Principle, SubjectKind
from coproduction.models import (
    AccessNeed,
    GroundRules,
)
from coproduction.policy import Severity
from tests.builders import USES_SERVICES, RegisterBuilder
from tests.checks.contract import assert_contract
from tests.checks.governance.support import AS_OF, MONTHLY


@pytest.mark.parametrize(
    ("code", "name", "severity", "subject"),
    [
        ("GR001", "no-ground-rules", Severity.ERROR, SubjectKind.GROUP),
        ("GR002", "ground-rules-overdue-review", Severity.WARNING, SubjectKind.GROUP),
        ("GR003", "ground-rules-not-acknowledged", Severity.WARNING, SubjectKind.MEMBER),
        ("GR004", "ground-rules-not-easy-read", Severity.ERROR, SubjectKind.GROUP),
        ("GR005", "irregular-meetings", Severity.WARNING, SubjectKind.GROUP),
        ("GR006", "no-terms-of-reference", Severity.INFO, SubjectKind.GROUP),
    ],
)
def test_contract(code: str, name: str, severity: Severity, subject: SubjectKind) -> None:
    assert_contract(code, name, severity, Principle.GOVERNANCE, subject)


def test_api_select_gr_runs_the_governance_family_only() -> None:
    b = RegisterBuilder()
    b.add_group("g1", purpose=None, cadence=MONTHLY)
    b.add_group("g2", ground_rules=GroundRules(agreed=date(2024, 1, 1)))
    b.add_member("ann", USES_SERVICES, groups=["g1", "g2"], access_needs=frozenset({AccessNeed.EASY_READ}))
    b.add_meeting("m1", "g1", date(2025, 12, 1))
    report = check_register(b.build(), as_of=AS_OF, select=["GR"])
    assert [(f.code, f.subject.kind.value, f.subject.id) for f in report.findings] == [
        ("GR001", "group", "g1"),
        ("GR005", "group", "g1"),
        ("GR006", "group", "g1"),
        ("GR002", "group", "g2"),
        ("GR004", "group", "g2"),
        ("GR003", "member", "ann"),
    ]
    assert check_register(b.build(), as_of=AS_OF, select=["GR"], ignore=["GR00"]).findings == ()
