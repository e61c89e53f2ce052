"""MB002: the check fires, and stays silent, at the edges of its rule; subjects and messages."""

from __future__ import annotations

from datetime import date, timedelta

from coproduction.checks.membership.MB002_low_attendance import low_attendance
from coproduction.policy import Policy
from tests.builders import CARER, STAFF, RegisterBuilder, run
from tests.checks.membership.support import AS_OF, monthly_board
from tests.checks.support import _pairs


def test_mb002_exactly_half_is_silent_and_under_half_fires() -> None:
    assert run(low_attendance, monthly_board(6).build(), AS_OF) == []
    [flag] = run(low_attendance, monthly_board(5).build(), AS_OF)
    assert flag.subject_id == "ann"
    assert flag.message == (
        "Ann was present at 5 of the 12 meetings of 'Group g1' they were expected at in the 12 months to 2026-03-02 "
        "(41.7%); "
        "the policy looks for at least 50%"
    )


def test_mb002_hint_offers_support_never_removal() -> None:
    [flag] = run(low_attendance, monthly_board(0).build(), AS_OF)
    assert "ask what would help" in flag.hint
    assert "support" in flag.hint
    assert "not a step towards removal" in flag.hint
    assert "remove " not in flag.hint.lower()


def test_mb002_apologies_are_reported_but_are_not_presence() -> None:
    b = monthly_board(0, meetings=3)
    b.add_meeting("extra", "g1", date(2026, 2, 20), present=["bob"], apologies=["ann"])
    [flag] = run(low_attendance, b.build(), AS_OF)
    assert "present at 0 of the 4 meetings" in flag.message
    assert "(0%, with apologies for 1)" in flag.message


def test_mb002_needs_enough_expected_meetings() -> None:
    assert run(low_attendance, monthly_board(0, meetings=2).build(), AS_OF) == []
    assert len(run(low_attendance, monthly_board(0, meetings=3).build(), AS_OF)) == 1
    policy = Policy(min_expected_meetings=4)
    assert run(low_attendance, monthly_board(0, meetings=3).build(), AS_OF, policy) == []


def test_mb002_no_expected_meetings_is_never_judged_even_with_a_minimum_of_zero() -> None:
    # Found by the Hypothesis property: a division by zero when the policy asks for no minimum.
    b = monthly_board(0, meetings=3, started=date(2026, 2, 20))
    assert run(low_attendance, b.build(), AS_OF, Policy(min_expected_meetings=0)) == []
    assert len(run(low_attendance, monthly_board(0, meetings=1).build(), AS_OF, Policy(min_expected_meetings=0)))


def test_mb002_counts_only_meetings_in_the_window() -> None:
    # 14 monthly meetings reach back to 2025-01-14; only the 12 since 2025-03-02 count.
    [flag] = run(low_attendance, monthly_board(0, meetings=14).build(), AS_OF)
    assert "present at 0 of the 12 meetings" in flag.message
    policy = Policy(attendance_window_months=2)
    [flag] = run(
        low_attendance,
        monthly_board(0, meetings=14).build(),
        AS_OF,
        Policy(attendance_window_months=3, min_expected_meetings=3),
    )
    assert "present at 0 of the 3 meetings" in flag.message
    assert run(low_attendance, monthly_board(0, meetings=14).build(), AS_OF, policy) == []


def test_mb002_a_member_is_only_expected_once_they_have_joined() -> None:
    # Joined 2025-11-01: expected at 4 meetings (Nov, Dec, Jan, Feb), present at 2 -> 50%, silent.
    b = monthly_board(2, started=date(2025, 11, 1))
    assert run(low_attendance, b.build(), AS_OF) == []


def test_mb002_a_meeting_that_lists_who_was_expected_decides() -> None:
    b = monthly_board(0, meetings=3)
    for n in range(3):
        b.add_meeting(f"sub{n}", "g1", date(2026, 2, 1) - timedelta(days=n), present=["bob"], expected=("bob",))
    [flag] = run(low_attendance, b.build(), AS_OF)
    assert "of the 3 meetings" in flag.message
    b = monthly_board(3, meetings=3)
    for n in range(4):
        b.add_meeting(f"xp{n}", "g1", date(2026, 2, 1) - timedelta(days=n), present=["bob"], expected=("ann", "bob"))
    [flag] = run(low_attendance, b.build(), AS_OF)
    assert "present at 3 of the 7 meetings" in flag.message


def test_mb002_policy_rate_changes_the_outcome() -> None:
    assert run(low_attendance, monthly_board(4).build(), AS_OF, Policy(min_attendance_rate=1 / 3)) == []
    assert len(run(low_attendance, monthly_board(6).build(), AS_OF, Policy(min_attendance_rate=0.75))) == 1


def test_mb002_former_members_are_not_judged() -> None:
    assert run(low_attendance, monthly_board(0, left=date(2026, 2, 15)).build(), AS_OF) == []


def test_mb002_the_window_includes_its_first_day() -> None:
    b = monthly_board(0, meetings=2)
    b.add_meeting("first-day", "g1", date(2025, 3, 2), present=["bob"])
    [flag] = run(low_attendance, b.build(), AS_OF)
    assert "present at 0 of the 3 meetings" in flag.message
    # A day later the window starts on 2025-03-03: 2 meetings expected, under the minimum of 3.
    assert run(low_attendance, b.build(), date(2026, 3, 3)) == []


def _monthly_board() -> RegisterBuilder:
    b = RegisterBuilder()
    b.add_group("g1")
    b.add_member("bob", STAFF, groups=["g1"], name="Bob")
    return b


def test_mb002_counts_apologies_only_where_the_member_was_not_present() -> None:
    b = _monthly_board()
    b.add_member("ann", CARER, groups=["g1"], name="Ann")
    b.add_meeting("m1", "g1", date(2025, 11, 10), present=["bob"], apologies=["ann"])
    b.add_meeting("m2", "g1", date(2025, 12, 10), present=["bob"], apologies=["ann"])
    b.add_meeting("m3", "g1", date(2026, 1, 10), present=["bob", "ann"], apologies=["ann"])
    b.add_meeting("m4", "g1", date(2026, 2, 10), present=["bob"])
    assert _pairs(run(low_attendance, b.build(), AS_OF)) == [
        (
            "ann",
            "Ann was present at 1 of the 4 meetings of 'Group g1' they were expected at in the 12 months to "
            "2026-03-02 (25%, with apologies for 2); the policy looks for at least 50%",
        )
    ]


def test_mb002_a_member_is_expected_only_from_the_start_of_their_membership() -> None:
    b = _monthly_board()
    b.add_member("new", CARER, groups=["g1"], started=date(2025, 12, 1), name="Nia")
    for n in range(12):
        b.add_meeting(f"m{n:02}", "g1", date(2026, 2, 10) - timedelta(days=30 * n), present=["bob"])
    assert _pairs(run(low_attendance, b.build(), AS_OF)) == [
        (
            "new",
            "Nia was present at 0 of the 3 meetings of 'Group g1' they were expected at in the 12 months to "
            "2026-03-02 (0%); the policy looks for at least 50%",
        )
    ]
