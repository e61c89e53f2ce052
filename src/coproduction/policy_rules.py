"""The ranges a policy's numbers must lie in, and the check of a :class:`~coproduction.policy.Policy` against them.

Domain code, and the one place these ranges are written: the settings loader (:mod:`coproduction.settings.model`)
builds its field constraints from :data:`POLICY_BOUNDS`, and :func:`validate_policy` applies the same ranges to a
policy built in code, so that ``check_register`` refuses ``Policy(min_attendance_rate=1.5)`` as a policy file with
``min_attendance_rate = 1.5`` is refused (issue 11: one set of rules, wherever the input comes from).
"""

from __future__ import annotations

import math
from decimal import Decimal
from enum import StrEnum
from typing import Any, Final

import attrs

from coproduction.errors import Problem
from coproduction.policy import LivingWageRate, Policy, SizeRange


class Bound(StrEnum):
    """A kind of range: a share (0 to 1), a count or amount of 0 or more, or a number above 0."""

    SHARE = "share"
    NON_NEGATIVE = "non-negative"
    POSITIVE = "positive"

    @property
    def expected(self) -> str:
        """The range in words, for a problem's message."""
        return _EXPECTED[self]

    def holds(self, value: float | int | Decimal) -> bool:
        """Whether ``value`` is a finite number within the range."""
        if isinstance(value, float) and not math.isfinite(value):
            return False
        if isinstance(value, Decimal) and not value.is_finite():
            return False
        if self is Bound.SHARE:
            return 0 <= value <= 1
        if self is Bound.NON_NEGATIVE:
            return value >= 0
        return value > 0


_EXPECTED: Final = {
    Bound.SHARE: "a share from 0 to 1",
    Bound.NON_NEGATIVE: "a number, 0 or more",
    Bound.POSITIVE: "a number above 0",
}

#: Every numeric setting's range, by ``"Class.field"``.
POLICY_BOUNDS: Final[dict[str, Bound]] = {
    "Policy.min_lived_experience_share": Bound.SHARE,
    "Policy.min_lived_experience_share_present": Bound.SHARE,
    "Policy.min_lived_experience_led_items": Bound.SHARE,
    "Policy.min_lived_experience_for_decisions": Bound.NON_NEGATIVE,
    "Policy.min_representation_ratio": Bound.NON_NEGATIVE,
    "Policy.min_expected_count": Bound.NON_NEGATIVE,
    "Policy.max_unknown_share": Bound.SHARE,
    "Policy.min_service_areas": Bound.NON_NEGATIVE,
    "Policy.max_organisation_share": Bound.SHARE,
    "Policy.suppression_threshold": Bound.NON_NEGATIVE,
    "Policy.min_group_for_cross_tabulation": Bound.NON_NEGATIVE,
    "Policy.papers_notice_working_days": Bound.NON_NEGATIVE,
    "Policy.easy_read_notice_days": Bound.NON_NEGATIVE,
    "Policy.max_minutes_without_break": Bound.POSITIVE,
    "Policy.max_meeting_minutes": Bound.POSITIVE,
    "Policy.two_interpreters_from_minutes": Bound.POSITIVE,
    "Policy.involvement_hourly_rate": Bound.NON_NEGATIVE,
    "Policy.training_within_days": Bound.NON_NEGATIVE,
    "Policy.feedback_within_days": Bound.NON_NEGATIVE,
    "Policy.ground_rules_review_months": Bound.POSITIVE,
    "Policy.irregular_gap_factor": Bound.POSITIVE,
    "Policy.attendance_window_months": Bound.POSITIVE,
    "Policy.min_attendance_rate": Bound.SHARE,
    "Policy.min_expected_meetings": Bound.NON_NEGATIVE,
    "SizeRange.minimum": Bound.NON_NEGATIVE,
    "SizeRange.maximum": Bound.NON_NEGATIVE,
    "LivingWageRate.hourly": Bound.POSITIVE,
}


def _number(value: Any) -> bool:
    return isinstance(value, int | float | Decimal) and not isinstance(value, bool)


def _check(owner: Any, path: str, source: str, problems: list[Problem]) -> None:
    cls = type(owner)
    for field in attrs.fields(cls):
        bound = POLICY_BOUNDS.get(f"{cls.__name__}.{field.name}")
        if bound is None:
            continue
        value = getattr(owner, field.name)
        if not _number(value) or not bound.holds(value):
            problems.append(Problem(source, f"{path}.{field.name}", f"expected {bound.expected}; got {value!r}"))


def validate_policy(policy: Policy, *, source: str = "<policy>") -> tuple[Problem, ...]:
    """Every way ``policy`` breaks the settings' rules, each with its path (``$.min_attendance_rate``): numbers out
    of their range, a group size whose maximum is below its minimum, a latest end not after the earliest start,
    an empty name or baseline. Empty for a policy the settings loader would accept."""
    problems: list[Problem] = []
    _check(policy, "$", source, problems)
    for kind, size in policy.group_sizes.items():
        where = f"$.group_sizes.{kind}"
        if not isinstance(size, SizeRange):
            problems.append(Problem(source, where, f"expected a size range (minimum, maximum); got {size!r}"))
            continue
        _check(size, where, source, problems)
        if _number(size.minimum) and _number(size.maximum) and size.maximum < size.minimum:
            problems.append(
                Problem(source, f"{where}.maximum", f"maximum {size.maximum} is below minimum {size.minimum}")
            )
    for index, rate in enumerate(policy.national_living_wage):
        if isinstance(rate, LivingWageRate):
            _check(rate, f"$.national_living_wage[{index}]", source, problems)
    if policy.latest_end <= policy.earliest_start:
        problems.append(
            Problem(
                source,
                "$.latest_end",
                f"latest_end {policy.latest_end:%H:%M} is not after earliest_start {policy.earliest_start:%H:%M}",
            )
        )
    for name in ("name", "baseline"):
        value = getattr(policy, name)
        if not isinstance(value, str) or not value:
            problems.append(Problem(source, f"$.{name}", f"expected text; got {value!r}"))
    return tuple(problems)
