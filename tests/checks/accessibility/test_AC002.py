"""AC002: the check fires, and stays silent, at the edges of its rule; subjects and messages."""

from __future__ import annotations

from datetime import date

from coproduction.checks.accessibility.AC002_missing_accessible_format import missing_accessible_format
from coproduction.models import (
    AccessNeed,
    MeetingStatus,
    Membership,
    Paper,
    PaperFormat,
)
from tests.builders import USES_SERVICES, RegisterBuilder, run
from tests.checks.acc_builders import (
    findings,
    meeting,
    member,
    paper,
    register,
)
from tests.checks.accessibility.support import one_meeting
from tests.checks.support import AS_OF, _pairs


def test_ac002_fires_for_each_missing_format_with_counts_not_names():
    people = [
        member("p1", needs=[AccessNeed.EASY_READ]),
        member("p2", needs=[AccessNeed.EASY_READ, AccessNeed.LARGE_PRINT]),
        member("p3", needs=[AccessNeed.BSL]),
    ]
    reg = one_meeting(*people, papers=(paper("Budget"),))
    (finding,) = findings("AC002", reg)
    assert finding.message == (
        "Paper 'Budget' is not available in Easy Read (2 expected attendees) and large print (1 expected attendee)."
    )
    assert "Member p" not in finding.message


def test_ac002_silent_when_every_needed_format_exists():
    people = [member("p1", needs=[AccessNeed.EASY_READ]), member("p2", needs=[AccessNeed.BRAILLE])]
    formats = frozenset({PaperFormat.STANDARD, PaperFormat.EASY_READ, PaperFormat.BRAILLE})
    reg = one_meeting(*people, papers=(paper(formats=formats),))
    assert findings("AC002", reg) == []


def test_ac002_unasked_members_have_no_known_needs():
    reg = one_meeting(member("p1", needs=None), papers=(paper(),))
    assert findings("AC002", reg) == []


def test_ac002_expected_list_replaces_the_group():
    people = [member("p1", needs=[AccessNeed.AUDIO]), member("p2")]
    assert len(findings("AC002", one_meeting(*people, papers=(paper(),)))) == 1
    assert findings("AC002", one_meeting(*people, papers=(paper(),), expected=("p2",))) == []
    assert len(findings("AC002", one_meeting(*people, papers=(paper(),), expected=("p1", "ghost")))) == 1


def test_ac002_members_who_left_before_the_meeting_are_not_expected():
    reader = member("p1", needs=[AccessNeed.SCREEN_READER])
    left = [Membership("p1", "board", started=date(2025, 1, 1), left=date(2026, 11, 1))]
    reg = register(members=[reader], memberships=left, meetings=[meeting(papers=(paper(),))])
    assert findings("AC002", reg) == []
    stayed = [Membership("p1", "board", started=date(2025, 1, 1), left=date(2026, 11, 13))]
    reg = register(members=[reader], memberships=stayed, meetings=[meeting(papers=(paper(),))])
    assert len(findings("AC002", reg)) == 1


def test_ac002_papers_are_reported_in_title_order() -> None:
    b = RegisterBuilder()
    b.add_group("g1")
    b.add_member("ann", USES_SERVICES, groups=["g1"], access_needs=frozenset({AccessNeed.LARGE_PRINT}))
    b.add_meeting("m1", "g1", date(2026, 3, 10), status=MeetingStatus.SCHEDULED, papers=(Paper("Zoo"), Paper("Art")))
    assert _pairs(run(missing_accessible_format, b.build(), AS_OF)) == [
        ("m1", "Paper 'Art' is not available in large print (1 expected attendee)."),
        ("m1", "Paper 'Zoo' is not available in large print (1 expected attendee)."),
    ]
