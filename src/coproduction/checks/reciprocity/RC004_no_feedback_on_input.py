"""RC004 no-feedback-on-input: finds agenda items at held meetings where people with lived experience gave input and no
outcome ('you said, we did') was recorded within ``feedback_within_days`` (default 90) days of the meeting.

The rule (:func:`no_feedback_on_input`), its metadata and its documentation (:data:`CHECK`);
``docs/checks/RC004.md`` is generated from them.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from coproduction.checks.engine import Check, CheckContext, CheckDoc, Flag, Principle, SubjectKind
from coproduction.checks.reciprocity._common import _HELD, _days, days_after
from coproduction.checks.sources import cite, project_default
from coproduction.policy import Severity


def no_feedback_on_input(context: CheckContext) -> Iterator[Flag]:
    within, as_of = context.policy.feedback_within_days, context.as_of
    after = f"' had input from people with lived experience and no outcome recorded {_days(within)} after the meeting."
    hint = "Record what was done with their input and tell the group ('you said, we did')."
    deadlines: dict[date, date] = {}  # by meeting day: meetings share days
    for meeting, day, _ in context.index.meetings_not_cancelled_with_needs():
        if meeting.status is not _HELD:
            continue
        deadline = deadlines.get(day)
        if deadline is None:
            deadline = deadlines[day] = days_after(day, within)
        if as_of <= deadline:
            continue
        items = {
            (item.title, item.outcome.recorded if item.outcome else None)
            for item in meeting.agenda
            if item.lived_experience_input
        }
        for title, recorded in sorted(items, key=_title_then_recorded) if len(items) > 1 else items:
            if recorded is None or recorded > as_of:
                yield Flag(meeting.id, "Item '" + title + after, hint)


def _title_then_recorded(pair: tuple[str, date | None]) -> tuple[str, date]:
    return (pair[0], pair[1] or date.min)


CHECK = Check(
    code="RC004",
    name="no-feedback-on-input",
    principle=Principle.RECIPROCITY,
    severity=Severity.WARNING,
    subject=SubjectKind.MEETING,
    doc=CheckDoc(
        what=(
            "Finds agenda items at held meetings where people with lived experience gave input and no outcome "
            "('you said, we did') was recorded within `feedback_within_days` (default 90) days of the meeting. The "
            "check waits until those days have passed, and stops once an outcome is recorded, even a late one."
        ),
        why=(
            "People give their time to change things. If they never hear what happened to their input, they "
            "conclude it made no difference, and stop taking part. Feeding back is how trust is built."
        ),
        example=(
            "At the board on 10 March members with lived experience advised on the new carers' strategy; by "
            "8 June, 90 days later, no outcome is recorded: from 9 June RC004 reports it."
        ),
        instead=(
            "Record on each item what was done with people's input, and report it back to the group (a "
            "'you said, we did' paper) within three months."
        ),
        settings=("feedback_within_days", "timezone"),
        sources=(
            cite("nhs-england-working-in-partnership", "feed back how people's input influenced decisions"),
            cite("scie-guide-51", "the reciprocity principle"),
            project_default("feedback_within_days = 90"),
        ),
    ),
    run=no_feedback_on_input,
)
