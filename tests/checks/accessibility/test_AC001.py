"""AC001: the check fires, and stays silent, at the edges of its rule; subjects and messages."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import attrs

from coproduction.checks.accessibility.AC001_late_papers import late_papers
from coproduction.models import (
    AccessNeed,
    MeetingStatus,
    Paper,
)
from coproduction.policy import Policy, Region, Severity
from coproduction.working_days import clear_working_days_between, working_day_calendar
from tests.builders import STAFF, USES_SERVICES, RegisterBuilder, run
from tests.checks.acc_builders import (
    findings,
    meeting,
    member,
    messages,
    paper,
    register,
)
from tests.checks.accessibility.support import SCOTLAND, THURSDAY, one_meeting
from tests.checks.support import AS_OF, _pairs


def test_clear_days_exclude_publication_day_meeting_day_and_weekend():
    # Wed 4 Nov -> Thu 12 Nov: Thu, Fri, Mon, Tue, Wed are clear.
    assert clear_working_days_between(date(2026, 11, 4), THURSDAY, working_day_calendar(Region.ENGLAND_AND_WALES)) == 5


def test_ac001_exactly_five_clear_working_days_is_on_time():
    reg = one_meeting(day=THURSDAY, papers=(paper(published=date(2026, 11, 4)),))
    assert findings("AC001", reg, as_of=THURSDAY) == []


def test_ac001_four_clear_working_days_fires():
    reg = one_meeting(day=THURSDAY, papers=(paper("Budget", published=date(2026, 11, 5)),))
    (finding,) = findings("AC001", reg, as_of=THURSDAY)
    assert finding.subject.id == "m1"
    assert finding.severity is Severity.ERROR
    assert "'Budget'" in finding.message
    assert "4 clear working days" in finding.message
    assert "needs 5" in finding.message
    assert finding.hint


def test_ac001_bank_holidays_are_not_working_days_and_differ_by_region():
    # Tue 31 Mar 2026 -> Thu 9 Apr: Good Friday (3 Apr) everywhere; Easter Monday (6 Apr) in England only.
    reg = one_meeting(day=date(2026, 4, 9), papers=(paper(published=date(2026, 3, 31)),))
    (england,) = messages("AC001", reg, as_of=date(2026, 4, 9))
    assert "4 clear working days" in england
    assert messages("AC001", reg, as_of=date(2026, 4, 9), policy=SCOTLAND) == []


def test_ac001_scottish_summer_bank_holiday_shortens_notice_in_scotland_only():
    reg = one_meeting(day=date(2026, 8, 6), papers=(paper(published=date(2026, 7, 29)),))
    assert messages("AC001", reg, as_of=date(2026, 8, 6)) == []
    (scotland,) = messages("AC001", reg, as_of=date(2026, 8, 6), policy=SCOTLAND)
    assert "4 clear working days" in scotland


def test_ac001_same_weekdays_without_a_bank_holiday_are_enough():
    # The week after Easter: Tue 14 Apr -> Thu 23 Apr has 6 clear working days, no holidays.
    reg = one_meeting(day=date(2026, 4, 23), papers=(paper(published=date(2026, 4, 15)),))
    assert messages("AC001", reg, as_of=date(2026, 4, 23)) == []


def test_ac001_unpublished_paper_waits_until_it_is_too_late():
    reg = one_meeting(day=THURSDAY, papers=(paper("Budget", published=None),))
    assert findings("AC001", reg, as_of=date(2026, 11, 4)) == []  # publishing today still gives 5
    (late,) = messages("AC001", reg, as_of=date(2026, 11, 5))
    assert late == (
        "Paper 'Budget' is not published and only 4 clear working days remain before the meeting on 2026-11-12; "
        "papers need 5 clear working days."
    )
    (last,) = messages("AC001", reg, as_of=date(2026, 11, 10))
    assert "only 1 clear working day remains" in last
    (today,) = messages("AC001", reg, as_of=THURSDAY)
    assert "only 0 clear working days remain" in today
    (past,) = messages("AC001", reg, as_of=date(2026, 11, 13))
    assert past == "Paper 'Budget' was never published, and the meeting on 2026-11-12 has passed."


def test_ac001_paper_published_on_the_day_or_after():
    for published in (THURSDAY, date(2026, 11, 20)):
        reg = one_meeting(day=THURSDAY, papers=(paper("Budget", published=published),))
        (message,) = messages("AC001", reg, as_of=date(2026, 12, 1))
        assert "not before the meeting on 2026-11-12" in message


def test_ac001_policy_override_of_notice():
    reg = one_meeting(day=THURSDAY, papers=(paper(published=date(2026, 11, 5)),))
    assert messages("AC001", reg, as_of=THURSDAY, policy=Policy(papers_notice_working_days=4)) == []
    reg = one_meeting(day=THURSDAY, papers=(paper(published=date(2026, 11, 4)),))
    assert len(messages("AC001", reg, as_of=THURSDAY, policy=Policy(papers_notice_working_days=6))) == 1


def test_ac001_easy_read_readers_need_seven_calendar_days():
    reader = member("p1", needs=[AccessNeed.EASY_READ])
    # Published Sunday 1 Nov for Saturday 7 Nov: Mon-Fri are 5 clear working days, but only 6 calendar days.
    saturday = date(2026, 11, 7)
    without = one_meeting(member("p2"), day=saturday, papers=(paper(published=date(2026, 11, 1)),))
    assert messages("AC001", without, as_of=saturday) == []
    with_reader = one_meeting(reader, day=saturday, papers=(paper(published=date(2026, 11, 1)),))
    (message,) = messages("AC001", with_reader, as_of=saturday)
    assert "6 days before" in message
    assert "1 expected attendee needs Easy Read, which needs 7 days" in message
    on_time = one_meeting(reader, day=saturday, papers=(paper(published=date(2026, 10, 31)),))
    assert messages("AC001", on_time, as_of=saturday) == []


def test_ac001_easy_read_notice_for_unpublished_paper():
    reader = member("p1", needs=[AccessNeed.EASY_READ])
    policy = Policy(papers_notice_working_days=2, easy_read_notice_days=7)
    reg = one_meeting(reader, day=THURSDAY, papers=(paper(published=None),))
    assert messages("AC001", reg, as_of=date(2026, 11, 5), policy=policy) == []  # 7 days away
    (message,) = messages("AC001", reg, as_of=date(2026, 11, 6), policy=policy)
    assert "6 days away" in message


def test_ac001_cancelled_meetings_are_not_judged():
    reg = one_meeting(day=THURSDAY, status=MeetingStatus.CANCELLED, papers=(paper(published=date(2026, 11, 11)),))
    assert findings("AC001", reg, as_of=THURSDAY) == []


def test_ac001_one_finding_per_late_paper():
    papers = (paper("B", published=date(2026, 11, 10)), paper("A", published=date(2026, 11, 11)), paper("C"))
    reg = one_meeting(day=THURSDAY, papers=papers)
    assert [m.split("'")[1] for m in messages("AC001", reg, as_of=THURSDAY)] == ["A", "B"]


def test_ac001_uses_the_local_date_of_the_meeting():
    # 23:30 UTC on Wednesday 8 July is 00:30 on Thursday 9 July in London.
    start = datetime(2026, 7, 8, 23, 30, tzinfo=UTC)
    late = meeting(papers=(paper(published=date(2026, 7, 1)),))
    reg = register(meetings=[attrs.evolve(late, start=start, end=start + timedelta(minutes=90))])
    # Wed 1 Jul -> Thu 9 Jul: Thu 2, Fri 3, Mon 6, Tue 7, Wed 8 = 5 clear days (only 4 to Wed 8 in UTC).
    assert messages("AC001", reg, as_of=date(2026, 7, 9)) == []


def test_clear_days_can_stop_counting_early():
    england = working_day_calendar(Region.ENGLAND_AND_WALES)
    assert clear_working_days_between(date(2026, 1, 1), date(2026, 12, 31), england, at_most=5) == 5
    assert clear_working_days_between(date(2026, 11, 5), THURSDAY, england, at_most=5) == 4
    assert clear_working_days_between(date(1, 1, 1), date(9999, 12, 31), england, at_most=5) == 5
    assert clear_working_days_between(THURSDAY, THURSDAY, england) == 0


def test_ac001_far_apart_dates_are_quick_and_on_time():
    reg = one_meeting(day=date(9999, 12, 30), papers=(paper(published=date(1, 1, 1)), paper("Later", published=None)))
    assert messages("AC001", reg, as_of=date(1, 1, 2)) == []


def test_ac001_zero_days_notice_accepts_a_paper_out_the_day_before() -> None:
    policy = Policy(papers_notice_working_days=0)
    b = RegisterBuilder()
    b.add_group("g1")
    day = date(2026, 3, 10)  # a Tuesday
    b.add_meeting("m1", "g1", day, status=_scheduled(), papers=(Paper("Budget", published=day - timedelta(days=1)),))
    assert run(late_papers, b.build(), AS_OF, policy) == []
    b.add_meeting("m2", "g1", day, status=_scheduled(), papers=(Paper("Plan", published=day),))
    flags = run(late_papers, b.build(), AS_OF, policy)
    assert [f.subject_id for f in flags] == ["m2"]
    assert "'Plan'" in flags[0].message
    # Not yet published, but 0 days are needed: nothing is late yet.
    b.add_meeting("m3", "g1", day, status=_scheduled(), papers=(Paper("Later"),))
    assert [f.subject_id for f in run(late_papers, b.build(), AS_OF, policy)] == ["m2"]


def _scheduled() -> MeetingStatus:
    return MeetingStatus.SCHEDULED


def test_ac001_easy_read_counts_only_members_on_the_meeting_s_expected_list() -> None:
    policy = Policy(papers_notice_working_days=2)
    b = RegisterBuilder()
    b.add_group("g1")
    b.add_member("ann", USES_SERVICES, groups=["g1"], access_needs=frozenset({AccessNeed.EASY_READ}))
    b.add_member("bob", STAFF, groups=["g1"])
    day, published = date(2026, 3, 16), date(2026, 3, 11)  # 2 clear working days, 5 calendar days
    paper = (Paper("Budget", published=published),)
    b.add_meeting("m1", "g1", day, status=MeetingStatus.SCHEDULED, expected=("bob",), papers=paper)
    assert run(late_papers, b.build(), AS_OF, policy) == []
    b.add_meeting("m2", "g1", day, status=MeetingStatus.SCHEDULED, expected=("ann", "bob"), papers=paper)
    assert _pairs(run(late_papers, b.build(), AS_OF, policy)) == [
        (
            "m2",
            "Paper 'Budget' was published on 2026-03-11, 5 days before the meeting; 1 expected attendee needs "
            "Easy Read, which needs 7 days.",
        )
    ]
