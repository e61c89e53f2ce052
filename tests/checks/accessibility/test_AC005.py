"""AC005: the check fires, and stays silent, at the edges of its rule; subjects and messages."""

from __future__ import annotations

import pytest

from coproduction.models import (
    AccessNeed,
    MeetingMode,
)
from tests.checks.acc_builders import (
    findings,
    member,
    messages,
)
from tests.checks.accessibility.support import one_meeting


@pytest.mark.parametrize(
    ("mode", "link", "fires"),
    [
        (MeetingMode.ONLINE, None, True),
        (MeetingMode.ONLINE, "   ", True),
        (MeetingMode.HYBRID, None, True),
        (MeetingMode.ONLINE, "https://meet.example/board", False),
        (MeetingMode.IN_PERSON, None, False),
    ],
)
def test_ac005_joining_link(mode, link, fires):
    assert bool(findings("AC005", one_meeting(mode=mode, joining_link=link))) is fires


def test_ac005_captions_needed_online():
    viewer = member("p1", needs=[AccessNeed.CAPTIONS])
    link = "https://meet.example/board"
    (message,) = messages("AC005", one_meeting(viewer, mode=MeetingMode.HYBRID, joining_link=link))
    assert message == "1 expected attendee needs captions and none are provided."
    assert findings("AC005", one_meeting(viewer, mode=MeetingMode.ONLINE, joining_link=link, captions=True)) == []
    assert findings("AC005", one_meeting(viewer, mode=MeetingMode.IN_PERSON)) == []
