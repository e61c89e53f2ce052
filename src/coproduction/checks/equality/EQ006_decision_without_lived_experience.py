"""EQ006 decision-without-lived-experience: For each held meeting on or before the "as of" date that recorded at least
one decision, counts the members present.

The rule (:func:`decision_without_lived_experience`), its metadata and its documentation (:data:`CHECK`);
``docs/checks/EQ006.md`` is generated from them.
"""

from __future__ import annotations

from collections.abc import Iterator

from coproduction.checks._queries import (
    plural,
)
from coproduction.checks.engine import Check, CheckContext, CheckDoc, Flag, Principle, SubjectKind
from coproduction.checks.equality._common import _meeting_label
from coproduction.checks.sources import NORTH_CUMBRIA, cite
from coproduction.policy import Severity


def decision_without_lived_experience(context: CheckContext) -> Iterator[Flag]:
    register, policy, as_of = context.register, context.policy, context.as_of
    minimum = policy.min_lived_experience_for_decisions
    index = context.index
    for group in register.groups:
        for meeting in index.held_meetings(group.id, as_of):
            if not meeting.decisions:
                continue
            present, lived = index.present_counts(meeting)
            reasons: list[str] = []
            if lived < minimum:
                reasons.append(
                    f"{plural(lived, 'member')} with lived experience {'was' if lived == 1 else 'were'} "
                    f"present (the policy asks for at least {minimum})"
                )
            if group.quorum is not None and present < group.quorum:
                reasons.append(
                    f"{plural(present, 'member')} {'was' if present == 1 else 'were'} present, "
                    f"under the group's quorum of {group.quorum}"
                )
            if not reasons:
                continue
            decisions = plural(len(meeting.decisions), "decision")
            message = f"{decisions} recorded at {_meeting_label(meeting, context)} while " + " and ".join(reasons)
            hint = (
                "Bring the decision back to a meeting where enough lived-experience members are present, or "
                "confirm it with them, and record who was present."
            )
            yield Flag(meeting.id, message, hint)


CHECK = Check(
    code="EQ006",
    name="decision-without-lived-experience",
    principle=Principle.EQUALITY,
    severity=Severity.ERROR,
    subject=SubjectKind.MEETING,
    doc=CheckDoc(
        what=(
            'For each held meeting on or before the "as of" date that recorded at least one decision, '
            "counts the members present. Fires when fewer than `min_lived_experience_for_decisions` of them "
            "have lived experience, or when the group has a quorum and fewer members than the quorum were "
            "present. Both reasons are given in one finding. "
            "A meeting's date is its start's date in the policy's `timezone`."
        ),
        why=(
            "A decision taken when people who use services and carers are not in the room is a decision "
            "made for them, not with them. Lanarkshire Links asks for at least 2 people who use services "
            "and 2 carers on any committee; a quorum makes sure a decision is the group's."
        ),
        example=(
            "A board meeting attended by 5 staff and 1 carer records the decision 'approve the new day "
            "services specification'."
        ),
        instead=(
            "Defer the decision to a meeting where enough lived-experience members are present, or take it "
            "again with them; set a quorum that includes lived-experience members."
        ),
        settings=("min_lived_experience_for_decisions", "timezone"),
        sources=(
            cite("lanarkshire-links", "at least two service users and two carers as members of a group or committee"),
            cite("practice-guidance", "quorum and who counts as a member", document=NORTH_CUMBRIA),
            cite("scie-guide-51", "the equality principle"),
        ),
    ),
    run=decision_without_lived_experience,
)
