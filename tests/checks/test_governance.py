"""GR001-GR006: ground rules and governance checks, with cases that fire and cases that stay silent."""

from __future__ import annotations

from datetime import date, timedelta

import attrs
import pytest

from coproduction.api import check_register
from coproduction.checks import BUILTIN, Principle, SubjectKind
from coproduction.checks import governance as gr
from coproduction.models import (
    AccessNeed,
    Acknowledgement,
    Cadence,
    Frequency,
    GroundRule,
    GroundRules,
    MeetingStatus,
)
from coproduction.policy import Policy, Severity
from tests.builders import STAFF, USES_SERVICES, RegisterBuilder, run

AS_OF = date(2026, 3, 2)
MONTHLY = Cadence(Frequency.MONTHLY)


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
    registered = BUILTIN[code]
    assert (registered.name, registered.severity, registered.subject) == (name, severity, subject)
    assert registered.principle is Principle.GOVERNANCE
    assert registered.doc.sources
    assert set(registered.doc.settings) <= set(attrs.fields_dict(Policy)), "settings must name policy fields"


def with_rules(rules: GroundRules | None, **group_fields: object) -> RegisterBuilder:
    b = RegisterBuilder()
    b.add_group("g1", ground_rules=rules, **group_fields)  # type: ignore[arg-type]
    return b


# GR001 no-ground-rules


def test_gr001_group_without_ground_rules_fires() -> None:
    [flag] = run(gr.no_ground_rules, with_rules(None).build(), AS_OF)
    assert (flag.subject_id, flag.message) == ("g1", "'Group g1' has no agreed ground rules")
    assert "Easy Read" in flag.hint


def test_gr001_agreed_ground_rules_are_silent_from_the_day_agreed() -> None:
    reg = with_rules(GroundRules(agreed=AS_OF)).build()
    assert run(gr.no_ground_rules, reg, AS_OF) == []
    [flag] = run(gr.no_ground_rules, reg, AS_OF - timedelta(days=1))
    assert flag.message == "'Group g1' had no agreed ground rules on 2026-03-01 (they were agreed on 2026-03-02)"


# GR002 ground-rules-overdue-review


def test_gr002_exactly_twelve_months_is_silent_and_a_day_more_fires() -> None:
    assert run(gr.ground_rules_overdue_review, with_rules(GroundRules(agreed=date(2025, 3, 2))).build(), AS_OF) == []
    [flag] = run(gr.ground_rules_overdue_review, with_rules(GroundRules(agreed=date(2025, 3, 1))).build(), AS_OF)
    assert flag.message == (
        "The ground rules of 'Group g1' were last agreed or reviewed on 2025-03-01, 12 months ago; "
        "the policy asks for a review every 12 months"
    )


def test_gr002_months_are_calendar_months_clamped_to_the_month_end() -> None:
    rules = with_rules(GroundRules(agreed=date(2025, 2, 28))).build()
    assert run(gr.ground_rules_overdue_review, rules, date(2026, 2, 28)) == []
    rules = with_rules(GroundRules(agreed=date(2025, 2, 27))).build()
    assert len(run(gr.ground_rules_overdue_review, rules, date(2026, 2, 28))) == 1


def test_gr002_a_review_restarts_the_clock_but_not_one_after_as_of() -> None:
    reviewed = with_rules(GroundRules(agreed=date(2023, 1, 10), reviewed=date(2025, 6, 1))).build()
    assert run(gr.ground_rules_overdue_review, reviewed, AS_OF) == []
    future_review = with_rules(GroundRules(agreed=date(2023, 1, 10), reviewed=date(2026, 6, 1))).build()
    [flag] = run(gr.ground_rules_overdue_review, future_review, AS_OF)
    assert "on 2023-01-10, 37 months ago" in flag.message


def test_gr002_policy_months_change_the_outcome() -> None:
    reg = with_rules(GroundRules(agreed=date(2024, 6, 1))).build()
    assert len(run(gr.ground_rules_overdue_review, reg, AS_OF)) == 1
    assert run(gr.ground_rules_overdue_review, reg, AS_OF, Policy(ground_rules_review_months=24)) == []


def test_gr002_groups_without_rules_are_left_to_gr001() -> None:
    assert run(gr.ground_rules_overdue_review, with_rules(None).build(), AS_OF) == []


# GR003 ground-rules-not-acknowledged


def acknowledged(*acks: Acknowledgement, reviewed: date | None = date(2025, 9, 1)) -> RegisterBuilder:
    b = with_rules(GroundRules(agreed=date(2025, 1, 6), reviewed=reviewed, acknowledgements=acks))
    b.add_member("ann", USES_SERVICES, groups=["g1"], name="Ann")
    b.add_member("bob", STAFF, groups=["g1"], name="Bob")
    b.add_member("cy", STAFF, groups=["g1"], name="Cy", left=date(2026, 1, 1))
    return b


def test_gr003_acknowledged_on_the_review_day_is_silent_for_that_member() -> None:
    flags = run(gr.ground_rules_not_acknowledged, acknowledged(Acknowledgement("ann", date(2025, 9, 1))).build(), AS_OF)
    assert [(f.subject_id, f.message) for f in flags] == [
        ("bob", "Bob has not acknowledged the ground rules of 'Group g1' agreed or reviewed on 2025-09-01"),
    ]


def test_gr003_acknowledging_an_earlier_version_does_not_count() -> None:
    acks = (Acknowledgement("ann", date(2025, 8, 31)), Acknowledgement("bob", date(2025, 10, 1)))
    flags = run(gr.ground_rules_not_acknowledged, acknowledged(*acks).build(), AS_OF)
    assert [f.subject_id for f in flags] == ["ann"]
    # Without the review, the earlier acknowledgement is of the current rules.
    assert run(gr.ground_rules_not_acknowledged, acknowledged(*acks, reviewed=None).build(), AS_OF) == []


def test_gr003_acknowledgement_after_as_of_has_not_happened_yet() -> None:
    acks = (Acknowledgement("ann", date(2026, 3, 3)), Acknowledgement("bob", AS_OF))
    flags = run(gr.ground_rules_not_acknowledged, acknowledged(*acks).build(), AS_OF)
    assert [f.subject_id for f in flags] == ["ann"]


def test_gr003_former_members_and_groups_without_rules_are_not_judged() -> None:
    b = with_rules(None)
    b.add_member("ann", USES_SERVICES, groups=["g1"])
    assert run(gr.ground_rules_not_acknowledged, b.build(), AS_OF) == []
    flags = run(gr.ground_rules_not_acknowledged, acknowledged().build(), AS_OF)
    assert "cy" not in {f.subject_id for f in flags}


# GR004 ground-rules-not-easy-read


def easy_read_case(rules: GroundRules, *needs: AccessNeed | None) -> RegisterBuilder:
    b = with_rules(rules)
    for n, need in enumerate(needs):
        b.add_member(f"m{n}", USES_SERVICES, groups=["g1"], access_needs=None if need is None else frozenset({need}))
    return b


PLAIN = GroundRules(agreed=date(2025, 9, 1), rules=(GroundRule("Listen"), GroundRule("Be kind")))


def test_gr004_member_needing_easy_read_without_a_version_fires() -> None:
    b = easy_read_case(PLAIN, AccessNeed.EASY_READ, AccessNeed.EASY_READ, AccessNeed.BSL)
    [flag] = run(gr.ground_rules_not_easy_read, b.build(), AS_OF)
    assert (
        flag.message == "2 current members of 'Group g1' need Easy Read, but its ground rules have no Easy Read version"
    )


@pytest.mark.parametrize(
    "rules",
    [
        GroundRules(agreed=date(2025, 9, 1), easy_read_document="ground-rules-easy-read.pdf"),
        GroundRules(agreed=date(2025, 9, 1), rules=(GroundRule("Listen", easy_read="We listen"),)),
    ],
)
def test_gr004_easy_read_version_is_silent(rules: GroundRules) -> None:
    assert run(gr.ground_rules_not_easy_read, easy_read_case(rules, AccessNeed.EASY_READ).build(), AS_OF) == []


def test_gr004_one_rule_without_easy_read_wording_is_not_a_version() -> None:
    rules = GroundRules(
        agreed=date(2025, 9, 1), rules=(GroundRule("Listen", easy_read="We listen"), GroundRule("Be kind"))
    )
    assert len(run(gr.ground_rules_not_easy_read, easy_read_case(rules, AccessNeed.EASY_READ).build(), AS_OF)) == 1


def test_gr004_nobody_needing_easy_read_is_silent() -> None:
    assert run(gr.ground_rules_not_easy_read, easy_read_case(PLAIN, AccessNeed.LARGE_PRINT, None).build(), AS_OF) == []
    b = easy_read_case(PLAIN)
    b.add_member("gone", USES_SERVICES, groups=["g1"], access_needs=frozenset({AccessNeed.EASY_READ}), left=AS_OF)
    assert run(gr.ground_rules_not_easy_read, b.build(), AS_OF) == []


# GR005 irregular-meetings


def meetings_on(
    *days: date, cadence: Cadence | None = MONTHLY, status: MeetingStatus = MeetingStatus.HELD
) -> RegisterBuilder:
    b = RegisterBuilder()
    b.add_group("g1", cadence=cadence)
    for n, day in enumerate(days):
        b.add_meeting(f"m{n}", "g1", day, status=status)
    return b


def every(start: date, step_days: int, count: int) -> list[date]:
    return [start + timedelta(days=step_days * n) for n in range(count)]


def test_gr005_monthly_meetings_are_silent() -> None:
    assert run(gr.irregular_meetings, meetings_on(*every(date(2025, 3, 10), 30, 12)).build(), AS_OF) == []


def test_gr005_a_gap_of_exactly_45_days_is_silent_and_46_fires() -> None:
    days = [date(2025, 12, 1), date(2026, 1, 15), date(2026, 2, 20)]  # 45 and 36 days
    assert run(gr.irregular_meetings, meetings_on(*days).build(), AS_OF) == []
    days = [date(2025, 12, 1), date(2026, 1, 16), date(2026, 2, 20)]  # 46 and 35 days
    [flag] = run(gr.irregular_meetings, meetings_on(*days).build(), AS_OF)
    assert flag.message == (
        "'Group g1' meets monthly, but the longest gap between its held meetings in the 12 months to 2026-03-02 "
        "was 46 days (2025-12-01 to 2026-01-16); the policy allows up to 45 days"
    )


def test_gr005_time_since_the_last_held_meeting_counts() -> None:
    assert run(gr.irregular_meetings, meetings_on(AS_OF - timedelta(days=45)).build(), AS_OF) == []
    [flag] = run(gr.irregular_meetings, meetings_on(AS_OF - timedelta(days=46)).build(), AS_OF)
    assert "46 days have passed since its last held meeting on 2026-01-15" in flag.message


def test_gr005_gaps_that_ended_before_the_window_are_not_counted() -> None:
    # A 200-day gap ending 2025-02-20 (before 2025-03-02), then monthly meetings.
    days = [date(2024, 8, 4), *every(date(2025, 2, 20), 30, 13)]
    assert run(gr.irregular_meetings, meetings_on(*days).build(), AS_OF) == []
    # The same gap ending on the window's first day counts.
    days = [date(2024, 8, 4), *every(date(2025, 3, 2), 30, 13)]
    assert len(run(gr.irregular_meetings, meetings_on(*days).build(), AS_OF)) == 1


def test_gr005_cancelled_and_scheduled_meetings_do_not_count() -> None:
    b = meetings_on(date(2025, 12, 1), date(2026, 2, 20))
    b.add_meeting("c", "g1", date(2026, 1, 6), status=MeetingStatus.CANCELLED)
    b.add_meeting("s", "g1", date(2026, 1, 7), status=MeetingStatus.SCHEDULED)
    assert len(run(gr.irregular_meetings, b.build(), AS_OF)) == 1


def test_gr005_groups_without_cadence_or_held_meetings_are_not_judged() -> None:
    assert run(gr.irregular_meetings, meetings_on(date(2025, 1, 1), cadence=None).build(), AS_OF) == []
    assert run(gr.irregular_meetings, meetings_on().build(), AS_OF) == []
    assert (
        run(gr.irregular_meetings, meetings_on(date(2025, 1, 1), status=MeetingStatus.SCHEDULED).build(), AS_OF) == []
    )


def test_gr005_policy_factor_and_cadence_change_the_limit() -> None:
    reg = meetings_on(AS_OF - timedelta(days=46)).build()
    assert run(gr.irregular_meetings, reg, AS_OF, Policy(irregular_gap_factor=2.0)) == []
    weekly = meetings_on(AS_OF - timedelta(days=11), cadence=Cadence(Frequency.WEEKLY)).build()
    [flag] = run(gr.irregular_meetings, weekly, AS_OF)
    assert flag.message.endswith("the policy allows up to 10.5 days")
    weekly = meetings_on(AS_OF - timedelta(days=10), cadence=Cadence(Frequency.WEEKLY)).build()
    assert run(gr.irregular_meetings, weekly, AS_OF) == []


# GR006 no-terms-of-reference


@pytest.mark.parametrize(
    ("purpose", "terms", "fires"),
    [(None, None, True), ("  ", "", True), ("To shape services", None, False), (None, "terms.pdf", False)],
)
def test_gr006_purpose_or_terms_of_reference(purpose: str | None, terms: str | None, fires: bool) -> None:
    b = RegisterBuilder()
    b.add_group("g1", purpose=purpose, terms_of_reference=terms)
    flags = run(gr.no_terms_of_reference, b.build(), AS_OF)
    assert [f.message for f in flags] == (["'Group g1' has no recorded purpose or terms of reference"] if fires else [])


# Through the public API


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
