"""The register's index (``context.index``): built once per context by the engine, read-only to the checks, and
giving the answers a plain reading of the register gives."""

from __future__ import annotations

from datetime import date

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coproduction.checks import CheckContext
from coproduction.checks._queries import meeting_day
from coproduction.checks.index import RegisterIndex
from coproduction.models import AccessNeed, AttendanceStatus, Meeting, MeetingStatus, Member, PaperFormat, Register
from coproduction.policy import Policy
from tests.builders import STAFF, USES_SERVICES, RegisterBuilder, context, meeting, register
from tests.checks.support import AS_OF
from tests.strategies import dates, registers


def _board() -> Register:
    b = RegisterBuilder()
    b.add_group("g1")
    b.add_member("ann", USES_SERVICES, groups=["g1"], access_needs=frozenset({AccessNeed.EASY_READ}))
    b.add_member("bob", STAFF, groups=["g1"], access_needs=frozenset({AccessNeed.LARGE_PRINT}))
    b.add_meeting("m1", "g1", date(2026, 2, 10), present=["ann", "bob", "ghost"], apologies=["cy"])
    b.add_meeting("m2", "g1", date(2026, 2, 11), status=MeetingStatus.CANCELLED)
    return b.build()


# --- plain readings of the register, to compare the index with ----------------------------------------------------


def _known(register: Register, ids: tuple[str, ...]) -> tuple[Member, ...]:
    seen: dict[str, Member] = {}
    for member_id in ids:
        found = register.member_by_id.get(member_id)
        if found is not None and member_id not in seen:
            seen[member_id] = found
    return tuple(seen.values())


def _held(register: Register, group_id: str, policy: Policy, until: date) -> tuple[Meeting, ...]:
    return tuple(
        m
        for m in register.meetings_by_group.get(group_id, ())
        if m.status is MeetingStatus.HELD and meeting_day(m, policy) <= until
    )


# --- the context holds it; checks cannot change it -----------------------------------------------------------------


def test_the_engine_builds_one_index_per_context_outside_its_equality_and_repr() -> None:
    reg = _board()
    first = CheckContext(register=reg, policy=Policy(), as_of=AS_OF)
    assert isinstance(first.index, RegisterIndex)
    assert first.index is first.index
    again = CheckContext(register=reg, policy=Policy(), as_of=AS_OF)
    assert again == first
    assert again.index is not first.index
    assert "index" not in repr(first)
    assert attrs.evolve(first, as_of=date(2026, 3, 1)).index is not first.index
    assert not hasattr(first, "cache")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        first.index = RegisterIndex(reg, Policy(), lambda day: True)  # type: ignore[misc]


def test_answers_are_read_only() -> None:
    index = CheckContext(register=_board(), policy=Policy(), as_of=AS_OF).index
    [(held, day, needs)] = index.meetings_not_cancelled_with_needs()
    assert (held.id, day) == ("m1", date(2026, 2, 10))
    assert dict(needs) == {AccessNeed.EASY_READ: 1, AccessNeed.LARGE_PRINT: 1}
    formats = index.formats_needed(needs)
    assert dict(formats) == {PaperFormat.EASY_READ: 1, PaperFormat.LARGE_PRINT: 1}
    with pytest.raises(TypeError):
        needs[AccessNeed.BSL] = 1  # type: ignore[index]
    with pytest.raises(TypeError):
        formats[PaperFormat.BRAILLE] = 1  # type: ignore[index]
    assert dict(index.features_needed(needs)) == {}
    assert isinstance(index.current_members("g1", AS_OF), tuple)
    assert isinstance(index.present_ids(held), frozenset)


def test_attendance_answers() -> None:
    reg = _board()
    index = CheckContext(register=reg, policy=Policy(), as_of=AS_OF).index
    m1 = reg.meeting_by_id["m1"]
    assert index.present_ids(m1) == {"ann", "bob", "ghost"}
    assert index.present_counts(m1) == (2, 1)  # "ghost" is no known member
    assert [m.id for m in index.present_members(m1)] == ["ann", "bob"]
    assert index.lived_experience_present_ids(m1) == {"ann"}
    assert index.apologies_ids(m1) == {"cy"}
    assert index.lived_experience_ids() == {"ann"}
    assert [m.id for m in index.meetings_not_cancelled()] == ["m1"]
    assert index.held_meetings("g1", date(2026, 2, 9)) == ()
    assert index.held_meetings_with_days("g1", AS_OF) == ((m1, date(2026, 2, 10)),)


def test_need_counts_of_a_meeting_outside_the_register_follow_its_expected_list() -> None:
    b = RegisterBuilder()
    b.add_group("g1")
    b.add_member("ann", USES_SERVICES, groups=["g1"], access_needs=frozenset({AccessNeed.EASY_READ}))
    b.add_member("bob", STAFF, groups=["g1"], access_needs=frozenset({AccessNeed.LARGE_PRINT}))
    listed = b.add_meeting("m1", "g1", date(2026, 2, 10), expected=("bob",))
    index = context(b.build(), AS_OF).index
    # A copy is not one of the register's meetings (a plugin's own), so it is counted on its own.
    assert dict(index.need_counts(attrs.evolve(listed))) == {AccessNeed.LARGE_PRINT: 1}
    assert dict(index.need_counts(attrs.evolve(listed, expected=()))) == {
        AccessNeed.EASY_READ: 1,
        AccessNeed.LARGE_PRINT: 1,
    }


@settings(max_examples=40)
@given(data=st.data())
def test_the_index_gives_the_plain_answers(data: st.DataObject) -> None:
    reg = data.draw(registers(max_members=6, max_groups=3, max_meetings=6))
    policy = Policy()
    index = CheckContext(register=reg, policy=policy, as_of=data.draw(dates())).index
    for _ in range(2):  # the second round answers from what the index kept
        for group in reg.groups:
            for day in data.draw(st.lists(dates(), min_size=1, max_size=4)):
                assert index.current_members(group.id, day) == reg.current_members(group.id, day)
                assert index.current_member_ids(group.id, day) == {
                    ms.member for ms in reg.current_memberships(group.id, day)
                }
                assert index.held_meetings(group.id, day) == _held(reg, group.id, policy, day)
        for one in reg.meetings:
            present = _known(reg, one.present)
            assert index.present_members(one) == present
            assert index.present_counts(one) == (len(present), sum(1 for m in present if m.has_lived_experience))
            assert index.meeting_day(one) == meeting_day(one, policy)
            assert index.apologies_ids(one) == {
                a.member for a in one.attendance if a.status is AttendanceStatus.APOLOGIES
            }


def test_answers_are_right_for_short_lived_meetings() -> None:
    """Answers are kept by id(); a meeting asked about is kept alive, so a later object cannot reuse its id."""
    index = CheckContext(register=register(), policy=Policy(), as_of=date(2026, 11, 25)).index
    for n in range(300):
        temporary = meeting(f"m{n}", present=[f"p{n}"], day=date(2026, 1 + n % 12, 1 + n % 28))
        assert index.present_ids(temporary) == {f"p{n}"}
        assert index.meeting_day(temporary) == date(2026, 1 + n % 12, 1 + n % 28)

