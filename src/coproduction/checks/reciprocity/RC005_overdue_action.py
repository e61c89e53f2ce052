"""RC005 overdue-action: finds actions from a meeting (not cancelled) whose due date is before the 'as of' date and
which are still open.

The rule (:func:`overdue_action`), its metadata and its documentation (:data:`CHECK`);
``docs/checks/RC005.md`` is generated from them.
"""

from __future__ import annotations

from collections.abc import Iterator

from coproduction.checks.engine import Check, CheckContext, CheckDoc, Flag, Principle, SubjectKind
from coproduction.checks.reciprocity._common import _days
from coproduction.checks.sources import cite
from coproduction.models.enums import ActionStatus
from coproduction.policy import Severity


def overdue_action(context: CheckContext) -> Iterator[Flag]:
    for meeting in context.index.meetings_not_cancelled():
        if not meeting.actions:
            continue
        overdue = sorted(
            {
                (action.due, action.text, action.owner or "")
                for action in meeting.actions
                if action.status is ActionStatus.OPEN and action.due is not None and action.due < context.as_of
            }
        )
        for due, text, owner in overdue:
            owned = f" (owner {owner})" if owner else ""
            yield Flag(
                meeting.id,
                f"Action '{text}'{owned} was due on {due.isoformat()}, {_days((context.as_of - due).days)} ago, "
                "and is still open.",
                "Finish it, agree a new due date with the group, or drop it and tell members why.",
            )


CHECK = Check(
    code="RC005",
    name="overdue-action",
    principle=Principle.RECIPROCITY,
    severity=Severity.INFO,
    subject=SubjectKind.MEETING,
    doc=CheckDoc(
        what=(
            "Finds actions from a meeting (not cancelled) whose due date is before the 'as of' date and which "
            "are still open. Actions done or dropped, and actions with no due date, are not reported."
        ),
        why=(
            "Actions are the group's promises. When they slip without a word, members with lived experience "
            "see their effort go nowhere."
        ),
        example=(
            "An action from the May board, 'send the carers' survey in Easy Read', was due on 30 June and is "
            "still open on 1 July: RC005 reports it."
        ),
        instead=(
            "Review open actions at every meeting; finish them, agree a new date, or drop them and say why."
        ),
        settings=(),
        sources=(
            cite("scie-guide-51", "the reciprocity principle"),
            cite("nhs-england-working-in-partnership", "feed back how people's input influenced decisions"),
        ),
    ),
    run=overdue_action,
)
