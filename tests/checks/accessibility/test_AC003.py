"""AC003: the check fires, and stays silent, at the edges of its rule; subjects and messages."""

from __future__ import annotations

from coproduction.models import (
    AccessNeed,
    MeetingMode,
    Venue,
    VenueFeature,
)
from tests.checks.acc_builders import (
    findings,
    member,
    messages,
)
from tests.checks.accessibility.support import one_meeting


def test_ac003_venue_lacking_a_needed_feature_fires():
    people = [member("p1", needs=[AccessNeed.STEP_FREE, AccessNeed.HEARING_LOOP]), member("p2", needs=[AccessNeed.BSL])]
    reg = one_meeting(*people, venue=Venue("Library", features=frozenset({VenueFeature.STEP_FREE})))
    (message,) = messages("AC003", reg)
    assert message == "The venue 'Library' lacks a hearing loop (1 expected attendee)."


def test_ac003_silent_when_venue_has_everything_or_meeting_is_online():
    needs = member("p1", needs=[AccessNeed.STEP_FREE, AccessNeed.QUIET_ROOM])
    venue = Venue("Hall", features=frozenset({VenueFeature.STEP_FREE, VenueFeature.QUIET_ROOM}))
    assert findings("AC003", one_meeting(needs, venue=venue)) == []
    assert findings("AC003", one_meeting(needs, mode=MeetingMode.ONLINE, venue=None)) == []


def test_ac003_hybrid_meetings_are_judged_and_missing_venue_fires():
    needs = member("p1", needs=[AccessNeed.ACCESSIBLE_TOILET])
    assert len(findings("AC003", one_meeting(needs, mode=MeetingMode.HYBRID))) == 1
    (message,) = messages("AC003", one_meeting(needs, venue=None))
    assert message.startswith("No venue is recorded")


def test_ac003_needs_that_are_not_venue_features_are_ignored():
    assert findings("AC003", one_meeting(member("p1", needs=[AccessNeed.BSL, AccessNeed.EASY_READ]))) == []
