"""EQ005 agenda-led-by-staff-only: Counts a meeting's agenda items and how many are led or co-led by a member with
lived experience.

The rule (:func:`agenda_led_by_staff_only`), its metadata and its documentation (:data:`CHECK`);
``docs/checks/EQ005.md`` is generated from them.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from coproduction.checks._queries import (
    is_under,
    percent,
    plural,
)
from coproduction.checks.engine import Check, CheckContext, CheckDoc, Flag, Principle, SubjectKind
from coproduction.checks.equality._common import _meeting_label
from coproduction.checks.sources import cite, project_default
from coproduction.models.enums import MeetingStatus
from coproduction.models.meeting import Meeting
from coproduction.policy import Severity

_HELD = MeetingStatus.HELD


_SCHEDULED = MeetingStatus.SCHEDULED


def _eq005_judged(meeting: Meeting, day: date, as_of: date) -> bool:
    """Held meetings up to "as of" (what happened) and scheduled ones from "as of" on (what can still change)."""
    if meeting.status is _HELD:
        return day <= as_of
    if meeting.status is _SCHEDULED:
        return day >= as_of
    return False


def agenda_led_by_staff_only(context: CheckContext) -> Iterator[Flag]:
    register, policy = context.register, context.policy
    share = policy.min_lived_experience_led_items
    index = context.index
    lived = index.lived_experience_ids()  # known ids: a lead among them is a known member with lived experience
    asks = f"; the policy asks for at least {percent(share)}"
    for group in register.groups:
        for meeting in register.meetings_by_group.get(group.id, ()):
            if not meeting.agenda or not _eq005_judged(meeting, index.meeting_day(meeting), context.as_of):
                continue
            led = len([item for item in meeting.agenda if not lived.isdisjoint(item.leads)])
            total = len(meeting.agenda)
            if not is_under(led, total, share):
                continue
            unled = sum(1 for item in meeting.agenda if not item.leads)
            note = f" ({plural(unled, 'item')} with no lead recorded)" if unled else ""
            message = (
                f"{led} of {plural(total, 'agenda item')} at {_meeting_label(meeting, context)} "
                f"{'is' if led == 1 else 'are'} led or co-led by a member with lived experience "
                f"({percent(led / total)}){note}{asks}"
            )
            hint = (
                "Plan the agenda with the lived-experience co-chair and invite lived-experience members to "
                "lead or co-lead items, with time to prepare and support; record each item's leads."
            )
            yield Flag(meeting.id, message, hint)


CHECK = Check(
    code="EQ005",
    name="agenda-led-by-staff-only",
    principle=Principle.EQUALITY,
    severity=Severity.WARNING,
    subject=SubjectKind.MEETING,
    doc=CheckDoc(
        what=(
            "Counts a meeting's agenda items and how many are led or co-led by a member with lived "
            "experience. Fires when that share is under `min_lived_experience_led_items`; exactly the share "
            "does not fire. Items with no recorded lead count as not led by lived experience. Judged: held "
            'meetings on or before the "as of" date, and scheduled meetings on or after it (their agenda '
            "can still change). Not judged: cancelled meetings, meetings without an agenda, held meetings "
            'after the "as of" date and scheduled meetings before it (their status was never updated). '
            "A meeting's date is its start's date in the policy's `timezone`."
        ),
        why=(
            "Leading an agenda item means setting the question and the frame of the discussion. If staff "
            "lead every item, lived-experience members only react to staff's agenda."
        ),
        example=(
            "An agenda of 5 items, all presented by council officers: 0 of 5 led by lived experience, under "
            "the default 25%."
        ),
        instead=(
            "Plan the agenda with the lived-experience co-chair, and invite lived-experience members to lead "
            "or co-lead items, with preparation time and support. Record every item's leads."
        ),
        settings=("min_lived_experience_led_items", "timezone"),
        sources=(
            cite("scie-guide-51", "the equality principle"),
            cite("oxfordshire-ccg-coproduction", "board members sit as equals with staff"),
            project_default("min_lived_experience_led_items = 0.25"),
        ),
    ),
    run=agenda_led_by_staff_only,
)
