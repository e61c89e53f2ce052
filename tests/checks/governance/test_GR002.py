"""GR002: the check fires, and stays silent, at the edges of its rule; subjects and messages."""

from __future__ import annotations

from datetime import date, timedelta

from coproduction.checks.governance.GR002_ground_rules_overdue_review import ground_rules_overdue_review
from coproduction.models import (
    GroundRules,
)
from coproduction.policy import Policy
from tests.builders import RegisterBuilder, run
from tests.checks.governance.support import AS_OF, with_rules
from tests.checks.support import _pairs


def test_gr002_exactly_twelve_months_is_silent_and_a_day_more_fires() -> None:
    assert run(ground_rules_overdue_review, with_rules(GroundRules(agreed=date(2025, 3, 2))).build(), AS_OF) == []
    [flag] = run(ground_rules_overdue_review, with_rules(GroundRules(agreed=date(2025, 3, 1))).build(), AS_OF)
    assert flag.message == (
        "The ground rules of 'Group g1' were last agreed or reviewed on 2025-03-01, 12 months ago; "
        "the policy asks for a review every 12 months"
    )


def test_gr002_months_are_calendar_months_clamped_to_the_month_end() -> None:
    rules = with_rules(GroundRules(agreed=date(2025, 2, 28))).build()
    assert run(ground_rules_overdue_review, rules, date(2026, 2, 28)) == []
    rules = with_rules(GroundRules(agreed=date(2025, 2, 27))).build()
    assert len(run(ground_rules_overdue_review, rules, date(2026, 2, 28))) == 1


def test_gr002_a_review_restarts_the_clock_but_not_one_after_as_of() -> None:
    reviewed = with_rules(GroundRules(agreed=date(2023, 1, 10), reviewed=date(2025, 6, 1))).build()
    assert run(ground_rules_overdue_review, reviewed, AS_OF) == []
    future_review = with_rules(GroundRules(agreed=date(2023, 1, 10), reviewed=date(2026, 6, 1))).build()
    [flag] = run(ground_rules_overdue_review, future_review, AS_OF)
    assert "on 2023-01-10, 37 months ago" in flag.message


def test_gr002_policy_months_change_the_outcome() -> None:
    reg = with_rules(GroundRules(agreed=date(2024, 6, 1))).build()
    assert len(run(ground_rules_overdue_review, reg, AS_OF)) == 1
    assert run(ground_rules_overdue_review, reg, AS_OF, Policy(ground_rules_review_months=24)) == []


def test_gr002_groups_without_rules_are_left_to_gr001() -> None:
    assert run(ground_rules_overdue_review, with_rules(None).build(), AS_OF) == []


def test_gr002_a_review_on_the_as_of_day_restarts_the_clock() -> None:
    b = RegisterBuilder()
    b.add_group("g1", ground_rules=GroundRules(agreed=date(2023, 1, 10), reviewed=AS_OF))
    assert run(ground_rules_overdue_review, b.build(), AS_OF) == []
    # The day before, the review has not happened: the 2023 agreement is overdue.
    [flag] = run(ground_rules_overdue_review, b.build(), AS_OF - timedelta(days=1))
    assert flag.subject_id == "g1"
    assert "last agreed or reviewed on 2023-01-10, 37 months ago" in flag.message


def test_gr002_a_group_reviewed_in_time_does_not_stop_the_scan() -> None:
    b = RegisterBuilder()
    b.add_group("g0")
    b.add_group("g1", ground_rules=GroundRules(agreed=date(2025, 12, 1)))
    b.add_group("g2", ground_rules=GroundRules(agreed=date(2024, 1, 10)))
    assert _pairs(run(ground_rules_overdue_review, b.build(), AS_OF)) == [
        (
            "g2",
            "The ground rules of 'Group g2' were last agreed or reviewed on 2024-01-10, 25 months ago; "
            "the policy asks for a review every 12 months",
        )
    ]
