"""GR002 ground-rules-overdue-review: Fires when a group's ground rules were last agreed or reviewed more than
``ground_rules_review_months`` calendar months before the "as of" date.

The rule (:func:`ground_rules_overdue_review`), its metadata and its documentation (:data:`CHECK`);
``docs/checks/GR002.md`` is generated from them.
"""

from __future__ import annotations

from collections.abc import Iterator

from coproduction.checks._queries import (
    group_label,
    months_before,
    plural,
    rules_current_since,
    whole_months_between,
)
from coproduction.checks.engine import Check, CheckContext, CheckDoc, Flag, Principle, SubjectKind
from coproduction.checks.sources import RULES_TO_TALK, cite, project_default
from coproduction.policy import Severity


def ground_rules_overdue_review(context: CheckContext) -> Iterator[Flag]:
    months = context.policy.ground_rules_review_months
    due_after = months_before(context.as_of, months)
    for group in context.register.groups:
        if group.ground_rules is None:
            continue
        since = rules_current_since(group.ground_rules, context.as_of)
        if since is None or since >= due_after:
            continue
        ago = whole_months_between(since, context.as_of)
        message = (
            f"The ground rules of {group_label(group)} were last agreed or reviewed on {since.isoformat()}, "
            f"{plural(ago, 'month')} ago; the policy asks for a review every {plural(months, 'month')}"
        )
        hint = (
            "Put the ground rules on the next meeting's agenda, review them together (in Easy Read too), "
            "and record the review date."
        )
        yield Flag(group.id, message, hint)


CHECK = Check(
    code="GR002",
    name="ground-rules-overdue-review",
    principle=Principle.GOVERNANCE,
    severity=Severity.WARNING,
    subject=SubjectKind.GROUP,
    doc=CheckDoc(
        what=(
            "Fires when a group's ground rules were last agreed or reviewed more than "
            '`ground_rules_review_months` calendar months before the "as of" date. Exactly that many '
            "months (agreed 1 March 2025, as of 1 March 2026 with 12) is not overdue; a day more is. A "
            'review dated after the "as of" date has not happened yet and is not counted.'
        ),
        why=(
            "Members change and groups learn. Ground rules that nobody has looked at for years are rarely "
            "known to newer members, and may not reflect how the group wants to work now."
        ),
        example="Ground rules agreed in January 2024 and never reviewed, checked as of March 2026.",
        instead="Review the ground rules together at a meeting and record the review date.",
        settings=("ground_rules_review_months",),
        sources=(
            cite("oxfordshire-scie-easy-read", RULES_TO_TALK),
            cite("scie-guide-51", ""),
            project_default("ground_rules_review_months = 12"),
        ),
    ),
    run=ground_rules_overdue_review,
)
