"""The diversity checks together: their contracts, shared helpers and properties."""

from __future__ import annotations

import pytest
from hypothesis import given

from coproduction.checks import Principle, SubjectKind
from coproduction.models import (
    PREFER_NOT_TO_SAY,
    Characteristic,
    DiversityProfile,
)
from coproduction.policy import Severity
from tests.checks.acc_builders import (
    assert_stable,
    findings,
    member,
    register,
    scenarios,
)
from tests.checks.contract import assert_contract


@pytest.mark.parametrize(
    ("code", "name", "severity"),
    [
        ("DV001", "underrepresented-group", Severity.WARNING),
        ("DV002", "diversity-data-incomplete", Severity.INFO),
        ("DV003", "narrow-lived-experience", Severity.WARNING),
        ("DV004", "no-user-led-organisation", Severity.WARNING),
        ("DV005", "single-organisation-dominance", Severity.INFO),
    ],
)
def test_contract(code: str, name: str, severity: Severity) -> None:
    assert_contract(code, name, severity, Principle.DIVERSITY, SubjectKind.GROUP)


def test_findings_depend_only_on_whether_an_answer_is_known():
    """Swapping every known answer for another known answer changes nothing: no finding reveals an answer."""

    def profile(answer_index: int) -> DiversityProfile:
        answers = {}
        for n, characteristic in enumerate(Characteristic):
            if n % 3 == 0:
                continue  # not known
            categories = list(characteristic.categories)
            answers[characteristic.value] = categories[answer_index % len(categories)]
        return DiversityProfile(**answers)

    def board(answer_index: int):
        return register(members=[member(f"p{n}", diversity=profile(answer_index + n)) for n in range(4)])

    codes = ["DV002", "DV003", "DV004", "DV005"]
    baseline = findings(codes, board(0))
    assert baseline, "the board should have findings to compare"
    for index in range(1, 9):
        assert findings(codes, board(index)) == baseline
    # "none" (no unpaid care) is also an ordinary English word that messages may use.
    categories = {c.value for ch in Characteristic for c in ch.categories} - {PREFER_NOT_TO_SAY, "none"}
    for finding in baseline:
        words = set(finding.message.lower().replace(",", " ").replace(".", " ").split())
        assert not words & categories, finding.message


@given(scenarios())
def test_diversity_checks_never_crash_and_are_deterministic(scenario):
    assert_stable(["DV002", "DV003", "DV004", "DV005"], scenario)
