"""Properties of validate_register (issue 11).

- Build -> dump -> load gives the same problems as build -> validate, for registers broken in every way the
  register's rules know (dangling references, ends before starts, duplicate ids, numbers out of range, dates out of
  the plausible range): one set of rules, one set of messages, wherever the register comes from.
- A consistent register has no problems (the rules stay silent).
- Any value of any type in any field: validate_register never raises; check_register and the audit either work or
  raise InvalidRegisterError, never anything else (no AttributeError from inside a check).
- The C-speed gates (Rule.clear, column_ok) never wave through what the item-by-item rules would report.
"""

from __future__ import annotations

import typing
from datetime import UTC, date, datetime, time, timedelta, timezone
from decimal import Decimal
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from coproduction.api import check_register
from coproduction.audit.analysis import audit_group
from coproduction.errors import InvalidRegisterError, RegisterError
from coproduction.io.baselines import resolve_baseline
from coproduction.io.loader import loads_register
from coproduction.io.saver import dumps_register
from coproduction.models import (
    Acknowledgement,
    Action,
    AgendaItem,
    Attendance,
    Break,
    Cadence,
    GroundRules,
    Meeting,
    Member,
    Outcome,
    Paper,
    Payment,
    Register,
    TrainingRecord,
)
from coproduction.models import rules as register_rules
from coproduction.models.type_rules import checker_for, column_ok
from coproduction.models.validation import validate_register, value_problems
from coproduction.policy import Policy
from tests import strategies

SOURCE = "<string>"
NOBODY = "zz-nobody"
AS_OF = date(2026, 11, 25)
TODAY = date(2025, 2, 1)
ENGLAND = resolve_baseline("england")


def _replace(items: tuple[Any, ...], index: int, item: Any) -> tuple[Any, ...]:
    return (*items[:index], item, *items[index + 1 :])


def _pick(draw: st.DrawFn, items: tuple[Any, ...]) -> int | None:
    return draw(st.integers(0, len(items) - 1)) if items else None


# -- ways to break a register, each a no-op where it does not apply ------------------------------------------------


def _break_membership(draw: st.DrawFn, register: Register) -> Register:
    index = _pick(draw, register.memberships)
    if index is None:
        return register
    membership = register.memberships[index]
    change = draw(
        st.sampled_from(
            [
                {"member": NOBODY},
                {"group": NOBODY},
                {"started": date(2026, 2, 1), "left": date(2026, 1, 1)},
                {"started": date(2026, 2, 1), "term_ends": date(2026, 1, 31)},
                {"started": date(1899, 12, 31)},
                {"left": date(2201, 1, 1)},
            ]
        )
    )
    return attrs.evolve(register, memberships=_replace(register.memberships, index, attrs.evolve(membership, **change)))


def _break_meeting(draw: st.DrawFn, register: Register) -> Register:
    index = _pick(draw, register.meetings)
    if index is None:
        return register
    meeting: Meeting = register.meetings[index]
    start = meeting.start
    change = draw(
        st.sampled_from(
            [
                {"group": NOBODY},
                {"end": start},
                {"end": start - timedelta(minutes=1)},
                {"bsl_interpreters": 21},
                {"sequence": -1},
                {"breaks": (Break(after_minutes=-1),)},
                {"breaks": (Break(after_minutes=10, minutes=0),)},
                {"expected": (*meeting.expected, NOBODY)},
                {"agenda": (AgendaItem("Item", leads=(NOBODY,)),)},
                {"attendance": (*meeting.attendance, Attendance(NOBODY))},
                {"actions": (Action("Do", owner=NOBODY),)},
                {"payments": (Payment(NOBODY, amount=Decimal("-1")),)},
                {"payments": (Payment(NOBODY),)},
                {"start": datetime(1899, 12, 31, 10, tzinfo=UTC), "end": datetime(1899, 12, 31, 11, tzinfo=UTC)},
                {
                    "start": datetime(2201, 1, 1, tzinfo=timezone(timedelta(hours=5))),
                    "end": datetime(2201, 1, 1, 2, tzinfo=UTC),
                },
                {"replaces": date(1800, 1, 1)},
                {"papers": (Paper("Minutes", published=date(2999, 1, 1)),)},
                {"actions": (Action("Do", due=date(1000, 1, 1), completed=date(3000, 1, 1)),)},
                {"agenda": (AgendaItem("Item", outcome=Outcome("Done", date(1492, 1, 1))),)},
            ]
        )
    )
    return attrs.evolve(register, meetings=_replace(register.meetings, index, attrs.evolve(meeting, **change)))


def _break_group(draw: st.DrawFn, register: Register) -> Register:
    index = _pick(draw, register.groups)
    if index is None:
        return register
    group = register.groups[index]
    change = draw(
        st.sampled_from(
            [
                {"quorum": -1},
                {"quorum": 100_001},
                {"cadence": Cadence(week_of_month=0)},
                {"cadence": Cadence(start=time(12), end=time(12))},
                {"ground_rules": GroundRules(date(2025, 1, 1), reviewed=date(2024, 12, 31))},
                {
                    "ground_rules": GroundRules(
                        date(2025, 1, 1), acknowledgements=(Acknowledgement(NOBODY, date(2025, 2, 1)),)
                    )
                },
                {"ground_rules": GroundRules(date(1850, 1, 1))},
            ]
        )
    )
    return attrs.evolve(register, groups=_replace(register.groups, index, attrs.evolve(group, **change)))


def _break_member(draw: st.DrawFn, register: Register) -> Register:
    index = _pick(draw, register.members)
    if index is None:
        return register
    member = register.members[index]
    change = draw(
        st.sampled_from([{"joined": date(1899, 12, 31)}, {"training": (TrainingRecord("Intro", date(2201, 1, 1)),)}])
    )
    return attrs.evolve(register, members=_replace(register.members, index, attrs.evolve(member, **change)))


def _duplicate(draw: st.DrawFn, register: Register) -> Register:
    key = draw(st.sampled_from(["members", "groups", "meetings"]))
    items: tuple[Any, ...] = getattr(register, key)
    index = _pick(draw, items)
    if index is None:
        return register
    at = draw(st.integers(0, len(items)))
    return attrs.evolve(register, **{key: (*items[:at], items[index], *items[at:])})


BREAKERS = [_break_membership, _break_meeting, _break_group, _break_member, _duplicate]


@st.composite
def broken_registers(draw: st.DrawFn) -> Register:
    register = draw(strategies.registers())
    for breaker in draw(st.lists(st.sampled_from(BREAKERS), min_size=1, max_size=4)):
        register = breaker(draw, register)
    return register


@given(broken_registers(), st.sampled_from(["yaml", "json"]))
def test_build_dump_load_gives_the_problems_of_build_validate(register: Register, register_format: str) -> None:
    expected = validate_register(register, source=SOURCE)
    text = dumps_register(register, register_format)
    if not expected:
        assert loads_register(text, register_format, SOURCE) == register
        return
    with pytest.raises(RegisterError) as caught:
        loads_register(text, register_format, SOURCE)
    assert caught.value.problems == expected


@given(strategies.registers())
def test_a_consistent_register_has_no_problems(register: Register) -> None:
    assert validate_register(register) == ()


@given(broken_registers())
def test_the_list_wide_gates_agree_with_looking_at_each_item(register: Register) -> None:
    """Rule.clear may only say "nothing here" when the item-by-item rules find nothing."""
    gated = validate_register(register)
    originals = {
        name: getattr(register_rules, name)
        for name in ("MEMBER_RULES", "GROUP_RULES", "MEMBERSHIP_RULES", "MEETING_RULES")
    }
    try:
        for name, rules in originals.items():
            setattr(register_rules, name, tuple(attrs.evolve(rule, clear=lambda items, known: False) for rule in rules))
        assert validate_register(register) == gated
    finally:
        for name, rules in originals.items():
            setattr(register_rules, name, rules)


# -- anything in any field ---------------------------------------------------------------------------------------

ODD_VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True),
    st.text(max_size=5),
    st.sampled_from(["board", "uses-services", "male", "35-49", "present", "MO", "easy-read", "\ud800"]),
    st.binary(max_size=3),
    st.dates(),
    st.datetimes(),
    st.datetimes(timezones=st.just(UTC)),
    st.times(),
    st.times(timezones=st.just(UTC)),
    st.decimals(allow_nan=True),
    st.lists(st.text(max_size=3), max_size=2),
    st.lists(st.integers(), max_size=2),
    st.frozensets(st.text(max_size=3), max_size=2),
    st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
    st.just(object()),
)


def _with_odd_value(draw: st.DrawFn, value: Any, depth: int = 0) -> Any:
    """``value`` (a model) with one field, here or further down, replaced by an odd value."""
    fields = attrs.fields(type(value))
    field = draw(st.sampled_from(fields))
    current = getattr(value, field.name)
    if depth < 3 and attrs.has(type(current)) and draw(st.booleans()):
        replacement = _with_odd_value(draw, current, depth + 1)
    elif depth < 3 and isinstance(current, tuple) and current and attrs.has(type(current[0])) and draw(st.booleans()):
        index = draw(st.integers(0, len(current) - 1))
        replacement = _replace(current, index, _with_odd_value(draw, current[index], depth + 1))
    else:
        replacement = draw(ODD_VALUES)
    return attrs.evolve(value, **{field.name: replacement})


@st.composite
def registers_with_an_odd_value(draw: st.DrawFn) -> Register:
    register = draw(strategies.registers())
    keys = [key for key in ("members", "groups", "memberships", "meetings") if getattr(register, key)]
    if not keys or draw(st.integers(0, 9)) == 0:
        return attrs.evolve(register, **{draw(st.sampled_from(["organisation", "area"])): draw(ODD_VALUES)})
    key = draw(st.sampled_from(keys))
    items = getattr(register, key)
    index = draw(st.integers(0, len(items) - 1))
    return attrs.evolve(register, **{key: _replace(items, index, _with_odd_value(draw, items[index]))})


@given(registers_with_an_odd_value())
def test_any_value_anywhere_is_reported_or_works_never_a_crash(register: Register) -> None:
    problems = validate_register(register)
    assert all(problem.path.startswith("$") for problem in problems)
    if problems:
        with pytest.raises(InvalidRegisterError) as caught:
            check_register(register, as_of=AS_OF)
        assert caught.value.problems == problems
        with pytest.raises(InvalidRegisterError):
            audit_group(register, "any", as_of=AS_OF, policy=Policy(), baseline=ENGLAND)
        return
    check_register(register, as_of=AS_OF)
    for group in register.groups:
        audit_group(register, group.id, as_of=AS_OF, policy=Policy(), baseline=ENGLAND)


@given(registers_with_an_odd_value())
def test_saving_refuses_exactly_the_wrong_types_and_loading_back_finds_the_rest(register: Register) -> None:
    """Saving refuses a value of the wrong type; what it writes, loading reads back with validation's problems."""
    wrong_types = value_problems(register)
    if wrong_types:
        with pytest.raises(InvalidRegisterError) as caught:
            dumps_register(register, "yaml")
        assert caught.value.problems == wrong_types
        return
    text = dumps_register(register, "yaml")
    expected = validate_register(register, source=SOURCE)
    if not expected:
        assert loads_register(text, "yaml", SOURCE) == register
        return
    with pytest.raises(RegisterError) as refused:
        loads_register(text, "yaml", SOURCE)
    assert refused.value.problems == expected


@given(registers_with_an_odd_value())
def test_the_column_gate_never_passes_what_the_item_checker_reports(register: Register) -> None:
    hints = typing.get_type_hints(Register)
    for key in ("members", "groups", "memberships", "meetings"):
        items = getattr(register, key)
        if not isinstance(items, tuple):
            continue
        element = typing.get_args(hints[key])[0]
        if column_ok(element)(list(items)):
            assert all(checker_for(element)(item) is None for item in items), key


def test_an_odd_value_deep_down_is_found() -> None:
    """A wrong type three levels down (register, member, training record) is reported at its place."""
    member = Member("ann", "Ann", training=(TrainingRecord("Intro", "2025-01-01"),))  # type: ignore[arg-type]
    register = Register("O", "A", members=(member,))
    assert [p.path for p in validate_register(register)] == ["$.members[0].training[0].completed"]
