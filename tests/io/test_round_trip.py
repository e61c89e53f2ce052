"""Saving then loading gives an equal register, in every format; output is deterministic."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coproduction import models
from coproduction.io.converter import structuring_converter
from coproduction.io.formats import DEFAULT_LIMITS, Format
from coproduction.io.loader import load_register, loads_register
from coproduction.io.preconf import module_for
from coproduction.io.saver import dumps_register, save_register
from coproduction.models import (
    AccessNeed,
    Cadence,
    DiversityProfile,
    EthnicGroup,
    Group,
    GroupKind,
    Meeting,
    Member,
    Paper,
    Payment,
    Perspective,
    Register,
)
from tests import strategies

FORMATS = [Format.YAML, Format.JSON, Format.TOML]
WRITERS = {register_format: module_for(register_format).make_converter() for register_format in FORMATS}


@given(register=strategies.registers())
def test_dumps_then_loads_gives_an_equal_register(register: Register) -> None:
    """One drawn register through every format (drawing is the slow part, so it is shared)."""
    for register_format in FORMATS:
        text = dumps_register(register, register_format)
        assert loads_register(text, register_format, "round-trip") == register, register_format


@given(register=strategies.registers(max_members=3, max_groups=2, max_meetings=2))
@settings(max_examples=10)
def test_output_is_deterministic(register: Register) -> None:
    """Same register, same bytes: also when sets were built in another order."""
    rebuilt = Register(
        organisation=register.organisation,
        area=register.area,
        members=tuple(_reordered(member) for member in register.members),
        groups=register.groups,
        memberships=register.memberships,
        meetings=register.meetings,
    )
    for register_format in FORMATS:
        assert dumps_register(rebuilt, register_format) == dumps_register(register, register_format)


def _reordered(member: Member) -> Member:
    return attrs.evolve(
        member,
        perspectives=frozenset(sorted(member.perspectives, reverse=True)),
        service_areas=frozenset(sorted(member.service_areas, reverse=True)),
    )


@pytest.mark.parametrize("suffix", [".yaml", ".yml", ".json", ".toml"])
def test_save_register_picks_the_format_from_the_suffix(tmp_path: Path, suffix: str) -> None:
    register = _small_register()
    target = tmp_path / f"register{suffix}"
    save_register(register, target)
    assert load_register(target) == register
    text = target.read_text(encoding="utf-8")
    if suffix == ".json":
        assert text.startswith("{")
    elif suffix == ".toml":
        assert 'organisation = "Oxfordshire County Council"' in text
    else:
        assert text.startswith("organisation: Oxfordshire County Council")


def test_save_register_with_an_explicit_format_overrides_the_suffix(tmp_path: Path) -> None:
    target = tmp_path / "register.txt"
    save_register(_small_register(), target, format="json")
    assert loads_register(target.read_text(encoding="utf-8"), "json") == _small_register()


def test_saved_files_are_readable() -> None:
    """Dates YYYY-MM-DD, times HH:MM, date-times ISO 8601 with offset, amounts as strings, defaults left out."""
    yaml_text = dumps_register(_small_register(), "yaml")
    assert "joined: 2025-03-01\n" in yaml_text
    assert "start: 2026-01-06T10:00:00+00:00\n" in yaml_text
    assert "start: '10:00'\n" in yaml_text
    assert "amount: '12.50'\n" in yaml_text
    assert "perspectives:\n  - carer\n  - staff\n" in yaml_text  # a set, sorted
    assert "voting" not in yaml_text  # defaults omitted
    assert "status" not in yaml_text
    assert "organisation_user_led" not in yaml_text
    assert "null" not in yaml_text
    json_text = dumps_register(_small_register(), "json")
    assert '"start": "2026-01-06T10:00:00+00:00"' in json_text
    assert '"joined": "2025-03-01"' in json_text


def test_access_needs_none_and_empty_stay_apart() -> None:
    """``None`` (nobody asked, MB005) is omitted; an empty set (asked, needs nothing) is written as []."""
    asked = Member(id="a", name="A", access_needs=frozenset())
    not_asked = Member(id="b", name="B")
    register = Register(organisation="O", area="A", members=(asked, not_asked))
    for register_format in FORMATS:
        loaded = loads_register(dumps_register(register, register_format), register_format)
        assert loaded.members[0].access_needs == frozenset()
        assert loaded.members[1].access_needs is None


def test_a_paper_with_no_formats_is_not_given_the_default() -> None:
    """``formats`` defaults to {standard}; an empty set must survive the round trip as empty."""
    meeting = _meeting(papers=(Paper(title="Minutes", formats=frozenset()),))
    register = Register(
        organisation="O", area="A", groups=(Group(id="board", name="Board", kind=GroupKind.BOARD),),
        meetings=(meeting,),
    )
    for register_format in FORMATS:
        loaded = loads_register(dumps_register(register, register_format), register_format)
        assert loaded.meetings[0].papers[0].formats == frozenset()


def test_a_folder_register_joins_lists_in_file_name_order(tmp_path: Path) -> None:
    register = _small_register()
    head = Register(organisation=register.organisation, area=register.area)
    (tmp_path / "00-register.yaml").write_text(dumps_register(head, "yaml"), encoding="utf-8")
    (tmp_path / "10-members.json").write_text(
        '{"members": [{"id": "ann", "name": "Ann", "perspectives": ["carer", "staff"],'
        ' "joined": "2025-03-01", "access_needs": []}]}',
        encoding="utf-8",
    )
    rest = dumps_register(
        Register(organisation="x", area="x", groups=register.groups, meetings=register.meetings), "toml"
    )
    rest = "\n".join(line for line in rest.splitlines() if not line.startswith(("organisation", "area")))
    (tmp_path / "20-groups.toml").write_text(rest, encoding="utf-8")
    (tmp_path / "notes.txt").write_text("not a register file", encoding="utf-8")
    (tmp_path / ".hidden.yaml").write_text("- not read", encoding="utf-8")
    loaded = load_register(tmp_path)
    assert loaded.members == register.members
    assert loaded.groups == register.groups
    assert loaded.meetings == register.meetings
    assert (loaded.organisation, loaded.area) == (register.organisation, register.area)


def test_the_bundled_example_loads() -> None:
    example = Path(__file__).resolve().parents[2] / "examples" / "oxfordshire"
    if not example.is_dir():  # pragma: no cover - the example is shipped with the repository
        pytest.skip("no bundled example")
    register = load_register(example)
    assert register.members
    assert register.meetings
    for register_format in FORMATS:
        assert loads_register(dumps_register(register, register_format), register_format) == register


def test_yaml_native_and_string_dates_are_both_accepted() -> None:
    text = """
organisation: O
area: A
members:
  - {id: a, name: A, joined: 2025-03-01}
  - {id: b, name: B, joined: "2025-03-01"}
groups: [{id: g, name: G, kind: board, cadence: {start: 10:00, end: "12:30"}}]
meetings:
  - {id: m, group: g, title: T, start: 2026-01-06T10:00:00+00:00, end: "2026-01-06T12:00:00Z"}
"""
    register = loads_register(text, "yaml")
    assert register.members[0].joined == register.members[1].joined == date(2025, 3, 1)
    assert register.groups[0].cadence == Cadence(start=time(10, 0), end=time(12, 30))
    assert register.meetings[0].end - register.meetings[0].start == timedelta(hours=2)


def test_toml_native_values_are_accepted() -> None:
    text = """
organisation = "O"
area = "A"
[[members]]
id = "a"
name = "A"
joined = 2025-03-01
[[groups]]
id = "g"
name = "G"
kind = "board"
cadence = { start = 10:00:00, end = "12:30" }
[[meetings]]
id = "m"
group = "g"
title = "T"
start = 2026-01-06T10:00:00+00:00
end = "2026-01-06T12:00:00+00:00"
payments = [{ member = "a", amount = 12.5 }]
"""
    register = loads_register(text, "toml")
    assert register.groups[0].cadence == Cadence(start=time(10, 0), end=time(12, 30))
    assert register.meetings[0].payments == (Payment(member="a", amount=Decimal("12.5")),)


def test_yaml_words_that_yaml_1_1_would_turn_into_booleans_stay_text() -> None:
    """``on:`` is the Acknowledgement field, and ``no``/``off`` are plain words in a register."""
    text = """
organisation: no
area: off
members: [{id: a, name: A}]
groups:
  - id: g
    name: G
    kind: board
    ground_rules: {agreed: 2025-01-01, acknowledgements: [{member: a, on: 2025-02-01}]}
"""
    register = loads_register(text, "yaml")
    assert (register.organisation, register.area) == ("no", "off")
    rules = register.groups[0].ground_rules
    assert rules is not None
    assert rules.acknowledgements[0].on == date(2025, 2, 1)


@pytest.mark.parametrize("register_format", FORMATS)
@given(text=st.text())
@settings(max_examples=300)
def test_any_text_round_trips(register_format: Format, text: str) -> None:
    """Line separators, control characters, quotes, leading and trailing spaces: text comes back as it went."""
    module = module_for(register_format)
    assert module.loads(module.dumps({"text": text}), DEFAULT_LIMITS) == {"text": text}


MEMBER_IDS = ["ann", "bob"]
#: One strategy per model; test_every_model_has_a_strategy keeps it complete.
MODEL_STRATEGIES: dict[type, st.SearchStrategy[Any]] = {
    models.Register: strategies.registers(max_members=2, max_groups=1, max_meetings=1),
    models.Member: strategies.members(),
    models.TrainingRecord: strategies.training_records(),
    models.DiversityProfile: strategies.diversity_profiles(),
    models.Group: strategies.groups(member_ids=MEMBER_IDS),
    models.Cadence: strategies.cadences(),
    models.GroundRules: strategies.ground_rules(MEMBER_IDS),
    models.GroundRule: strategies.ground_rule_items(),
    models.Acknowledgement: strategies.acknowledgements(MEMBER_IDS),
    models.Membership: strategies.memberships(MEMBER_IDS, ["board"]),
    models.Meeting: strategies.meetings(member_ids=MEMBER_IDS),
    models.Venue: strategies.venues(),
    models.Break: strategies.breaks(),
    models.AgendaItem: strategies.agenda_items(MEMBER_IDS),
    models.Outcome: strategies.outcomes(),
    models.Paper: strategies.papers(),
    models.Attendance: strategies.attendances(MEMBER_IDS),
    models.Decision: strategies.decisions(),
    models.Action: strategies.actions(MEMBER_IDS),
    models.Payment: strategies.payments(MEMBER_IDS),
}


def test_every_model_has_a_strategy() -> None:
    in_package = {value for value in vars(models).values() if isinstance(value, type) and attrs.has(value)}
    assert set(MODEL_STRATEGIES) == in_package


@pytest.mark.parametrize("model", list(MODEL_STRATEGIES), ids=lambda model: model.__name__)
@given(data=st.data())
@settings(max_examples=15)
def test_every_model_round_trips_in_every_format(model: type, data: st.DataObject) -> None:
    """Each model on its own, through each format's converter and text (not only inside a whole register)."""
    value = data.draw(MODEL_STRATEGIES[model])
    for register_format in FORMATS:
        module = module_for(register_format)
        plain = WRITERS[register_format].unstructure(value, model)
        loaded = module.loads(module.dumps({"item": plain}), DEFAULT_LIMITS)["item"]
        assert structuring_converter(detailed=True).structure(loaded, model) == value, register_format


def _meeting(**changes: object) -> Meeting:
    fields: dict[str, object] = {
        "id": "m1",
        "group": "board",
        "title": "Board meeting",
        "start": datetime(2026, 1, 6, 10, tzinfo=UTC),
        "end": datetime(2026, 1, 6, 12, tzinfo=UTC),
    }
    fields.update(changes)
    return Meeting(**fields)  # type: ignore[arg-type]


def _small_register() -> Register:
    return Register(
        organisation="Oxfordshire County Council",
        area="Oxfordshire",
        members=(
            Member(
                id="ann",
                name="Ann",
                perspectives=frozenset({Perspective.STAFF, Perspective.CARER}),
                joined=date(2025, 3, 1),
                access_needs=frozenset(),
            ),
        ),
        groups=(
            Group(
                id="board",
                name="Team-Up",
                kind=GroupKind.BOARD,
                cadence=Cadence(start=time(10, 0), end=time(12, 30)),
            ),
        ),
        meetings=(_meeting(payments=(Payment(member="ann", amount=Decimal("12.50")),)),),
    )


def test_diversity_answers_round_trip() -> None:
    member = Member(id="a", name="A", diversity=DiversityProfile(ethnic_group=EthnicGroup.MIXED))
    register = Register(organisation="O", area="A", members=(member,))
    for register_format in FORMATS:
        assert loads_register(dumps_register(register, register_format), register_format) == register


def test_access_needs_are_written_sorted() -> None:
    member = Member(
        id="a", name="A", access_needs=frozenset({AccessNeed.STEP_FREE, AccessNeed.BSL, AccessNeed.EASY_READ})
    )
    text = dumps_register(Register(organisation="O", area="A", members=(member,)), "json")
    assert text.index('"bsl"') < text.index('"easy-read"') < text.index('"step-free"')
