"""RC003 training-not-completed: finds current members (of any group) with no co-production training completed within
``training_within_days`` (default 180) days of joining.

The rule (:func:`training_not_completed`), its metadata and its documentation (:data:`CHECK`);
``docs/checks/RC003.md`` is generated from them.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from coproduction.checks.engine import Check, CheckContext, CheckDoc, Flag, Principle, SubjectKind
from coproduction.checks.reciprocity._common import _days, days_after
from coproduction.checks.sources import cite, project_default
from coproduction.models.member import Member
from coproduction.policy import Severity


def joined_on(context: CheckContext, member: Member) -> date | None:
    """When the member joined: ``Member.joined``, or else the earliest start of their memberships."""
    if member.joined is not None:
        return member.joined
    starts = [ms.started for ms in context.register.memberships_by_member.get(member.id, ()) if ms.started]
    return min(starts) if starts else None


def training_not_completed(context: CheckContext) -> Iterator[Flag]:
    as_of, within = context.as_of, context.policy.training_within_days
    current = context.index.current_anywhere(as_of)
    hint = "Offer co-production training now, at a time and in a format that suits the member."
    messages: dict[date, str | None] = {}  # by joining date (members join on the same days); None: not yet due
    for member_id, member in context.register.member_by_id.items():
        if member_id not in current:
            continue
        joined = joined_on(context, member)
        if joined is None:
            continue
        if joined in messages:
            message = messages[joined]
        else:
            message = messages[joined] = _untrained_message(joined, within, as_of)
        if message is None:
            continue
        for training in member.training:
            if training.coproduction and training.completed <= as_of:
                break
        else:  # no co-production training completed
            yield Flag(member.id, message, hint)


def _untrained_message(joined: date, within: int, as_of: date) -> str | None:
    """RC003's message for a member who joined on ``joined``; ``None`` while the days for training last."""
    deadline = days_after(joined, within)
    if as_of <= deadline:
        return None
    return (
        f"Joined on {joined.isoformat()}; no co-production training completed by "
        f"{deadline.isoformat()}, {_days(within)} later."
    )


CHECK = Check(
    code="RC003",
    name="training-not-completed",
    principle=Principle.RECIPROCITY,
    severity=Severity.WARNING,
    subject=SubjectKind.MEMBER,
    doc=CheckDoc(
        what=(
            "Finds current members (of any group) with no co-production training completed within "
            "`training_within_days` (default 180) days of joining. The joining date is the member's own, or "
            "else the start of their earliest membership; a member with neither is not judged. Training before "
            "joining counts. The check waits until that period has passed, so a new member is not reported, and "
            "it stops once training is recorded, even if late: a finding that nothing can clear would only "
            "teach people to ignore it."
        ),
        why=(
            "Training is part of what members get back, and it lets people with lived experience and staff "
            "work on the same footing. Members who are never trained are left to pick up the rules alone."
        ),
        example=(
            "A carer joined the champions network on 2 January 2026 and has no co-production training recorded "
            "by 1 July 2026, 180 days later: from 2 July RC003 reports it."
        ),
        instead=(
            "Offer co-production training, co-produced with members, within six months of joining, and record "
            "it in the member's training list."
        ),
        settings=("training_within_days",),
        sources=(
            cite("oxfordshire-breaking-down-barriers", "the programme's co-produced training"),
            cite("scie-guide-51", "the reciprocity principle"),
            project_default("training_within_days = 180"),
        ),
    ),
    run=training_not_completed,
)
