"""AC007 inaccessible-hours: finds meetings that start before ``earliest_start`` (default 09:30) or end after
``latest_end`` (default 16:00), local time in the policy's time zone.

The rule (:func:`inaccessible_hours`), its metadata and its documentation (:data:`CHECK`);
``docs/checks/AC007.md`` is generated from them.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import time

from coproduction.checks._queries import in_zone, policy_zone
from coproduction.checks.accessibility._common import _JUDGED
from coproduction.checks.engine import Check, CheckContext, CheckDoc, Flag, Principle, SubjectKind
from coproduction.checks.sources import OXFORDSHIRE_HWB, cite
from coproduction.policy import Severity


def inaccessible_hours(context: CheckContext) -> Iterator[Flag]:
    policy = context.policy
    meetings = context.index.meetings_not_cancelled()
    if not meetings:
        return  # (and an unknown time zone is nothing to report without meetings)
    zone = policy_zone(policy.timezone)
    for meeting in meetings:
        start = in_zone(meeting.start, zone)
        end = in_zone(meeting.end, zone)
        problems = []
        if start.time() < policy.earliest_start:
            problems.append(f"starts at {start:%H:%M}, before {_hhmm(policy.earliest_start)}")
        if end.date() > start.date() or end.time() > policy.latest_end:
            problems.append(f"ends at {end:%H:%M}, after {_hhmm(policy.latest_end)}")
        if problems:
            yield Flag(
                meeting.id,
                f"The meeting {' and '.join(problems)}.",
                f"Hold meetings between {_hhmm(policy.earliest_start)} and {_hhmm(policy.latest_end)} so carers "
                "and people who rely on transport or care visits can come, unless members agreed other hours.",
            )


def _hhmm(moment: time) -> str:
    return moment.strftime("%H:%M")


CHECK = Check(
    code="AC007",
    name="inaccessible-hours",
    principle=Principle.ACCESSIBILITY,
    severity=Severity.WARNING,
    subject=SubjectKind.MEETING,
    doc=CheckDoc(
        what=(
            "Finds meetings that start before `earliest_start` (default 09:30) or end after `latest_end` (default "
            "16:00), local time in the policy's time zone. "
            "A meeting that ends on a later day than it starts ends too late."
        )
        + _JUDGED,
        why=(
            "Carers have mornings and school runs to manage, people who use services may depend on care visits "
            "and accessible transport, and concessionary bus passes often start at 09:30. Meetings outside these "
            "hours quietly exclude them."
        ),
        example="A meeting from 17:30 to 19:00 ends after 16:00: AC007 reports it.",
        instead=(
            "Meet between 09:30 and 16:00, as Oxfordshire's Health and Wellbeing Board did when it moved to "
            "13:00-16:00, unless members have agreed other hours."
        ),
        settings=("earliest_start", "latest_end", "timezone"),
        sources=(
            cite("nottingham-meeting-hours", "key meetings between 09:30 and 16:00, for people with caring duties"),
            cite("practice-guidance", "meetings moved to 13:00-16:00", document=OXFORDSHIRE_HWB),
            cite("scie-guide-51", "the accessibility principle"),
        ),
    ),
    run=inaccessible_hours,
)
