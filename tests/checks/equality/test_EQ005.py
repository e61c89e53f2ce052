"""EQ005: the check fires, and stays silent, at the edges of its rule; subjects and messages."""

from __future__ import annotations

from datetime import date

import pytest

from coproduction.checks.equality.EQ005_agenda_led_by_staff_only import agenda_led_by_staff_only
from coproduction.models import (
    AgendaItem,
    MeetingStatus,
)
from coproduction.policy import Policy
from tests.builders import STAFF, USES_SERVICES, RegisterBuilder, run
from tests.checks.equality.support import AS_OF, EARLIER, LATER, board


def agenda(*leads: tuple[str, ...]) -> tuple[AgendaItem, ...]:
    return tuple(AgendaItem(f"Item {n}", leads=lead) for n, lead in enumerate(leads, start=1))


def test_eq005_exactly_a_quarter_is_silent() -> None:
    b = board(3, 3)
    b.add_meeting("m1", "g1", EARLIER, agenda=agenda(("le-1",), ("st-1",), ("st-2",), ("st-3",)))
    assert run(agenda_led_by_staff_only, b.build(), AS_OF) == []


def test_eq005_under_a_quarter_fires_and_counts_unled_items() -> None:
    b = board(3, 3)
    b.add_meeting("m1", "g1", EARLIER, agenda=agenda(("le-1",), ("st-1",), ("st-2",), ("st-3",), ()))
    [flag] = run(agenda_led_by_staff_only, b.build(), AS_OF)
    assert flag.message == (
        "1 of 5 agenda items at 'Meeting m1' on 2026-02-03 is led or co-led by a member with lived experience "
        "(20%) (1 item with no lead recorded); the policy asks for at least 25%"
    )


def test_eq005_co_led_items_count() -> None:
    b = board(3, 3)
    b.add_meeting("m1", "g1", EARLIER, agenda=agenda(("st-1", "le-1"), ("st-1",), ("st-2",), ("st-3",)))
    assert run(agenda_led_by_staff_only, b.build(), AS_OF) == []


@pytest.mark.parametrize(
    ("day", "status", "judged"),
    [
        (EARLIER, MeetingStatus.HELD, True),
        (AS_OF, MeetingStatus.HELD, True),
        (LATER, MeetingStatus.HELD, False),
        (LATER, MeetingStatus.SCHEDULED, True),
        (AS_OF, MeetingStatus.SCHEDULED, True),
        (EARLIER, MeetingStatus.SCHEDULED, False),
        (EARLIER, MeetingStatus.CANCELLED, False),
        (LATER, MeetingStatus.CANCELLED, False),
    ],
)
def test_eq005_which_meetings_are_judged(day: date, status: MeetingStatus, judged: bool) -> None:
    b = board(3, 3)
    b.add_meeting("m1", "g1", day, status=status, agenda=agenda(("st-1",), ("st-2",)))
    assert len(run(agenda_led_by_staff_only, b.build(), AS_OF)) == int(judged)


def test_eq005_meeting_without_agenda_is_silent() -> None:
    b = board(3, 3)
    b.add_meeting("m1", "g1", EARLIER)
    assert run(agenda_led_by_staff_only, b.build(), AS_OF) == []


def test_eq005_policy_share_changes_the_outcome() -> None:
    b = board(3, 3)
    b.add_meeting("m1", "g1", EARLIER, agenda=agenda(("st-1",), ("st-2",)))
    assert run(agenda_led_by_staff_only, b.build(), AS_OF, Policy(min_lived_experience_led_items=0.0)) == []


def test_eq005_meetings_without_an_agenda_or_led_enough_do_not_stop_the_scan() -> None:
    b = RegisterBuilder()
    b.add_group("g1")
    b.add_member("le", USES_SERVICES, groups=["g1"])
    b.add_member("st", STAFF, groups=["g1"])
    day = date(2026, 2, 3)
    b.add_meeting("m0", "g1", day)
    b.add_meeting("m1", "g1", day, agenda=(AgendaItem("Plan", leads=("le",)),))
    b.add_meeting("m2", "g1", day, agenda=(AgendaItem("Budget", leads=("st",)),))
    flags = run(agenda_led_by_staff_only, b.build(), AS_OF)
    assert [f.subject_id for f in flags] == ["m2"]
    assert flags[0].message == (
        "0 of 1 agenda item at 'Meeting m2' on 2026-02-03 are led or co-led by a member with lived experience "
        "(0%); the policy asks for at least 25%"
    )
