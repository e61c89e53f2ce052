"""RC004: the check fires, and stays silent, at the edges of its rule; subjects and messages."""

from __future__ import annotations

from datetime import date, timedelta

from coproduction.checks.reciprocity.RC004_no_feedback_on_input import no_feedback_on_input
from coproduction.models import (
    AgendaItem,
    MeetingStatus,
    Outcome,
)
from coproduction.policy import Policy
from tests.builders import RegisterBuilder, run
from tests.checks.acc_builders import (
    findings,
    meeting,
    messages,
    register,
)
from tests.checks.support import _pairs

MEETING_DAY = date(2026, 3, 10)


FEEDBACK_DUE = date(2026, 6, 8)  # 90 days later


def with_input(outcome=None, *, lived=True, status=MeetingStatus.HELD):
    item = AgendaItem("Carers' strategy", lived_experience_input=lived, outcome=outcome)
    return register(meetings=[meeting(day=MEETING_DAY, status=status, agenda=(item,))])


def test_rc004_waits_feedback_within_days():
    assert findings("RC004", with_input(), as_of=FEEDBACK_DUE) == []
    (message,) = messages("RC004", with_input(), as_of=date(2026, 6, 9))
    assert message == (
        "Item 'Carers' strategy' had input from people with lived experience and no outcome recorded 90 days "
        "after the meeting."
    )


def test_rc004_outcome_on_time_or_late():
    assert findings("RC004", with_input(Outcome("We changed it", FEEDBACK_DUE)), as_of=date(2027, 1, 1)) == []
    late = with_input(Outcome("We changed it", date(2026, 6, 10)))
    # Reported from the day after the deadline until the late outcome is recorded, then cleared.
    assert len(findings("RC004", late, as_of=date(2026, 6, 9))) == 1
    assert findings("RC004", late, as_of=date(2026, 6, 10)) == []


def test_rc004_silent_without_lived_experience_input_or_when_not_held():
    assert findings("RC004", with_input(lived=False), as_of=date(2027, 1, 1)) == []
    assert findings("RC004", with_input(status=MeetingStatus.SCHEDULED), as_of=date(2027, 1, 1)) == []


def test_rc004_policy_override():
    policy = Policy(feedback_within_days=30)
    assert findings("RC004", with_input(), as_of=date(2026, 4, 9), policy=policy) == []
    assert len(findings("RC004", with_input(), as_of=date(2026, 4, 10), policy=policy)) == 1


def test_rc004_two_items_at_one_meeting_are_each_reported_in_title_order() -> None:
    as_of = date(2026, 6, 9)  # 90 days after 2026-03-10, plus one
    b = RegisterBuilder()
    b.add_group("g1")
    agenda = (
        AgendaItem("Transport", lived_experience_input=True),
        AgendaItem("Carers' strategy", lived_experience_input=True, outcome=Outcome("Later", as_of + timedelta(1))),
        AgendaItem("Respite", lived_experience_input=True, outcome=Outcome("We changed it", as_of)),
        AgendaItem("Budget", lived_experience_input=False),
    )
    b.add_meeting("m1", "g1", date(2026, 3, 10), agenda=agenda)
    after = "' had input from people with lived experience and no outcome recorded 90 days after the meeting."
    assert _pairs(run(no_feedback_on_input, b.build(), as_of)) == [
        ("m1", "Item 'Carers' strategy" + after),
        ("m1", "Item 'Transport" + after),
    ]


def test_rc004_a_meeting_not_yet_held_does_not_stop_the_scan() -> None:
    b = RegisterBuilder()
    b.add_group("g1")
    item = (AgendaItem("Transport", lived_experience_input=True),)
    b.add_meeting("m0", "g1", date(2026, 7, 1), status=MeetingStatus.SCHEDULED, agenda=item)
    b.add_meeting("m1", "g1", date(2026, 3, 10), agenda=item)
    assert _pairs(run(no_feedback_on_input, b.build(), date(2026, 6, 9))) == [
        (
            "m1",
            "Item 'Transport' had input from people with lived experience and no outcome recorded 90 days after "
            "the meeting.",
        )
    ]


def test_rc004_two_items_with_one_title_one_without_an_outcome_one_recorded_later() -> None:
    as_of = date(2026, 6, 9)
    b = RegisterBuilder()
    b.add_group("g1")
    agenda = (
        AgendaItem("Transport", lived_experience_input=True),
        AgendaItem("Transport", lived_experience_input=True, outcome=Outcome("Later", as_of + timedelta(days=1))),
    )
    b.add_meeting("m1", "g1", date(2026, 3, 10), agenda=agenda)
    message = "Item 'Transport' had input from people with lived experience and no outcome recorded 90 days after "
    assert _pairs(run(no_feedback_on_input, b.build(), as_of)) == [("m1", message + "the meeting.")] * 2
