"""Bad input gives RegisterError with every problem at once, never a raw exception."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coproduction.errors import OutputError, Problem, RegisterError
from coproduction.io.formats import Format, LoadLimits
from coproduction.io.loader import load_register, loads_register
from coproduction.io.preconf import module_for
from coproduction.io.saver import dumps_register, save_register
from coproduction.models import Register
from tests import strategies

GOOD = """
organisation: O
area: A
members: [{id: ann, name: Ann}]
groups: [{id: board, name: Board, kind: board}]
"""


def _problems(text: str, register_format: str = "yaml", **kwargs: Any) -> list[Problem]:
    with pytest.raises(RegisterError) as caught:
        loads_register(text, register_format, "register.yaml", **kwargs)
    return list(caught.value.problems)


def test_every_problem_is_reported_at_once() -> None:
    text = """
organisation: O
area: A
members:
  - {id: ann, name: Ann, joined: 2026-13-01}
  - {id: bob, name: 7, perspectives: [staff, boss]}
meetings:
  - {id: m, group: nowhere, title: T, start: 2026-01-06T10:00:00, end: 2026-01-06T09:00:00+00:00}
"""
    problems = _problems(text)
    assert [(p.file, p.path) for p in problems] == [
        ("register.yaml", "$.members[0].joined"),
        ("register.yaml", "$.members[1].name"),
        ("register.yaml", "$.members[1].perspectives[1]"),
        ("register.yaml", "$.meetings[0].start"),
        # The meeting could not be read whole, but its group is text: the dangling reference is reported now,
        # not only once the start is fixed.
        ("register.yaml", "$.meetings[0].group"),
    ]
    assert "'boss' is not one of: uses-services, carer, staff, voluntary-sector" in problems[2].message
    assert problems[4].message == "no group with id 'nowhere' in the register"


def test_consistency_problems_come_with_structure_problems() -> None:
    text = GOOD + "memberships: [{member: zed, group: board}, {member: ann, group: board, voting: maybe}]\n"
    problems = _problems(text)
    assert {(p.path, p.message.split(";")[0]) for p in problems} == {
        ("$.memberships[1].voting", "expected true or false, found text"),
        ("$.memberships[0].member", "no member with id 'zed' in the register"),
    }


def test_a_reference_to_an_item_that_failed_to_load_is_not_reported_twice() -> None:
    text = GOOD + "memberships: [{member: cat, group: board}]\n"
    text = text.replace("members: [{id: ann, name: Ann}]", "members: [{id: ann, name: Ann}, {id: cat}]")
    problems = _problems(text)
    assert [(p.path, p.message) for p in problems] == [("$.members[1].name", "required field missing")]


def test_a_meeting_that_ends_when_it_starts_is_reported() -> None:
    text = GOOD + (
        "meetings: [{id: m, group: board, title: T, start: 2026-01-06T10:00:00+00:00,"
        " end: 2026-01-06T11:00:00+01:00}]\n"
    )
    assert [p.path for p in _problems(text)] == ["$.meetings[0].end"]


def test_a_meeting_one_minute_long_is_fine() -> None:
    text = GOOD + (
        "meetings: [{id: m, group: board, title: T, start: 2026-01-06T10:00:00+00:00,"
        " end: 2026-01-06T10:01:00+00:00}]\n"
    )
    assert loads_register(text, "yaml").meetings[0].minutes == 1


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ('"2026-01-06 10:00"', "time zone missing"),
        ("2026-01-06", "expected a date and time with offset"),
        ('"tomorrow"', "'tomorrow' is not a date and time"),
        ("[1]", "expected a date and time with offset (2026-01-06T10:00:00+00:00), found a list"),
    ],
)
def test_date_time_problems(value: str, expected: str) -> None:
    text = GOOD + f"meetings: [{{id: m, group: board, title: T, start: {value}, end: 2026-01-06T11:00:00Z}}]\n"
    problems = _problems(text)
    assert problems[0].path == "$.meetings[0].start"
    assert expected in problems[0].message


@pytest.mark.parametrize(
    ("field", "value", "expected"),
    [
        ("quorum", "true", "expected a whole number, found true/false"),
        ("quorum", "2.5", "expected a whole number, found a number"),
        ("quorum", "-1", "must be from 0 to 100,000"),
        ("quorum", "10000000000000000000000", "must be from 0 to 100,000"),
        ("requires_residence", "1", "expected true or false, found a number"),
        ("requires_residence", "yes", "expected true or false, found text"),
        ("name", "null", "expected text, found nothing (null)"),
        ("kind", "[board]", "expected one of: board,"),
    ],
)
def test_strict_types(field: str, value: str, expected: str) -> None:
    group = {"id": "board", "name": "Board", "kind": "board", field: value}  # a field already there is replaced
    written = ", ".join(f"{key}: {text}" for key, text in group.items())
    text = GOOD.replace("{id: board, name: Board, kind: board}", "{" + written + "}")
    problems = _problems(text)
    assert [p.path for p in problems] == [f"$.groups[0].{field}"]
    assert expected in problems[0].message


def test_unknown_fields_inside_diversity_are_not_named() -> None:
    """A misplaced answer written as a key must not be echoed either."""
    text = GOOD.replace("{id: ann, name: Ann}", "{id: ann, name: Ann, diversity: {klingon: true, age: 16-24}}")
    problems = _problems(text)
    assert [p.path for p in problems] == ["$.members[0].diversity"]
    assert "klingon" not in problems[0].message
    assert "age, sex, gender_identity" in problems[0].message


def test_missing_path(tmp_path: Path) -> None:
    with pytest.raises(RegisterError) as caught:
        load_register(tmp_path / "nowhere.yaml")
    assert caught.value.problems == (Problem(str(tmp_path / "nowhere.yaml"), "", "no such file or folder"),)


def test_empty_folder(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("hello", encoding="utf-8")
    with pytest.raises(RegisterError, match=r"no register files \(\.yaml, \.yml, \.json, \.toml\)"):
        load_register(tmp_path)


def test_a_file_with_another_suffix(tmp_path: Path) -> None:
    target = tmp_path / "register.csv"
    target.write_text("a,b", encoding="utf-8")
    with pytest.raises(RegisterError, match=r"its name must end in \.yaml, \.yml, \.json, \.toml"):
        load_register(target)


def test_unknown_format_name() -> None:
    with pytest.raises(RegisterError, match="unknown format 'xml'; use one of: yaml, json, toml"):
        loads_register("<register/>", "xml")
    with pytest.raises(OutputError, match="unknown register format 'xml'"):
        dumps_register(Register(organisation="O", area="A"), "xml")


def test_save_register_needs_a_format(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="cannot tell the format"):
        save_register(Register(organisation="O", area="A"), tmp_path / "register.txt")
    with pytest.raises(OutputError, match="is a folder"):
        save_register(Register(organisation="O", area="A"), tmp_path, format="yaml")


def test_bytes_are_read_as_utf8_and_other_encodings_refused() -> None:
    assert loads_register("organisation: Zoë\narea: A\n".encode(), "yaml").organisation == "Zoë"
    assert loads_register("\ufefforganisation: O\narea: A\n".encode(), "yaml").organisation == "O"
    with pytest.raises(RegisterError, match="not UTF-8 text: byte 0xeb on line 1"):
        loads_register("organisation: Zoë\narea: A\n".encode("latin-1"), "yaml")


# -- folders ------------------------------------------------------------------------------------------------


def test_in_a_folder_a_problem_names_its_file_and_the_index_within_it(tmp_path: Path) -> None:
    (tmp_path / "a-register.yaml").write_text("organisation: O\narea: A\n", encoding="utf-8")
    (tmp_path / "b-members.yaml").write_text("members: [{id: ann, name: Ann}]\n", encoding="utf-8")
    (tmp_path / "c-members.json").write_text(
        json.dumps({"members": [{"id": "bob", "name": "Bob"}, {"id": "cat", "name": "Cat", "joined": "x"}]}),
        encoding="utf-8",
    )
    (tmp_path / "d-memberships.toml").write_text(
        '[[memberships]]\nmember = "ann"\ngroup = "board"\n', encoding="utf-8"
    )
    with pytest.raises(RegisterError) as caught:
        load_register(tmp_path)
    assert [(Path(p.file).name, p.path) for p in caught.value.problems] == [
        ("c-members.json", "$.members[1].joined"),
        ("d-memberships.toml", "$.memberships[0].group"),
    ]


def test_in_a_folder_a_duplicate_id_names_both_files(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text("organisation: O\narea: A\nmembers: [{id: ann, name: Ann}]\n", encoding="utf-8")
    (tmp_path / "b.yaml").write_text("members: [{id: bob, name: Bob}, {id: ann, name: Ann}]\n", encoding="utf-8")
    with pytest.raises(RegisterError) as caught:
        load_register(tmp_path)
    (problem,) = caught.value.problems
    assert (Path(problem.file).name, problem.path) == ("b.yaml", "$.members[1].id")
    assert f"also used at {tmp_path / 'a.yaml'}: $.members[0]" in problem.message


def test_in_a_folder_organisation_and_area_appear_exactly_once(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text("organisation: O\n", encoding="utf-8")
    (tmp_path / "b.yaml").write_text("organisation: P\nmembers: []\n", encoding="utf-8")
    with pytest.raises(RegisterError) as caught:
        load_register(tmp_path)
    assert [(Path(p.file).name, p.path) for p in caught.value.problems] == [
        ("b.yaml", "$.organisation"),
        (tmp_path.name, "$.area"),
    ]
    assert "given more than once" in caught.value.problems[0].message


def test_in_a_folder_every_unreadable_file_is_reported(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text("organisation: [\n", encoding="utf-8")
    (tmp_path / "b.json").write_text("{", encoding="utf-8")
    (tmp_path / "c.toml").write_text("area = 'A'\n", encoding="utf-8")
    with pytest.raises(RegisterError) as caught:
        load_register(tmp_path)
    assert [Path(p.file).name for p in caught.value.problems] == ["a.yaml", "b.json"]


# -- limits -------------------------------------------------------------------------------------------------


def test_alias_limit_is_configurable() -> None:
    text = "organisation: &o O\narea: *o\nmembers: [{id: a, name: *o}]\n"
    assert loads_register(text, "yaml").area == "O"
    problems = _problems(text, limits=LoadLimits(max_aliases=1))
    message = "not valid YAML: more than 1 alias (*name) in one file (line 3, column 25)"
    assert problems == [Problem("register.yaml", "", message)]


def test_yaml_size_limit_is_configurable(tmp_path: Path) -> None:
    target = tmp_path / "register.yaml"
    target.write_text(GOOD, encoding="utf-8")
    assert load_register(target, limits=LoadLimits(max_yaml_bytes=len(GOOD))).area == "A"
    with pytest.raises(RegisterError, match=f"larger than the limit of {len(GOOD) - 1:,} bytes for YAML files"):
        load_register(target, limits=LoadLimits(max_yaml_bytes=len(GOOD) - 1))
    with pytest.raises(RegisterError, match="larger than the limit of 10 bytes for YAML files"):
        loads_register(GOOD, "yaml", limits=LoadLimits(max_yaml_bytes=10))
    # JSON has no size limit unless max_bytes says so.
    json_text = dumps_register(loads_register(GOOD, "yaml"), "json")
    assert loads_register(json_text, "json", limits=LoadLimits(max_yaml_bytes=10)).area == "A"
    with pytest.raises(RegisterError, match="larger than the limit of 10 bytes for JSON files"):
        loads_register(json_text, "json", limits=LoadLimits(max_bytes=10))


# -- nothing but a Register or a RegisterError -----------------------------------------------------------------

JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=12),
    lambda children: st.lists(children, max_size=4)
    | st.dictionaries(st.text(max_size=12), children, max_size=4),
    max_leaves=20,
)
KEYS = st.sampled_from(
    ["organisation", "area", "members", "groups", "memberships", "meetings", "id", "name", "start", "end",
     "diversity", "ethnic_group", "perspectives", "kind", "group", "member", "agenda", "leads"]
)
REGISTER_LIKE = st.recursive(
    JSON_VALUES,
    lambda children: st.lists(children, max_size=3) | st.dictionaries(KEYS, children, max_size=5),
    max_leaves=25,
)


def _load_or_error(text: str, register_format: str) -> None:
    try:
        result: Register | RegisterError = loads_register(text, register_format, "fuzz")
    except RegisterError as error:
        result = error
    if isinstance(result, RegisterError):
        assert result.problems
        assert all(isinstance(p, Problem) and p.file == "fuzz" for p in result.problems)
    else:
        assert isinstance(result, Register)


@given(value=JSON_VALUES)
def test_any_json_value_gives_a_register_or_register_error(value: object) -> None:
    _load_or_error(json.dumps(value), "json")


@given(value=REGISTER_LIKE)
def test_register_shaped_junk_gives_a_register_or_register_error(value: object) -> None:
    _load_or_error(json.dumps(value), "json")


@given(data=st.data(), register=strategies.registers(max_members=2, max_groups=2, max_meetings=2))
@settings(max_examples=60)
def test_a_register_with_one_value_replaced_gives_a_register_or_register_error(
    data: st.DataObject, register: Register
) -> None:
    """Corrupt one value anywhere in a valid register's data: the loader still answers properly."""
    plain = json.loads(dumps_register(register, "json"))
    places = list(_places(plain))
    if places:
        container, key = data.draw(st.sampled_from(places))
        container[key] = data.draw(JSON_VALUES)
    _load_or_error(json.dumps(plain), "json")


def _places(value: Any) -> Any:
    if isinstance(value, dict):
        for key, child in value.items():
            yield value, key
            yield from _places(child)
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield value, index
            yield from _places(child)


@pytest.mark.parametrize("register_format", list(Format))
@given(text=st.text(max_size=60))
@settings(max_examples=100)
def test_any_text_gives_a_register_or_register_error(register_format: Format, text: str) -> None:
    _load_or_error(text, register_format.value)


@pytest.mark.parametrize("register_format", list(Format))
@given(value=REGISTER_LIKE)
def test_any_data_in_any_format_gives_a_register_or_register_error(register_format: Format, value: object) -> None:
    if register_format is Format.TOML and not isinstance(value, dict):
        value = {"organisation": value}
    try:
        text = module_for(register_format).dumps(value)
    except (TypeError, ValueError):  # e.g. TOML has no null; nothing to load then
        return
    _load_or_error(text, register_format.value)


@pytest.mark.parametrize(
    ("register_format", "text"),
    [
        ("json", "[" * 50_000 + "]" * 50_000),
        ("yaml", "[" * 50_000 + "]" * 50_000),
        ("toml", "a = " + "[" * 50_000 + "]" * 50_000),
        ("yaml", "a: !!binary xx\n"),
        ("yaml", "{[1]: 2}"),
        ("yaml", "a: 1\na: 2\n" + "x" * 10),
        ("json", "1" * 5000),
        ("yaml", "organisation: " + "1" * 5000),
        ("json", "NaN"),
        ("yaml", "\x00"),
    ],
)
def test_odd_inputs_give_register_error(register_format: str, text: str) -> None:
    with pytest.raises(RegisterError):
        loads_register(text, register_format, "odd")


def test_loading_leaves_the_garbage_collector_as_it_found_it() -> None:
    """The loader pauses the cyclic collector while it reads; it must restore it, also after an error."""
    import gc

    assert gc.isenabled()
    loads_register(GOOD, "yaml")
    assert gc.isenabled()
    with pytest.raises(RegisterError):
        loads_register("organisation: [", "yaml")
    assert gc.isenabled()
    gc.disable()
    try:
        loads_register(GOOD, "yaml")
        assert not gc.isenabled()
    finally:
        gc.enable()


@pytest.mark.parametrize(
    ("register_format", "text", "path", "expected"),
    [
        ("json", '{"organisation": "O\\ud800", "area": "A"}', "$.organisation", "is not a character"),
        ("yaml", 'organisation: "O\\ud800"\narea: A\n', "$.organisation", "is not a character"),
        ("json", '{"organisation": ["O"], "area": "A"}', "$.organisation", "expected text, found a list"),
        ("json", '{"organisation": "O", "area": "A", "x\\udc80": 1}', "$.x\\udc80", "unknown field"),
        ("yaml", "organisation: O\narea: !!binary aGk=\n", "$.area", "expected text, found binary data"),
        ("yaml", "organisation: O\narea: !!set {a}\n", "$.area", "expected text, found a set"),
        ("json", '{"organisation": "O", "area": "A", "members": [{"id": "a", "name": "A", "joined": "2026-1-6"}]}',
         "$.members[0].joined", "'2026-1-6' is not a date; write YYYY-MM-DD, e.g. 2026-01-06"),
        ("json", '{"organisation": "O", "area": "A", "members": [{"id": "a", "name": "A", "joined": "2026-02-29"}]}',
         "$.members[0].joined", "'2026-02-29' is not a date; there is no such day"),
        ("yaml", "organisation: O\narea: A\nmembers: [{id: a, name: A, training: [x]}]\n",
         "$.members[0].training[0]", "expected a mapping (fields of a TrainingRecord), found text"),
        ("yaml", "organisation: O\narea: A\nmeetings: [{id: m, group: g, title: T, start: 1, end: 2, agenda: [x]}]\n",
         "$.meetings[0].agenda[0]", "expected a mapping (fields of an AgendaItem), found text"),
    ],
)
def test_messages_are_one_problem_in_plain_words(register_format: str, text: str, path: str, expected: str) -> None:
    """Exactly one problem per mistake, printable as UTF-8, with no Python wording in it."""
    problems = _problems(text, register_format)
    matching = [p for p in problems if p.path == path]
    assert len(matching) == 1, problems
    assert expected in matching[0].message
    for problem in problems:
        str(problem).encode("utf-8")
        assert "\n" not in problem.message


@pytest.mark.parametrize(
    ("register_format", "text", "expected"),
    [
        ("json", "1" * 5000, "not valid JSON: a number has more than 4,300 digits"),
        ("yaml", "organisation: " + "1" * 5000, "not valid YAML: a number has more than 4,300 digits"),
        ("toml", "organisation = " + "1" * 5000, "not valid TOML: a number has more than 4,300 digits"),
        ("yaml", "organisation: O\narea: A\x00\n", "unacceptable character #x0000 on line 2"),
        ("json", "\ufeff\ufeff{}", "not valid JSON: a second byte-order mark (BOM) at the start; remove it"),
    ],
)
def test_file_level_messages_are_in_plain_words(register_format: str, text: str, expected: str) -> None:
    (problem,) = _problems(text, register_format)
    assert expected in problem.message
    assert "\n" not in problem.message
    assert "sys." not in problem.message


def test_loading_leaves_no_young_generation_for_the_collector_to_walk() -> None:
    """What the loader made is moved to the oldest generation (and nothing stays frozen), so the first allocation
    afterwards does not start a pass over the whole register; cyclic garbage is still collected."""
    import gc

    register = loads_register(GOOD, "yaml")
    oldest = gc.get_objects(generation=2)
    assert any(item is register.members[0] for item in oldest)  # not in a young generation
    assert gc.get_freeze_count() == 0
    cycle: list[object] = []
    cycle.append(cycle)
    del cycle
    assert gc.collect() >= 1
    assert register.organisation
