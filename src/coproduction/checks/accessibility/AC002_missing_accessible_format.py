"""AC002 missing-accessible-format: finds meeting papers that are not available in a format an expected attendee needs:
Easy Read, large print, screen-reader-ready, audio or braille.

The rule (:func:`missing_accessible_format`), its metadata and its documentation (:data:`CHECK`);
``docs/checks/AC002.md`` is generated from them.
"""

from __future__ import annotations

from collections.abc import Iterator

from coproduction.checks.accessibility._common import _JUDGED, _missing, _paper_key
from coproduction.checks.engine import Check, CheckContext, CheckDoc, Flag, Principle, SubjectKind
from coproduction.checks.sources import cite
from coproduction.models.enums import PaperFormat
from coproduction.policy import Severity

_FORMAT_WORDS = {
    PaperFormat.STANDARD: "standard print",
    PaperFormat.EASY_READ: "Easy Read",
    PaperFormat.LARGE_PRINT: "large print",
    PaperFormat.SCREEN_READER: "screen-reader-ready",
    PaperFormat.AUDIO: "audio",
    PaperFormat.BRAILLE: "braille",
}


def missing_accessible_format(context: CheckContext) -> Iterator[Flag]:
    index = context.index
    hint = "Produce the missing versions and send them out at the same time as the standard paper."
    # By (id of the meeting's need counts, paper's formats): meetings share both, and the index keeps the
    # counts (so their ids stay theirs), so each text is written once.
    details: dict[tuple[int, frozenset[PaperFormat]], str] = {}
    for meeting, _, needs in index.meetings_not_cancelled_with_needs():
        if not meeting.papers:
            continue
        papers = meeting.papers if len(meeting.papers) == 1 else sorted(meeting.papers, key=_paper_key)
        for paper in papers:
            formats = paper.formats
            detail = details.get((id(needs), formats))
            if detail is None:
                detail = details[id(needs), formats] = _missing(index.formats_needed(needs), formats, _FORMAT_WORDS)
            if detail:
                yield Flag(meeting.id, f"Paper '{paper.title}' is not available in {detail}.", hint)


CHECK = Check(
    code="AC002",
    name="missing-accessible-format",
    principle=Principle.ACCESSIBILITY,
    severity=Severity.ERROR,
    subject=SubjectKind.MEETING,
    doc=CheckDoc(
        what=(
            "Finds meeting papers that are not available in a format an expected attendee needs: Easy Read, "
            "large print, screen-reader-ready, audio or braille. Expected attendees are the meeting's expected "
            "list, or else the group's current members on the meeting's date."
        )
        + _JUDGED,
        why=(
            "A paper someone cannot read shuts them out of the discussion as surely as a locked door. A board "
            "member who is blind, or a self-advocate who reads Easy Read, needs the paper in their format at the "
            "same time as everyone else."
        ),
        example=(
            "One expected attendee needs large print and another needs Easy Read; the budget paper is published "
            "only in standard print: AC002 reports that it lacks Easy Read and large print."
        ),
        instead=(
            "Ask each member about their access needs when they join, keep the answers in the register, and "
            "commission each format when the paper is written, so that every version goes out together."
        ),
        settings=(),
        sources=(
            cite("scie-guide-51", "the accessibility principle"),
            cite("oxfordshire-breaking-down-barriers", "a board member who is registered blind"),
            cite("oxfordshire-scie-easy-read", "the Easy Read way of writing"),
            cite("equality-act-2010", "section 20, the duty to make reasonable adjustments, including auxiliary aids"),
        ),
    ),
    run=missing_accessible_format,
)
