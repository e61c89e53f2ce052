"""A policy built in code is held to the same ranges as a policy file (issue 11: one set of rules)."""

from __future__ import annotations

from datetime import date, time
from decimal import Decimal
from pathlib import Path

import attrs
import pytest
from hypothesis import given

from coproduction import PolicyError, check_register, validate_policy
from coproduction.models import GroupKind
from coproduction.policy import LivingWageRate, Policy, SizeRange
from coproduction.policy_rules import POLICY_BOUNDS, Bound
from coproduction.settings import load_policy
from tests.audit.helpers import GROUP, board
from tests.settings.strategies import policies

AS_OF = date(2026, 11, 25)


def test_every_bound_names_a_real_setting() -> None:
    known = {f"{cls.__name__}.{f.name}" for cls in (Policy, SizeRange, LivingWageRate) for f in attrs.fields(cls)}
    assert set(POLICY_BOUNDS) <= known


@pytest.mark.parametrize("profile", ["default", "oxfordshire"])
def test_the_shipped_profiles_are_valid(profile: str) -> None:
    assert validate_policy(load_policy(profile)) == ()


@given(policies())
def test_any_policy_the_loader_builds_is_valid(policy: Policy) -> None:
    assert validate_policy(policy) == ()


@pytest.mark.parametrize(
    ("changes", "path", "words"),
    [
        ({"min_attendance_rate": 1.5}, "$.min_attendance_rate", "expected a share from 0 to 1; got 1.5"),
        ({"min_attendance_rate": float("nan")}, "$.min_attendance_rate", "expected a share from 0 to 1"),
        ({"max_meeting_minutes": 0}, "$.max_meeting_minutes", "expected a number above 0; got 0"),
        ({"suppression_threshold": -1}, "$.suppression_threshold", "expected a number, 0 or more; got -1"),
        ({"involvement_hourly_rate": Decimal("-1")}, "$.involvement_hourly_rate", "0 or more"),
        ({"latest_end": time(9, 0)}, "$.latest_end", "is not after earliest_start 09:30"),
        ({"baseline": ""}, "$.baseline", "expected text"),
        (
            {"group_sizes": {GroupKind.BOARD: SizeRange(10, 5)}},
            "$.group_sizes.board.maximum",
            "maximum 5 is below minimum 10",
        ),
        (
            {"national_living_wage": (LivingWageRate(date(2026, 4, 1), Decimal("0")),)},
            "$.national_living_wage[0].hourly",
            "expected a number above 0",
        ),
    ],
)
def test_a_policy_out_of_range_is_reported_with_its_path(changes: dict[str, object], path: str, words: str) -> None:
    problems = validate_policy(attrs.evolve(Policy(), **changes))
    assert [p.path for p in problems] == [path]
    assert words in problems[0].message


def test_check_register_refuses_it_as_a_policy_file_is_refused(tmp_path: Path) -> None:
    register = board([{"sex": "female"}] * 3)
    with pytest.raises(PolicyError) as built:
        check_register(register, as_of=AS_OF, policy=Policy(min_attendance_rate=1.5))
    assert "$.min_attendance_rate: expected a share from 0 to 1; got 1.5" in str(built.value)
    policy_file = tmp_path / "policy.toml"
    policy_file.write_text("min_attendance_rate = 1.5\n", encoding="utf-8")
    with pytest.raises(PolicyError, match="min_attendance_rate"):
        load_policy(policy_file=policy_file, environ={})


def test_audit_group_refuses_it_too() -> None:
    from coproduction import audit_group

    with pytest.raises(PolicyError, match=r"\$\.max_unknown_share"):
        audit_group(board([{"sex": "female"}] * 3), GROUP, as_of=AS_OF, policy=Policy(max_unknown_share=2.0))


def test_a_valid_policy_is_silent() -> None:
    assert validate_policy(Policy()) == ()
    report = check_register(board([{"sex": "female"}] * 3), as_of=AS_OF, policy=Policy(min_attendance_rate=1.0))
    assert report.as_of == AS_OF


def test_bounds_in_words() -> None:
    assert Bound.SHARE.holds(0) and Bound.SHARE.holds(1) and not Bound.SHARE.holds(1.01)  # noqa: PT018
    assert Bound.POSITIVE.holds(0.1) and not Bound.POSITIVE.holds(0)  # noqa: PT018
    assert not Bound.NON_NEGATIVE.holds(Decimal("NaN"))
