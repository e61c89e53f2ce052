"""AC004 no-interpreter-booked: finds meetings where an expected attendee needs British Sign Language and fewer
interpreters are booked than needed: 2 for meetings of ``two_interpreters_from_minutes`` (default 120) minutes or
longer, otherwise 1.

The rule (:func:`no_interpreter_booked`), its metadata and its documentation (:data:`CHECK`);
``docs/checks/AC004.md`` is generated from them.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

from coproduction.checks.accessibility._common import _JUDGED, _people_need
from coproduction.checks.engine import Check, CheckContext, CheckDoc, Flag, Principle, SubjectKind
from coproduction.checks.sources import ASLI, cite
from coproduction.models.enums import AccessNeed
from coproduction.policy import Severity

_BSL = AccessNeed.BSL


def no_interpreter_booked(context: CheckContext) -> Iterator[Flag]:
    from_minutes = context.policy.two_interpreters_from_minutes
    for meeting, _, needs in context.index.meetings_not_cancelled_with_needs():
        signers = needs.get(_BSL, 0)
        if not signers:
            continue
        minutes = meeting.minutes
        needed = 2 if minutes >= from_minutes else 1
        if meeting.bsl_interpreters < needed:
            yield Flag(meeting.id, *_interpreter_texts(signers, meeting.bsl_interpreters, minutes, from_minutes))


@lru_cache(maxsize=1024)
def _interpreter_texts(signers: int, booked: int, minutes: int, from_minutes: int) -> tuple[str, str]:
    """AC004's message and hint; the same few numbers recur across meetings, so each is written once."""
    needed = 2 if minutes >= from_minutes else 1
    why = f"the meeting runs {minutes} minutes" + (f", {from_minutes} or more" if needed == 2 else "")
    return (
        f"{_people_need(signers)} British Sign Language; "
        f"{booked} interpreter{'s' if booked != 1 else ''} booked, {needed} needed ({why}).",
        f"Book {needed - booked} more BSL interpreter{'s' if needed - booked != 1 else ''} now.",
    )


CHECK = Check(
    code="AC004",
    name="no-interpreter-booked",
    principle=Principle.ACCESSIBILITY,
    severity=Severity.ERROR,
    subject=SubjectKind.MEETING,
    doc=CheckDoc(
        what=(
            "Finds meetings where an expected attendee needs British Sign Language and fewer interpreters are "
            "booked than needed: 2 for meetings of `two_interpreters_from_minutes` (default 120) minutes or longer, "
            "otherwise 1. Applies to online "
            "meetings too."
        )
        + _JUDGED,
        why=(
            "Interpreting is tiring: on long assignments two interpreters take turns so that what is said stays "
            "accurate to the end. Without an interpreter a Deaf member cannot take part at all."
        ),
        example=(
            "A Deaf member is expected at a 150-minute board meeting with one interpreter booked: AC004 "
            "reports that 2 are needed."
        ),
        instead=(
            "Book interpreters when the meeting is set, as early as possible (they are in short supply), and "
            "book two for meetings of two hours or more."
        ),
        settings=("two_interpreters_from_minutes",),
        sources=(
            cite("practice-guidance", "two interpreters for assignments of two hours or more", document=ASLI),
            cite("equality-act-2010", "section 20, the duty to make reasonable adjustments, including auxiliary aids"),
            cite("scie-guide-51", "the accessibility principle"),
        ),
    ),
    run=no_interpreter_booked,
)
