"""Hypothesis strategies for :class:`coproduction.policy.Policy`: every policy that the settings accept.

Tables (required_perspectives, jargon, group_sizes) keep at least the default keys: layers merge tables key by key
over Policy's defaults (docs/policy.md), so a policy file can add or change entries but not remove them, and only
policies whose tables extend the defaults can round-trip through a file.
"""

from __future__ import annotations

from datetime import time

from hypothesis import strategies as st

from coproduction.models.diversity import Characteristic
from coproduction.models.enums import GroupKind, Perspective
from coproduction.policy import (
    DEFAULT_JARGON,
    DEFAULT_REQUIRED_PERSPECTIVES,
    LivingWageRate,
    Policy,
    Region,
    Severity,
    SizeRange,
)
from tests.strategies import amounts, dates, texts, times_of_day

shares = st.floats(min_value=0, max_value=1, allow_nan=False)
non_negative_floats = st.floats(min_value=0, max_value=1e6, allow_nan=False)
positive_floats = st.floats(min_value=0, max_value=1e6, exclude_min=True, allow_nan=False)
counts = st.integers(min_value=0, max_value=100_000)
positive_counts = st.integers(min_value=1, max_value=100_000)
codes = st.from_regex(r"[A-Z]{1,3}[0-9]{0,3}", fullmatch=True)


@st.composite
def size_ranges(draw: st.DrawFn) -> SizeRange:
    low, high = sorted(draw(st.lists(st.integers(0, 1000), min_size=2, max_size=2)))
    return SizeRange(low, high)


@st.composite
def hours(draw: st.DrawFn) -> tuple[time, time]:
    start, end = sorted(draw(st.lists(times_of_day(), min_size=2, max_size=2, unique=True)))
    return start, end


def living_wage_tables() -> st.SearchStrategy[tuple[LivingWageRate, ...]]:
    rates = st.builds(LivingWageRate, dates(), amounts().filter(lambda amount: amount > 0))
    return st.lists(rates, max_size=4, unique_by=lambda rate: rate.since).map(tuple)


def required_perspectives() -> st.SearchStrategy[dict[GroupKind, frozenset[Perspective]]]:
    perspective_sets = st.frozensets(st.sampled_from(Perspective))
    return st.fixed_dictionaries(
        dict.fromkeys(DEFAULT_REQUIRED_PERSPECTIVES, perspective_sets),
        optional=dict.fromkeys(set(GroupKind) - set(DEFAULT_REQUIRED_PERSPECTIVES), perspective_sets),
    )


def jargon_tables() -> st.SearchStrategy[dict[str, str]]:
    return st.fixed_dictionaries(
        dict.fromkeys(DEFAULT_JARGON, texts()), optional={term: texts() for term in ("OCC", "SCIE", "é.x", "")}
    )


@st.composite
def policies(draw: st.DrawFn) -> Policy:
    """Any valid Policy whose tables extend the defaults' keys."""
    start, end = draw(hours())
    return Policy(
        name=draw(texts(min_size=1)),
        area=draw(st.none() | texts(min_size=1)),
        timezone=draw(st.sampled_from(["Europe/London", "UTC", "Europe/Belfast", "America/St_Johns"])),
        region=draw(st.sampled_from(Region)),
        calendar_organiser=draw(st.none() | st.sampled_from(["meetings@council.gov.uk", "a.b+c@x-y.example"])),
        min_lived_experience_share=draw(shares),
        require_lived_experience_chair=draw(st.booleans()),
        required_perspectives=draw(required_perspectives()),
        min_lived_experience_share_present=draw(shares),
        min_lived_experience_led_items=draw(shares),
        min_lived_experience_for_decisions=draw(counts),
        monitored_characteristics=tuple(draw(st.lists(st.sampled_from(Characteristic), unique=True))),
        min_representation_ratio=draw(non_negative_floats),
        min_expected_count=draw(non_negative_floats),
        max_unknown_share=draw(shares),
        min_service_areas=draw(counts),
        max_organisation_share=draw(shares),
        suppression_threshold=draw(counts),
        min_group_for_cross_tabulation=draw(counts),
        baseline=draw(texts(min_size=1)),
        papers_notice_working_days=draw(counts),
        easy_read_notice_days=draw(counts),
        earliest_start=start,
        latest_end=end,
        max_minutes_without_break=draw(positive_counts),
        max_meeting_minutes=draw(positive_counts),
        two_interpreters_from_minutes=draw(positive_counts),
        jargon=draw(jargon_tables()),
        involvement_hourly_rate=draw(amounts()),
        national_living_wage=draw(living_wage_tables()),
        training_within_days=draw(counts),
        feedback_within_days=draw(counts),
        ground_rules_review_months=draw(positive_counts),
        irregular_gap_factor=draw(positive_floats),
        attendance_window_months=draw(positive_counts),
        min_attendance_rate=draw(shares),
        min_expected_meetings=draw(counts),
        group_sizes=draw(st.fixed_dictionaries(dict.fromkeys(GroupKind, size_ranges()))),
        severity=draw(st.dictionaries(codes, st.sampled_from(Severity), max_size=3)),
        select=tuple(draw(st.lists(codes, max_size=3))),
        ignore=tuple(draw(st.lists(codes, max_size=3))),
    )
