"""AC003 inaccessible-venue: finds in-person and hybrid meetings whose venue lacks a feature an expected attendee
needs: step-free access, a hearing loop, an accessible toilet, a quiet room, a Changing Places toilet or accessible
parking.

The rule (:func:`inaccessible_venue`), its metadata and its documentation (:data:`CHECK`);
``docs/checks/AC003.md`` is generated from them.
"""

from __future__ import annotations

from collections.abc import Iterator

from coproduction.checks.accessibility._common import _JUDGED, _missing
from coproduction.checks.engine import Check, CheckContext, CheckDoc, Flag, Principle, SubjectKind
from coproduction.checks.sources import cite
from coproduction.models.enums import MeetingMode, VenueFeature
from coproduction.policy import Severity

_ONLINE = MeetingMode.ONLINE


_FEATURE_WORDS = {
    VenueFeature.STEP_FREE: "step-free access",
    VenueFeature.HEARING_LOOP: "a hearing loop",
    VenueFeature.ACCESSIBLE_TOILET: "an accessible toilet",
    VenueFeature.QUIET_ROOM: "a quiet room",
    VenueFeature.ACCESSIBLE_PARKING: "accessible parking",
    VenueFeature.CHANGING_PLACES: "a Changing Places toilet",
}


def inaccessible_venue(context: CheckContext) -> Iterator[Flag]:
    index = context.index
    details: dict[tuple[int, frozenset[VenueFeature]], str] = {}  # as in AC002
    for meeting, _, needs in index.meetings_not_cancelled_with_needs():
        if meeting.mode is _ONLINE:
            continue
        features: frozenset[VenueFeature] = meeting.venue.features if meeting.venue else frozenset()
        detail = details.get((id(needs), features))
        if detail is None:
            detail = details[id(needs), features] = _missing(index.features_needed(needs), features, _FEATURE_WORDS)
        if not detail:
            continue
        if meeting.venue is None:
            message = f"No venue is recorded, so nobody can confirm it has {detail}."
            hint = "Record the venue and its features, and book one that has what attendees need."
        else:
            message = f"The venue '{meeting.venue.name}' lacks {detail}."
            hint = "Move the meeting to a venue that has these features, or offer a hybrid option."
        yield Flag(meeting.id, message, hint)


CHECK = Check(
    code="AC003",
    name="inaccessible-venue",
    principle=Principle.ACCESSIBILITY,
    severity=Severity.ERROR,
    subject=SubjectKind.MEETING,
    doc=CheckDoc(
        what=(
            "Finds in-person and hybrid meetings whose venue lacks a feature an expected attendee needs: "
            "step-free access, a hearing loop, an accessible toilet, a quiet room, a Changing Places toilet or "
            "accessible parking. A meeting with no venue recorded is reported when anyone needs a feature, "
            "since nobody can confirm the venue has it."
        )
        + _JUDGED,
        why=(
            "If someone cannot get into the room, hear the discussion or find a toilet they can use, they "
            "cannot take part as an equal, and often stop coming."
        ),
        example=(
            "A member who uses a wheelchair is expected at the board, which meets on the first floor of a "
            "library with no lift: AC003 reports that the venue lacks step-free access."
        ),
        instead=(
            "Record each venue's features, check them against members' needs when booking, and move the meeting "
            "or offer a hybrid option when a venue falls short."
        ),
        settings=(),
        sources=(
            cite("scie-guide-51", "the accessibility principle"),
            cite("equality-act-2010", "section 20, the duty to make reasonable adjustments, including auxiliary aids"),
        ),
    ),
    run=inaccessible_venue,
)
