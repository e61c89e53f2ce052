"""The board report's figures (coproduction.board_summary): rates and totals over a period, naming nobody."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coproduction.board_summary import Period, months_before, summarise_group
from coproduction.errors import PolicyError
from coproduction.models import AgendaItem, AttendanceStatus, Decision, MeetingStatus, Payment, Venue
from coproduction.models.meeting import Attendance, Break, Outcome
from coproduction.policy import Policy
from tests.builders import CARER, STAFF, USES_SERVICES, group, meeting, member, membership, register
from tests.test_architecture import SRC, violations

AS_OF = date(2026, 11, 25)
PEOPLE = ("ann", "bob", "cat", "dan")


def board(*meetings, quorum: int | None = None):  # type: ignore[no-untyped-def]
    return register(
        members=[
            member("ann", USES_SERVICES),
            member("bob", CARER),
            member("cat", STAFF),
            member("dan", STAFF),
        ],
        groups=[group("g1", quorum=quorum), group("g2")],
        memberships=[membership(m, "g1", started=date(2025, 1, 1)) for m in PEOPLE],
        meetings=list(meetings),
    )


def item(title: str, outcome: Outcome | None = None) -> AgendaItem:
    return AgendaItem(title=title, lived_experience_input=True, outcome=outcome)


FIRST = meeting(
    "m1",
    "g1",
    date(2026, 1, 6),
    present=["ann", "bob", "cat"],
    apologies=["dan"],
    decisions=(Decision("Approve the plan"),),
    agenda=(
        item("Winter plan", Outcome("You said X; we did Y.", date(2026, 2, 1))),
        item("Carers", Outcome("Recorded after the report's day.", date(2026, 12, 1))),
        AgendaItem(title="Any other business"),
    ),
    payments=(
        Payment("ann", amount=Decimal("40.00")),
        Payment("bob", kind="expenses", amount=Decimal("12.50")),
        Payment("cat", kind="declined"),
    ),
)
SECOND = meeting(
    "m2",
    "g1",
    date(2026, 3, 3),
    present=["ann", "cat", "dan"],
    absent=["bob"],
    decisions=(Decision("One"), Decision("Two")),
)


def test_counts_held_and_cancelled_meetings_in_the_period_only() -> None:
    before = meeting("m0", "g1", date(2025, 11, 24), present=["ann"], payments=(Payment("ann", amount=Decimal(9)),))
    on_first_day = meeting("m00", "g1", date(2025, 11, 25), present=["ann", "bob"])
    cancelled = meeting("mc", "g1", date(2026, 5, 5), status=MeetingStatus.CANCELLED)
    other_group = meeting("mx", "g2", date(2026, 5, 5))
    summary = summarise_group(
        board(before, on_first_day, FIRST, SECOND, cancelled, other_group),
        "g1",
        as_of=AS_OF,
        policy=Policy(),
        months=12,
    )
    assert summary.period == Period(date(2025, 11, 25), AS_OF, 12)
    assert (summary.held, summary.cancelled) == (3, 1)
    assert summary.payments.payment_total == Decimal("40.00")  # m0's payment is before the period
    assert summary.meetings_in_period == frozenset({"m00", "m1", "m2", "mc"})


def test_attendance_is_rates_and_counts_of_places() -> None:
    policy = Policy(min_attendance_rate=0.6, min_expected_meetings=2)
    summary = summarise_group(board(FIRST, SECOND), "g1", as_of=AS_OF, policy=policy, months=12)
    attendance = summary.attendance
    assert (attendance.expected, attendance.present, attendance.apologies) == (8, 6, 1)
    assert attendance.rate == pytest.approx(0.75)
    assert attendance.apologies_rate == pytest.approx(0.125)
    # bob (1 of 2) and dan (1 of 2) are under 60%: counted, never named.
    assert (attendance.members_counted, attendance.members_below) == (4, 2)
    assert "'bob'" not in repr(attendance)
    assert "'dan'" not in repr(attendance)


def test_members_expected_too_rarely_are_not_counted_for_low_attendance() -> None:
    summary = summarise_group(board(FIRST, SECOND), "g1", as_of=AS_OF, policy=Policy(), months=12)
    assert summary.attendance.members_counted == 0  # each was expected at 2, the policy asks for 3
    assert summary.attendance.members_below == 0


def test_an_expected_list_replaces_the_membership() -> None:
    listed = meeting("m3", "g1", date(2026, 4, 7), present=["ann"], expected=("ann", "bob"))
    summary = summarise_group(board(listed), "g1", as_of=AS_OF, policy=Policy(), months=12)
    assert (summary.attendance.expected, summary.attendance.present) == (2, 1)


def test_present_counts_before_apologies_for_one_member() -> None:
    twice = meeting(
        "m3",
        "g1",
        date(2026, 4, 7),
        attendance=(Attendance("ann", AttendanceStatus.APOLOGIES), Attendance("ann", AttendanceStatus.PRESENT)),
    )
    summary = summarise_group(board(twice), "g1", as_of=AS_OF, policy=Policy(), months=12)
    assert (summary.attendance.present, summary.attendance.apologies) == (1, 0)


def test_no_meeting_gives_no_rate() -> None:
    summary = summarise_group(board(), "g1", as_of=AS_OF, policy=Policy(), months=12)
    assert summary.attendance.rate is None
    assert summary.attendance.apologies_rate is None
    assert summary.held == 0


def test_decisions_count_with_lived_experience_only_when_enough_were_present() -> None:
    summary = summarise_group(board(FIRST, SECOND), "g1", as_of=AS_OF, policy=Policy(), months=12)
    # m1 had ann and bob (2 with lived experience): its decision counts; m2 had only ann: its 2 do not.
    assert (summary.decisions, summary.decisions_with_lived_experience) == (3, 1)
    relaxed = summarise_group(
        board(FIRST, SECOND), "g1", as_of=AS_OF, policy=Policy(min_lived_experience_for_decisions=1), months=12
    )
    assert relaxed.decisions_with_lived_experience == 3


def test_a_quorum_not_met_means_the_decision_does_not_count() -> None:
    summary = summarise_group(board(FIRST, quorum=4), "g1", as_of=AS_OF, policy=Policy(), months=12)
    assert summary.decisions_with_lived_experience == 0  # 3 present, quorum 4
    met = summarise_group(board(FIRST, quorum=3), "g1", as_of=AS_OF, policy=Policy(), months=12)
    assert met.decisions_with_lived_experience == 1


def test_you_said_we_did_counts_items_with_input_and_outcomes_recorded_by_the_day() -> None:
    summary = summarise_group(board(FIRST), "g1", as_of=AS_OF, policy=Policy(), months=12)
    assert summary.input_items == 2
    assert [(o.meeting_day, o.item, o.text) for o in summary.outcomes] == [
        (date(2026, 1, 6), "Winter plan", "You said X; we did Y.")
    ]
    assert summary.input_items_without_outcome == 1
    later = summarise_group(board(FIRST), "g1", as_of=date(2026, 12, 2), policy=Policy(), months=12)
    assert len(later.outcomes) == 2


def test_payments_are_totals_by_kind() -> None:
    summary = summarise_group(board(FIRST, SECOND), "g1", as_of=AS_OF, policy=Policy(), months=12)
    payments = summary.payments
    assert (payments.payments, payments.payment_total) == (1, Decimal("40.00"))
    assert (payments.expenses, payments.expenses_total) == (1, Decimal("12.50"))
    assert payments.declined == 1
    assert payments.total == Decimal("52.50")


def test_the_next_three_scheduled_meetings_with_their_access_arrangements() -> None:
    venue = Venue("Hall <b>", "1 Road", features=frozenset({"step-free", "hearing-loop"}))
    coming = [
        meeting(
            f"s{n}",
            "g1",
            date(2026, 12, n),
            status=MeetingStatus.SCHEDULED,
            venue=venue,
            captions=True,
            bsl_interpreters=2,
            breaks=(Break(60),),
            joining_link="https://example.org/join",
        )
        for n in (1, 2, 3, 4)
    ]
    not_held_yet = meeting("late", "g1", date(2026, 11, 20), status=MeetingStatus.SCHEDULED)
    summary = summarise_group(board(*coming, not_held_yet), "g1", as_of=AS_OF, policy=Policy(), months=12)
    assert [u.id for u in summary.upcoming] == ["s1", "s2", "s3"]
    first = summary.upcoming[0]
    assert first.features == ("hearing-loop", "step-free")
    assert (first.captions, first.bsl_interpreters, first.breaks, first.online) == (True, 2, 1, True)
    assert first.venue == "Hall <b>"
    assert summary.not_recorded == 1  # a meeting before the day still marked scheduled


def test_a_meeting_late_in_the_evening_utc_is_on_the_next_day_in_london() -> None:
    start = datetime(2026, 7, 1, 23, 30, tzinfo=UTC)  # 00:30 on 2 July in London
    late = meeting("m9", "g1", date(2026, 7, 1), status=MeetingStatus.SCHEDULED)
    late = type(late)(**{**_fields(late), "start": start, "end": start.replace(hour=23, minute=59)})
    summary = summarise_group(board(late), "g1", as_of=date(2026, 7, 1), policy=Policy(), months=12)
    assert [u.id for u in summary.upcoming] == ["m9"]
    assert summary.upcoming[0].start.time() == time(0, 30)


def _fields(obj: object) -> dict[str, object]:
    import attrs

    return attrs.asdict(obj, recurse=False)  # type: ignore[arg-type]


def test_an_unknown_time_zone_is_a_policy_error() -> None:
    with pytest.raises(PolicyError, match="timezone"):
        summarise_group(board(FIRST), "g1", as_of=AS_OF, policy=Policy(timezone="Mars/Olympus"), months=12)


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (date(2026, 11, 25), 12, date(2025, 11, 25)),
        (date(2026, 3, 31), 1, date(2026, 2, 28)),
        (date(2024, 3, 31), 1, date(2024, 2, 29)),
        (date(2026, 1, 15), 1, date(2025, 12, 15)),
    ],
)
def test_months_before_clamps_to_the_months_end(day: date, months: int, expected: date) -> None:
    assert months_before(day, months) == expected


STATUSES = st.sampled_from([None, *AttendanceStatus])


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(STATUSES, STATUSES, STATUSES, STATUSES), min_size=0, max_size=6))
def test_rates_are_shares_and_the_same_each_time(rows: list[tuple[AttendanceStatus | None, ...]]) -> None:
    meetings = [
        meeting(
            f"m{n}",
            "g1",
            date(2026, 1, 1 + n),
            attendance=tuple(Attendance(p, s) for p, s in zip(PEOPLE, row, strict=True) if s is not None),
        )
        for n, row in enumerate(rows)
    ]
    reg = board(*meetings)
    summary = summarise_group(reg, "g1", as_of=AS_OF, policy=Policy(), months=12)
    assert summary == summarise_group(reg, "g1", as_of=AS_OF, policy=Policy(), months=12)
    attendance = summary.attendance
    assert attendance.expected == 4 * len(rows)
    assert attendance.present + attendance.apologies <= attendance.expected
    if rows:
        assert attendance.rate is not None
        assert 0.0 <= attendance.rate <= 1.0
    assert attendance.members_below <= attendance.members_counted <= 4


def test_the_summary_is_domain_code_that_imports_no_edge() -> None:
    # tests/test_architecture.py's contract, applied to this module: it may import the domain only.
    assert violations([SRC / "coproduction" / "board_summary.py"]) == []
