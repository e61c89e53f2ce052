"""AC008 meeting-too-long: finds meetings that run longer than ``max_meeting_minutes`` (default 150) minutes, breaks
included.

The rule (:func:`meeting_too_long`), its metadata and its documentation (:data:`CHECK`);
``docs/checks/AC008.md`` is generated from them.
"""

from __future__ import annotations

from collections.abc import Iterator

from coproduction.checks.accessibility._common import _JUDGED
from coproduction.checks.engine import Check, CheckContext, CheckDoc, Flag, Principle, SubjectKind
from coproduction.checks.sources import DEFRA, cite, project_default
from coproduction.policy import Severity


def meeting_too_long(context: CheckContext) -> Iterator[Flag]:
    limit = context.policy.max_meeting_minutes
    for meeting in context.index.meetings_not_cancelled():
        minutes = meeting.minutes
        if minutes > limit:
            yield Flag(
                meeting.id,
                f"The meeting runs {minutes} minutes, longer than {limit}.",
                f"Shorten the agenda to {limit} minutes or less, or split it across two meetings.",
            )


CHECK = Check(
    code="AC008",
    name="meeting-too-long",
    principle=Principle.ACCESSIBILITY,
    severity=Severity.INFO,
    subject=SubjectKind.MEETING,
    doc=CheckDoc(
        what="Finds meetings that run longer than `max_meeting_minutes` (default 150) minutes, breaks included."
        + _JUDGED,
        why=(
            "Even with breaks, long meetings tire people, push out those with care or work commitments and "
            "leave the last items to whoever still has energy, often the staff."
        ),
        example="A meeting from 10:00 to 13:00 runs 180 minutes: AC008 reports it.",
        instead=(
            "Keep meetings to two and a half hours or less; move items to working groups or a second meeting."
        ),
        settings=("max_meeting_minutes",),
        sources=(
            project_default("max_meeting_minutes = 150"),
            cite("scie-guide-51", "the accessibility principle"),
            cite("practice-guidance", "a 10-minute break in meetings over 50 minutes", document=DEFRA),
        ),
    ),
    run=meeting_too_long,
)
