"""AC005 no-remote-access: finds online and hybrid meetings with no joining link recorded, and online and hybrid
meetings where an expected attendee needs captions and none are provided.

The rule (:func:`no_remote_access`), its metadata and its documentation (:data:`CHECK`);
``docs/checks/AC005.md`` is generated from them.
"""

from __future__ import annotations

from collections.abc import Iterator

from coproduction.checks.accessibility._common import _JUDGED, _people_need
from coproduction.checks.engine import Check, CheckContext, CheckDoc, Flag, Principle, SubjectKind
from coproduction.checks.sources import cite
from coproduction.models.enums import AccessNeed, MeetingMode
from coproduction.policy import Severity

_CAPTIONS = AccessNeed.CAPTIONS


_IN_PERSON = MeetingMode.IN_PERSON


def no_remote_access(context: CheckContext) -> Iterator[Flag]:
    for meeting, _, needs in context.index.meetings_not_cancelled_with_needs():
        if meeting.mode is _IN_PERSON:
            continue
        if not (meeting.joining_link and meeting.joining_link.strip()):
            yield Flag(
                meeting.id,
                f"This {meeting.mode.value} meeting has no joining link.",
                "Record the joining link and send it to members with the papers.",
            )
        captioned = needs.get(_CAPTIONS, 0)
        if captioned and not meeting.captions:
            yield Flag(
                meeting.id,
                f"{_people_need(captioned)} captions and none are provided.",
                "Turn on captions in the meeting software, or book a live captioner.",
            )


CHECK = Check(
    code="AC005",
    name="no-remote-access",
    principle=Principle.ACCESSIBILITY,
    severity=Severity.WARNING,
    subject=SubjectKind.MEETING,
    doc=CheckDoc(
        what=(
            "Finds online and hybrid meetings with no joining link recorded, and online and hybrid meetings "
            "where an expected attendee needs captions and none are provided. (Captions at in-person meetings "
            "are a matter of live captioning at the venue and are not judged here.)"
        )
        + _JUDGED,
        why=(
            "Online meetings let people take part who cannot travel, but only if they can get in and follow the "
            "discussion. A missing link leaves people waiting outside; no captions shuts out people who are "
            "deaf or hard of hearing."
        ),
        example=(
            "A hybrid board meeting has no joining link in the register two days before it: AC005 reports it."
        ),
        instead=(
            "Send the joining link with the papers, and turn on captions (or book a live captioner) whenever "
            "an expected attendee needs them."
        ),
        settings=(),
        sources=(
            cite("scie-guide-51", "the accessibility principle"),
            cite("equality-act-2010", "section 20, the duty to make reasonable adjustments, including auxiliary aids"),
        ),
    ),
    run=no_remote_access,
)
