"""The equality checks together: their contracts, shared helpers and properties."""

from __future__ import annotations

from datetime import date, time

import attrs
import pytest

from coproduction.api import check_register
from coproduction.checks import Principle, SubjectKind
from coproduction.checks.equality.EQ001_lived_experience_minority import lived_experience_minority
from coproduction.checks.equality.EQ004_staff_dominated_meeting import staff_dominated_meeting
from coproduction.errors import PolicyError
from coproduction.models import Decision
from coproduction.policy import Policy, Severity
from tests.builders import run
from tests.checks.contract import assert_contract
from tests.checks.equality.support import AS_OF, EARLIER, board


@pytest.mark.parametrize(
    ("code", "name", "severity", "subject"),
    [
        ("EQ001", "lived-experience-minority", Severity.ERROR, SubjectKind.GROUP),
        ("EQ002", "no-lived-experience-chair", Severity.ERROR, SubjectKind.GROUP),
        ("EQ003", "missing-perspective", Severity.WARNING, SubjectKind.GROUP),
        ("EQ004", "staff-dominated-meeting", Severity.WARNING, SubjectKind.MEETING),
        ("EQ005", "agenda-led-by-staff-only", Severity.WARNING, SubjectKind.MEETING),
        ("EQ006", "decision-without-lived-experience", Severity.ERROR, SubjectKind.MEETING),
    ],
)
def test_contract(code: str, name: str, severity: Severity, subject: SubjectKind) -> None:
    assert_contract(code, name, severity, Principle.EQUALITY, subject)


def test_api_select_eq_runs_the_equality_family_only() -> None:
    b = board(1, 5)  # minority, no chair, no carer
    b.add_meeting("m1", "g1", EARLIER, present=["st-1", "st-2", "le-1"], decisions=(Decision("Agree budget"),))
    report = check_register(b.build(), as_of=AS_OF, select=["EQ"])
    codes = [(f.code, f.subject.id) for f in report.findings]
    assert codes == [
        ("EQ001", "g1"),
        ("EQ002", "g1"),
        ("EQ003", "g1"),
        ("EQ004", "m1"),
        ("EQ006", "m1"),
    ]
    assert report.summary == {"error": 3, "warning": 2, "info": 0}
    direct = run(lived_experience_minority, b.build(), AS_OF)
    assert [f.message for f in report.findings if f.code == "EQ001"] == [f.message for f in direct]


def test_api_policy_severity_override_applies() -> None:
    policy = Policy(severity={"EQ001": Severity.INFO})
    report = check_register(board(1, 5).build(), as_of=AS_OF, select=["EQ001"], policy=policy)
    assert [f.severity for f in report.findings] == [Severity.INFO]


def test_messages_do_not_change_when_diversity_data_changes() -> None:
    from coproduction.models import DiversityProfile, EthnicGroup, Religion, Sex

    b = board(1, 5)
    b.add_meeting("m1", "g1", EARLIER, present=["st-1", "le-1"], decisions=(Decision("Agree budget"),))
    plain = b.build()
    profile = DiversityProfile(sex=Sex.FEMALE, ethnic_group=EthnicGroup.BLACK, religion=Religion.MUSLIM)
    private = attrs.evolve(plain, members=tuple(attrs.evolve(m, diversity=profile) for m in plain.members))
    assert check_register(plain, as_of=AS_OF, select=["EQ"]) == check_register(private, as_of=AS_OF, select=["EQ"])


def test_meeting_dates_are_taken_in_the_policy_time_zone() -> None:
    # 00:30 London time on 2 July is 23:30 UTC on 1 July (British Summer Time).
    b = board(10, 10)
    b.add_meeting("m1", "g1", date(2026, 7, 2), start=time(0, 30), present=["st-1", "st-2"])
    reg = b.build()
    assert run(staff_dominated_meeting, reg, date(2026, 7, 1)) == []
    [flag] = run(staff_dominated_meeting, reg, date(2026, 7, 1), Policy(timezone="UTC"))
    assert "'Meeting m1' on 2026-07-01" in flag.message


def test_an_unknown_time_zone_is_a_policy_error() -> None:
    b = board(1, 1)
    b.add_meeting("m1", "g1", EARLIER, present=["st-1"])
    with pytest.raises(PolicyError, match=r"\$\.timezone.*'Mars/Olympus' is not a known time zone"):
        run(staff_dominated_meeting, b.build(), AS_OF, Policy(timezone="Mars/Olympus"))
