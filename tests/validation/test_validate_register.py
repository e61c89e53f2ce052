"""validate_register: the register's rules on a register built in code, with the loader's messages and paths.

Issue 11, "Done means": a register built in code with a dangling reference, an end before its start and a
duplicate id is refused by check_register with all three problems, in the words the loader uses for the same
register in YAML; wrong types are reported with their field (or accepted in the file format's form), never met as
an AttributeError inside a check.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, timezone
from decimal import Decimal
from pathlib import Path

import attrs
import pytest

from coproduction.api import check_register
from coproduction.audit.analysis import audit_group as audit_arithmetic
from coproduction.errors import CoproductionError, InvalidRegisterError, Problem, RegisterError
from coproduction.io.baselines import resolve_baseline
from coproduction.io.loader import load_register, loads_register
from coproduction.io.saver import dumps_register, save_register
from coproduction.models import (
    Acknowledgement,
    Action,
    AgeBand,
    AgendaItem,
    Attendance,
    Break,
    Cadence,
    DiversityProfile,
    GroundRules,
    Group,
    GroupKind,
    Meeting,
    Member,
    Membership,
    Outcome,
    Paper,
    Payment,
    Perspective,
    Register,
    Sex,
    TrainingRecord,
    validation,
)
from coproduction.models.validation import validate_register
from coproduction.policy import Policy

AS_OF = date(2026, 11, 25)
START = datetime(2026, 1, 6, 10, tzinfo=UTC)


def tidy(**fields: object) -> Register:
    """A small valid register: two members, a board, their memberships and one meeting."""
    defaults: dict[str, object] = {
        "organisation": "Test Council",
        "area": "Testshire",
        "members": (
            Member(id="ann", name="Ann", perspectives=frozenset({Perspective.USES_SERVICES})),
            Member(id="bob", name="Bob", perspectives=frozenset({Perspective.STAFF})),
        ),
        "groups": (Group(id="board", name="Board", kind=GroupKind.BOARD),),
        "memberships": (Membership(member="ann", group="board"), Membership(member="bob", group="board")),
        "meetings": (Meeting(id="m1", group="board", title="Board", start=START, end=START + timedelta(hours=2)),),
    }
    defaults.update(fields)
    return Register(**defaults)  # type: ignore[arg-type]


def problems_of(register: Register) -> list[tuple[str, str]]:
    return [(p.path, p.message) for p in validate_register(register)]


def meeting(**fields: object) -> Meeting:
    values: dict[str, object] = {
        "id": "m1",
        "group": "board",
        "title": "Board",
        "start": START,
        "end": START + timedelta(hours=2),
    }
    values.update(fields)
    return Meeting(**values)  # type: ignore[arg-type]


# -- the register: three problems, the loader's words ------------------------------------------------


def broken() -> Register:
    return tidy(
        meetings=(
            meeting(id="m1", group="champions"),  # no such group
            meeting(id="m2", end=START - timedelta(minutes=30)),  # ends before it starts
            meeting(id="m1"),  # the id again
        )
    )


def test_check_register_refuses_all_three_problems_at_once() -> None:
    with pytest.raises(InvalidRegisterError) as caught:
        check_register(broken(), as_of=AS_OF)
    assert [(p.path, p.message) for p in caught.value.problems] == [
        ("$.meetings[2].id", "duplicate id 'm1'; it is also used at <register>: $.meetings[0]"),
        ("$.meetings[0].group", "no group with id 'champions' in the register"),
        ("$.meetings[1].end", "end before start; a meeting must end after it starts"),
    ]
    assert isinstance(caught.value, RegisterError)
    assert isinstance(caught.value, CoproductionError)
    assert str(caught.value).splitlines()[0] == "the register is not valid: 3 problems:"


HAND_WRITTEN = """\
organisation: Test Council
area: Testshire
members:
  - {id: ann, name: Ann, perspectives: [uses-services]}
  - {id: bob, name: Bob, perspectives: [staff]}
groups:
  - {id: board, name: Board, kind: board}
memberships:
  - {member: ann, group: board}
  - {member: bob, group: board}
meetings:
  - {id: m1, group: champions, title: Board, start: 2026-01-06T10:00:00+00:00, end: 2026-01-06T12:00:00+00:00}
  - {id: m2, group: board, title: Board, start: 2026-01-06T10:00:00+00:00, end: 2026-01-06T09:30:00+00:00}
  - {id: m1, group: board, title: Board, start: 2026-01-06T10:00:00+00:00, end: 2026-01-06T12:00:00+00:00}
"""


@pytest.mark.parametrize("text", [HAND_WRITTEN, dumps_register(broken(), "yaml")], ids=["by-hand", "saved"])
def test_the_same_register_in_yaml_gets_the_same_problems(text: str) -> None:
    with pytest.raises(RegisterError) as caught:
        loads_register(text, "yaml", "<register>")
    assert caught.value.problems == validate_register(broken())


def test_a_valid_register_has_no_problems_and_checks_as_before() -> None:
    register = tidy()
    assert validate_register(register) == ()
    assert check_register(register, as_of=AS_OF).as_of == AS_OF


def test_the_source_names_the_register_in_problems() -> None:
    found = validate_register(broken(), source="council-db")
    assert {p.file for p in found} == {"council-db"}
    assert "council-db: $.meetings[0]" in found[0].message


def test_not_a_register_is_one_problem_not_a_crash() -> None:
    assert validate_register("register.yaml") == (  # type: ignore[arg-type]
        Problem("<register>", "$", "expected a Register, found text"),
    )
    with pytest.raises(InvalidRegisterError):
        check_register(12345, as_of=AS_OF)  # type: ignore[arg-type]


# -- every rule the loader has, on a register built in code ----------------------------------------------------

MISSING = "no member with id 'zed' in the register"


@pytest.mark.parametrize(
    ("register", "path", "message"),
    [
        (tidy(memberships=(Membership(member="zed", group="board"),)), "$.memberships[0].member", MISSING),
        (
            tidy(memberships=(Membership(member="ann", group="nowhere"),)),
            "$.memberships[0].group",
            "no group with id 'nowhere' in the register",
        ),
        (tidy(meetings=(meeting(expected=("ann", "zed")),)), "$.meetings[0].expected[1]", MISSING),
        (
            tidy(meetings=(meeting(agenda=(AgendaItem("Hello", leads=("zed",)),)),)),
            "$.meetings[0].agenda[0].leads[0]",
            MISSING,
        ),
        (tidy(meetings=(meeting(attendance=(Attendance("zed"),)),)), "$.meetings[0].attendance[0].member", MISSING),
        (
            tidy(meetings=(meeting(actions=(Action("Minutes", owner="zed"),)),)),
            "$.meetings[0].actions[0].owner",
            MISSING,
        ),
        (tidy(meetings=(meeting(payments=(Payment("zed"),)),)), "$.meetings[0].payments[0].member", MISSING),
        (
            tidy(
                groups=(
                    Group(
                        "board",
                        "Board",
                        GroupKind.BOARD,
                        ground_rules=GroundRules(
                            date(2025, 1, 1), acknowledgements=(Acknowledgement("zed", date(2025, 2, 1)),)
                        ),
                    ),
                )
            ),
            "$.groups[0].ground_rules.acknowledgements[0].member",
            MISSING,
        ),
        (
            tidy(members=(Member("ann", "Ann"), Member("ann", "Ann again"), Member("bob", "Bob"))),
            "$.members[1].id",
            "duplicate id 'ann'; it is also used at <register>: $.members[0]",
        ),
        (
            tidy(meetings=(meeting(end=START),)),
            "$.meetings[0].end",
            "end before start; a meeting must end after it starts",
        ),
        (
            tidy(memberships=(Membership("ann", "board", started=date(2026, 2, 1), left=date(2026, 1, 1)),)),
            "$.memberships[0].left",
            "end before start: left before started",
        ),
        (
            tidy(memberships=(Membership("ann", "board", started=date(2026, 2, 1), term_ends=date(2026, 1, 1)),)),
            "$.memberships[0].term_ends",
            "end before start: the term ends before it started",
        ),
        (
            tidy(groups=(Group("board", "Board", GroupKind.BOARD, cadence=Cadence(start=time(12), end=time(10))),)),
            "$.groups[0].cadence.end",
            "end before start; the end must be after the start",
        ),
        (
            tidy(groups=(Group("board", "Board", GroupKind.BOARD, cadence=Cadence(week_of_month=5)),)),
            "$.groups[0].cadence.week_of_month",
            "must be 1, 2, 3, 4 or -1 (the last)",
        ),
        (
            tidy(groups=(Group("board", "Board", GroupKind.BOARD, quorum=100_001),)),
            "$.groups[0].quorum",
            "must be from 0 to 100,000",
        ),
        (
            tidy(
                groups=(
                    Group(
                        "board",
                        "Board",
                        GroupKind.BOARD,
                        ground_rules=GroundRules(date(2025, 1, 1), reviewed=date(2024, 1, 1)),
                    ),
                )
            ),
            "$.groups[0].ground_rules.reviewed",
            "reviewed before the rules were agreed",
        ),
        (tidy(meetings=(meeting(bsl_interpreters=21),)), "$.meetings[0].bsl_interpreters", "must be from 0 to 20"),
        (tidy(meetings=(meeting(sequence=-1),)), "$.meetings[0].sequence", "must be from 0 to 1,000,000"),
        (
            tidy(meetings=(meeting(breaks=(Break(60, 0),)),)),
            "$.meetings[0].breaks[0].minutes",
            "must be from 1 to 10,080 (minutes)",
        ),
        (
            tidy(meetings=(meeting(payments=(Payment("ann", amount=Decimal("-0.01")),)),)),
            "$.meetings[0].payments[0].amount",
            "must be from 0 to 1,000,000",
        ),
    ],
)
def test_each_rule_fires_on_a_register_built_in_code(register: Register, path: str, message: str) -> None:
    assert (path, message) in problems_of(register)
    # ... and says the same as the loader does for the same register saved and read back.
    with pytest.raises(RegisterError) as caught:
        loads_register(dumps_register(register, "yaml"), "yaml", "<register>")
    assert caught.value.problems == validate_register(register)


# -- plausible dates -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "fine"),
    [
        (date(1900, 1, 1), True),
        (date(1899, 12, 31), False),
        (date(2200, 12, 31), True),
        (date(2201, 1, 1), False),
        (date(1, 1, 1), False),
        (date(9999, 12, 31), False),
    ],
)
def test_dates_from_1900_to_2200_are_plausible(day: date, fine: bool) -> None:
    register = tidy(members=(Member("ann", "Ann", joined=day), Member("bob", "Bob")))
    expected = (
        []
        if fine
        else [
            (
                "$.members[0].joined",
                f"{day.isoformat()} is outside the plausible range 1900-01-01 to 2200-12-31; check the year",
            )
        ]
    )
    assert problems_of(register) == expected


@pytest.mark.parametrize(
    ("start", "fine"),
    [
        (datetime(1900, 1, 1, tzinfo=UTC), True),
        (datetime(1899, 12, 31, 23, 59, 59, tzinfo=UTC), False),
        (datetime(1900, 1, 1, 0, 30, tzinfo=timezone(timedelta(hours=1))), False),  # 1899 in UTC
        (datetime(2200, 12, 31, 21, 59, tzinfo=UTC), True),
        (datetime(2200, 12, 31, 22, 30, tzinfo=timezone(timedelta(hours=-2))), False),  # 2201 in UTC
        (datetime(1, 1, 1, tzinfo=timezone(timedelta(hours=14))), False),  # no UTC instant Python can hold
    ],
)
def test_a_meetings_instant_is_plausible_in_utc(start: datetime, fine: bool) -> None:
    register = tidy(meetings=(meeting(start=start, end=start + timedelta(hours=2)),))
    paths = [path for path, _ in problems_of(register)]
    assert ("$.meetings[0].start" not in paths) is fine


@pytest.mark.parametrize(
    ("change", "path"),
    [
        (
            {"members": (Member("ann", "Ann", training=(TrainingRecord("Intro", date(1850, 1, 1)),)),)},
            "$.members[0].training[0].completed",
        ),
        ({"memberships": (Membership("ann", "board", started=date(2301, 1, 1)),)}, "$.memberships[0].started"),
        ({"meetings": (meeting(replaces=date(1800, 1, 1)),)}, "$.meetings[0].replaces"),
        (
            {"meetings": (meeting(papers=(Paper("Minutes", published=date(1066, 10, 14)),)),)},
            "$.meetings[0].papers[0].published",
        ),
        ({"meetings": (meeting(actions=(Action("Do", due=date(3000, 1, 1)),)),)}, "$.meetings[0].actions[0].due"),
        (
            {"meetings": (meeting(agenda=(AgendaItem("Hi", outcome=Outcome("Done", date(1000, 1, 1))),)),)},
            "$.meetings[0].agenda[0].outcome.recorded",
        ),
        (
            {"groups": (Group("board", "Board", GroupKind.BOARD, ground_rules=GroundRules(date(1777, 7, 7))),)},
            "$.groups[0].ground_rules.agreed",
        ),
    ],
)
def test_every_date_is_held_to_the_range(change: dict[str, object], path: str) -> None:
    members = change.pop("members", None)
    register = tidy(**change) if members is None else tidy(members=(*members, Member("bob", "Bob")), **change)
    assert path in [found for found, _ in problems_of(register)]


# -- wrong types: accepted in the file's form, or reported with their field ---------------------------------------


def test_the_file_formats_forms_are_accepted_in_code() -> None:
    """The issue's examples, which used to fail inside a check (DV003, EQ003) or the audit."""
    ann = Member(
        id="ann",
        name="Ann",
        perspectives=["uses-services"],  # type: ignore[arg-type]
        access_needs=["bsl", "easy-read"],
        diversity=DiversityProfile(sex="male", age="35-49"),
    )
    assert ann.perspectives == frozenset({Perspective.USES_SERVICES})
    assert type(next(iter(ann.perspectives))) is Perspective
    assert ann.diversity is not None
    assert ann.diversity.sex is Sex.MALE
    assert ann.diversity.age is AgeBand.AGED_35_TO_49
    board = Group(id="board", name="Board", kind="board")
    assert board.kind is GroupKind.BOARD
    register = tidy(
        members=[ann, Member("bob", "Bob", perspectives=["staff"])],
        groups=[board],
        meetings=[meeting(status="held", attendance=[Attendance("ann", status="present")])],
    )
    assert isinstance(register.members, tuple)
    assert isinstance(register.meetings[0].attendance, tuple)
    assert validate_register(register) == ()
    check_register(register, as_of=AS_OF)
    audit_arithmetic(register, "board", as_of=AS_OF, policy=Policy(), baseline=resolve_baseline("england"))


@pytest.mark.parametrize(
    ("register", "path", "message"),
    [
        (
            tidy(groups=(Group("board", "Board", kind="boad"),)),
            "$.groups[0].kind",
            "'boad' is not one of: board, champions-network, partnership-board, working-group, focus-group, "
            "speak-out-group",
        ),
        (
            tidy(members=(Member("ann", "Ann", perspectives="uses-services"), Member("bob", "Bob"))),
            "$.members[0].perspectives",
            "expected a list or a set, found text",
        ),
        (
            tidy(members=(Member("ann", "Ann", perspectives=["uses-services", "boss"]), Member("bob", "Bob"))),
            "$.members[0].perspectives",
            "'boss' is not one of: uses-services, carer, staff, voluntary-sector",
        ),
        (
            tidy(members=(Member("ann", 7), Member("bob", "Bob"))),
            "$.members[0].name",
            "expected text (a str), found a number",
        ),
        (
            tidy(members=(Member("ann", "Ann", joined=datetime(2026, 1, 1)), Member("bob", "Bob"))),
            "$.members[0].joined",
            "expected a date (a datetime.date, without a time), found a date and time",
        ),
        (
            tidy(meetings=(meeting(start=datetime(2026, 1, 6, 10)),)),
            "$.meetings[0].start",
            "time zone missing; give an aware datetime, e.g. datetime(2026, 1, 6, 10, tzinfo=UTC)",
        ),
        (
            tidy(meetings=(meeting(start="2026-01-06T10:00:00+00:00"),)),
            "$.meetings[0].start",
            "expected a date and time (an aware datetime.datetime), found text",
        ),
        (tidy(meetings=(meeting(expected="ann"),)), "$.meetings[0].expected", "expected a list or a tuple, found text"),
        (tidy(meetings=(meeting(captions="yes"),)), "$.meetings[0].captions", "expected True or False, found text"),
        (
            tidy(meetings=(meeting(bsl_interpreters=True),)),
            "$.meetings[0].bsl_interpreters",
            "expected a whole number (an int), found true/false",
        ),
        (
            tidy(meetings=(meeting(payments=(Payment("ann", amount=12.5),)),)),
            "$.meetings[0].payments[0].amount",
            "expected an amount (a decimal.Decimal such as Decimal('12.50')), found a number",
        ),
        (
            tidy(meetings=(meeting(payments=(Payment("ann", amount=Decimal("NaN")),)),)),
            "$.meetings[0].payments[0].amount",
            "expected an amount such as 12.50, found a number that is not finite",
        ),
        (tidy(meetings=(meeting(venue="Town hall"),)), "$.meetings[0].venue", "expected a Venue, found text"),
        (
            tidy(groups=(Group("board", "Board", GroupKind.BOARD, cadence=Cadence(start=time(10, tzinfo=UTC))),)),
            "$.groups[0].cadence.start",
            "a time of day is local to the policy's time zone; write HH:MM without an offset",
        ),
        (tidy(organisation=None), "$.organisation", "expected text (a str), found nothing (null)"),
        (tidy(members={"ann": Member("ann", "Ann")}), "$.members", "expected a list or a tuple, found a mapping"),
        (
            tidy(members=(Member("ann", "Ann"), {"id": "bob", "name": "Bob"})),
            "$.members[1]",
            "expected a Member, found a mapping",
        ),
        (
            tidy(meetings=(meeting(title="Board \ud800"),)),
            "$.meetings[0].title",
            "contains an escape such as \\ud800 that is not a character (half of a UTF-16 pair); fix the text",
        ),
    ],
)
def test_a_wrong_type_is_reported_with_its_field(register: Register, path: str, message: str) -> None:
    assert (path, message) in problems_of(register)
    with pytest.raises(InvalidRegisterError) as caught:
        check_register(register, as_of=AS_OF)
    assert (path, message) in [(p.path, p.message) for p in caught.value.problems]


def test_an_item_of_a_wrong_type_still_has_its_references_checked() -> None:
    """Reference problems come in the same run as the wrong type, wherever the reference can be read."""
    register = tidy(
        meetings=(meeting(group="champions", start=datetime(2026, 1, 6, 10), attendance=(Attendance("zed"),)),)
    )
    assert [path for path, _ in problems_of(register)] == [
        "$.meetings[0].start",
        "$.meetings[0].group",
        "$.meetings[0].attendance[0].member",
    ]


def test_an_item_of_a_wrong_type_keeps_its_id_known() -> None:
    """A membership of a group whose kind is wrong is not reported as naming no group."""
    register = tidy(groups=(Group("board", "Board", kind="boad"),))
    assert [path for path, _ in problems_of(register)] == ["$.groups[0].kind"]


def test_a_diversity_answer_is_never_echoed() -> None:
    register = tidy(members=(Member("ann", "Ann", diversity=DiversityProfile(sex="klingon-xyz")), Member("bob", "B")))
    with pytest.raises(InvalidRegisterError) as caught:
        audit_arithmetic(register, "board", as_of=AS_OF, policy=Policy(), baseline=resolve_baseline("england"))
    assert [p.path for p in caught.value.problems] == ["$.members[0].diversity.sex"]
    assert "klingon" not in str(caught.value)
    assert caught.value.problems[0].message == "not one of the categories: female, male, prefer-not-to-say"


def test_a_file_item_that_fails_to_load_has_its_references_checked_too() -> None:
    text = """
organisation: O
area: A
members: [{id: ann, name: Ann}]
groups: [{id: board, name: Board, kind: board}]
memberships: [{member: zed, group: board, voting: maybe}]
"""
    with pytest.raises(RegisterError) as caught:
        loads_register(text, "yaml")
    assert [(p.path, p.message.split(";")[0]) for p in caught.value.problems] == [
        ("$.memberships[0].voting", "expected true or false, found text"),
        ("$.memberships[0].member", MISSING),
    ]


# -- validated once ----------------------------------------------------------------------------------------------


def test_a_loaded_register_is_not_validated_again(monkeypatch: pytest.MonkeyPatch) -> None:
    register = load_register("examples/oxfordshire")

    def never(*_: object, **__: object) -> tuple[Problem, ...]:
        raise AssertionError("a loaded register was validated again")

    monkeypatch.setattr(validation, "validate_register", never)
    check_register(register, as_of=AS_OF)


def test_a_register_built_in_code_is_validated_once(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[Register] = []
    real = validation.validate_register

    def counting(register: Register, **options: str) -> tuple[Problem, ...]:
        calls.append(register)
        return real(register, **options)

    monkeypatch.setattr(validation, "validate_register", counting)
    register = tidy()
    check_register(register, as_of=AS_OF)
    check_register(register, as_of=AS_OF)
    assert len(calls) == 1
    # A changed copy is a new register, validated afresh (and refused, here).
    with pytest.raises(InvalidRegisterError):
        check_register(attrs.evolve(register, meetings=(meeting(group="nowhere"),)), as_of=AS_OF)
    assert len(calls) == 2


# -- saving ------------------------------------------------------------------------------------------------------


def test_saving_refuses_a_wrong_type_but_not_an_unfinished_register(tmp_path: Path) -> None:
    target = tmp_path / "register.yaml"
    with pytest.raises(InvalidRegisterError) as caught:
        save_register(tidy(groups=(Group("board", "Board", kind="boad"),)), target)
    assert [p.path for p in caught.value.problems] == ["$.groups[0].kind"]
    assert not target.exists()  # nothing written
    # A register being built may refer to a member not added yet: saved, and refused only when loaded.
    unfinished = tidy(memberships=(Membership("zed", "board"),))
    save_register(unfinished, target)
    with pytest.raises(RegisterError):
        load_register(target)
