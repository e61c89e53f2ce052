"""EQ004 staff-dominated-meeting: For each held meeting on or before the "as of" date, counts the members recorded as
present and how many of them have lived experience.

The rule (:func:`staff_dominated_meeting`), its metadata and its documentation (:data:`CHECK`);
``docs/checks/EQ004.md`` is generated from them.
"""

from __future__ import annotations

from collections.abc import Iterator

from coproduction.checks._queries import (
    is_under,
    percent,
    plural,
)
from coproduction.checks.engine import Check, CheckContext, CheckDoc, Flag, Principle, SubjectKind
from coproduction.checks.equality._common import _meeting_label
from coproduction.checks.sources import cite, project_default
from coproduction.policy import Severity


def staff_dominated_meeting(context: CheckContext) -> Iterator[Flag]:
    register, policy, as_of = context.register, context.policy, context.as_of
    share = policy.min_lived_experience_share_present
    index = context.index
    for group in register.groups:
        for meeting in index.held_meetings(group.id, as_of):
            present, lived = index.present_counts(meeting)
            if not present or not is_under(lived, present, share):
                continue
            message = (
                f"{lived} of {plural(present, 'person', 'people')} present at "
                f"{_meeting_label(meeting, context)} had lived experience "
                f"({percent(lived / present)}); the policy asks for at least {percent(share)}"
            )
            hint = (
                "Ask lived-experience members what would help them attend (times, transport, papers, "
                "payment), and keep the number of staff attending in proportion."
            )
            yield Flag(meeting.id, message, hint)


CHECK = Check(
    code="EQ004",
    name="staff-dominated-meeting",
    principle=Principle.EQUALITY,
    severity=Severity.WARNING,
    subject=SubjectKind.MEETING,
    doc=CheckDoc(
        what=(
            'For each held meeting on or before the "as of" date, counts the members recorded as present '
            "and how many of them have lived experience. Fires when that share is under "
            "`min_lived_experience_share_present`; exactly the share does not fire. Meetings with nobody "
            'recorded as present, scheduled or cancelled meetings, and meetings after the "as of" date are '
            "not judged. Attendees who are not in the register's members are not counted. "
            "A meeting's date is its start's date in the policy's `timezone`."
        ),
        why=(
            "A board can have a lived-experience majority on paper while staff fill the room. Equality is "
            "about who is actually there when things are discussed."
        ),
        example="A held board meeting with 8 people present, 2 of them carers and 6 staff: 25%, under 40%.",
        instead=(
            "Ask lived-experience members what stops them coming (time, transport, papers, payment) and fix "
            "it; limit the number of staff who attend; postpone items that need lived-experience voices."
        ),
        settings=("min_lived_experience_share_present", "timezone"),
        sources=(
            cite("scie-guide-51", "the equality principle"),
            cite("oxfordshire-ccg-coproduction", "board members sit as equals with staff"),
            project_default("min_lived_experience_share_present = 0.4"),
        ),
    ),
    run=staff_dominated_meeting,
)
