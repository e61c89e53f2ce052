"""AC006 no-break: finds meetings that run longer than ``max_minutes_without_break`` (default 90) minutes with no
scheduled break, and meetings whose breaks still leave a stretch longer than that (for example a 3-hour meeting with
one break after 20 minutes).

The rule (:func:`no_break`), its metadata and its documentation (:data:`CHECK`);
``docs/checks/AC006.md`` is generated from them.
"""

from __future__ import annotations

from collections.abc import Iterator

from coproduction.checks.accessibility._common import _JUDGED
from coproduction.checks.engine import Check, CheckContext, CheckDoc, Flag, Principle, SubjectKind
from coproduction.checks.sources import DEFRA, cite, project_default
from coproduction.models.meeting import Meeting
from coproduction.policy import Severity


def longest_stretch_without_break(meeting: Meeting) -> int:
    """The longest run of minutes between the start, the scheduled breaks and the end."""
    total = max(meeting.minutes, 0)
    position = 0
    longest = 0
    breaks = meeting.breaks
    if len(breaks) > 1:
        breaks = tuple(sorted(breaks, key=lambda b: (b.after_minutes, b.minutes)))
    for brk in breaks:
        starts = min(max(brk.after_minutes, 0), total)
        ends = min(max(brk.after_minutes + max(brk.minutes, 0), 0), total)
        if starts > position:
            longest = max(longest, starts - position)
        position = max(position, ends)
    return max(longest, total - position)


def no_break(context: CheckContext) -> Iterator[Flag]:
    limit = context.policy.max_minutes_without_break
    for meeting in context.index.meetings_not_cancelled():
        if max(meeting.minutes, 0) <= limit:
            continue  # no stretch is longer than the whole meeting
        stretch = longest_stretch_without_break(meeting)
        if stretch <= limit:
            continue
        if not meeting.breaks:
            message = f"The meeting runs {meeting.minutes} minutes with no scheduled break (limit {limit})."
        else:
            message = f"The meeting has a stretch of {stretch} minutes without a break (limit {limit})."
        yield Flag(
            meeting.id,
            message,
            f"Schedule a break of at least 10 minutes so no stretch runs longer than {limit} minutes.",
        )


CHECK = Check(
    code="AC006",
    name="no-break",
    principle=Principle.ACCESSIBILITY,
    severity=Severity.WARNING,
    subject=SubjectKind.MEETING,
    doc=CheckDoc(
        what=(
            "Finds meetings that run longer than `max_minutes_without_break` (default 90) minutes with no "
            "scheduled break, and meetings whose breaks still leave a stretch longer than that (for example a "
            "3-hour meeting with one break after 20 minutes)."
        )
        + _JUDGED,
        why=(
            "Long stretches without a break exclude people with pain, fatigue, anxiety or learning "
            "disabilities, people who need medication or the toilet, and interpreters. Regular breaks keep "
            "everyone able to take part to the end."
        ),
        example="A board meeting runs from 10:00 to 12:00 with no break: AC006 reports 120 minutes without one.",
        instead=(
            "Put a break of at least 10 minutes on the agenda at least every 90 minutes, and say when it will "
            "be so people can plan."
        ),
        settings=("max_minutes_without_break",),
        sources=(
            cite("practice-guidance", "a 10-minute break in meetings over 50 minutes", document=DEFRA),
            cite("scie-guide-51", "the accessibility principle"),
            project_default("max_minutes_without_break = 90"),
        ),
    ),
    run=no_break,
)
