"""The JSON fast path takes every rule from the detailed path's own tables (issue 12: one source of truth), and
finds a key given twice without a parse by Python's json module.

* Tables: the leaf types and hooks come from ``converter.LEAF_HOOKS``, the top-level keys from ``io.keys``, and
  each mirror's fields, requiredness and defaults from ``attrs.fields`` of its model. Model *variants* with a new
  field of each kind show that a change to a model reaches the fast path with nothing else to edit, or makes it
  decline (never read a value differently).
* Duplicate keys: :func:`typed_json.has_duplicate_keys` (a msgspec census) is compared with Python's json module
  on registers written every way json.dumps can (indented or not, ASCII escapes, colons in text), with and
  without a key given again somewhere; the loader names the repeated key as before.
"""

from __future__ import annotations

import json
import typing
from datetime import date, datetime, time
from decimal import Decimal
from enum import Enum
from pathlib import Path
from typing import Any

import attrs
import msgspec
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coproduction.errors import RegisterError
from coproduction.io import converter, keys, loader, typed_json
from coproduction.io.converter import LEAF_HOOKS, structuring_converter
from coproduction.io.formats import LoadLimits
from coproduction.io.loader import load_register, loads_register
from coproduction.io.preconf import json as json_format
from coproduction.io.saver import dumps_register
from coproduction.models import Register
from coproduction.models.group import Cadence, Group
from coproduction.models.meeting import Attendance, Meeting
from coproduction.models.member import Member
from tests import strategies


def _examples(count: int) -> int:
    return max(1, count * settings().max_examples // 40)


def _models_reachable() -> list[type]:
    """Every attrs model a register file can hold, found from the top-level lists' models and their fields."""
    found: list[type] = []
    stack = list(keys.LIST_KEYS.values())
    while stack:
        cls = stack.pop()
        if cls in found:
            continue
        found.append(cls)
        for type_ in typing.get_type_hints(cls).values():
            stack.extend(t for t in _leaves(type_) if attrs.has(t))
    return found


def _leaves(type_: Any) -> list[Any]:
    args = [arg for arg in typing.get_args(type_) if arg is not type(None) and arg is not Ellipsis]
    if not args:
        return [type_]
    return [leaf for arg in args for leaf in _leaves(arg)]


MODELS = _models_reachable()


# -- one source of truth: the tables ------------------------------------------------------------------------


def test_the_fast_path_has_a_reading_for_every_leaf_the_converter_reads_and_no_other() -> None:
    assert set(typed_json.READINGS) == set(LEAF_HOOKS)


def test_every_leaf_of_every_model_is_in_the_converters_table_and_registered_from_it() -> None:
    """A model field of a new leaf type must be given a hook in LEAF_HOOKS (then a fast reading, by the test
    above); the converter reads each leaf with the hook in the table, so the fast path's hooked leaves (times of
    day) are read by the very function the detailed path uses."""
    leaves = {
        leaf
        for cls in MODELS
        for type_ in typing.get_type_hints(cls).values()
        for leaf in _leaves(type_)
        if not attrs.has(leaf)
    }
    assert {leaf for leaf in leaves if not (isinstance(leaf, type) and issubclass(leaf, Enum))} <= set(LEAF_HOOKS)
    detailed = structuring_converter(detailed=True)
    for leaf, hook in LEAF_HOOKS.items():
        assert detailed.get_structure_hook(leaf) is hook, leaf


def test_the_fast_path_reads_the_top_level_the_loader_reads() -> None:
    assert loader.LIST_KEYS is keys.LIST_KEYS
    assert loader.SINGLE_KEYS is keys.SINGLE_KEYS
    document = typed_json._document_decoder().type  # type: ignore[attr-defined]
    assert document.__struct_fields__ == (*keys.SINGLE_KEYS, *keys.LIST_KEYS)


@pytest.mark.parametrize("cls", MODELS, ids=lambda cls: cls.__name__)
def test_each_mirror_has_its_models_fields_requiredness_and_defaults(cls: type) -> None:
    """The mirror is generated from attrs.fields: same names in order, the same required fields, the same
    defaults (a factory default as a factory, never the Factory object)."""
    mirror = typed_json.mirror_of(cls)
    fields = {info.name: info for info in msgspec.structs.fields(mirror)}
    assert list(fields) == [field.name for field in attrs.fields(cls)]
    for field in attrs.fields(cls):
        info = fields[field.name]
        if field.default is attrs.NOTHING:
            assert info.required, field.name
        elif isinstance(field.default, attrs.Factory):  # type: ignore[arg-type]
            assert info.default_factory is field.default.factory, field.name
        else:
            assert info.default is field.default, field.name
    assert mirror.__struct_config__.forbid_unknown_fields


@pytest.mark.parametrize("cls", MODELS, ids=lambda cls: cls.__name__)
def test_each_census_struct_keeps_every_field_given(cls: type) -> None:
    census = typed_json.census_of(cls)
    fields = msgspec.structs.fields(census)
    assert [info.name for info in fields] == [field.name for field in attrs.fields(cls)]
    assert all(info.default is msgspec.UNSET for info in fields)


# -- one source of truth: model variants --------------------------------------------------------------------


class Colour(Enum):
    RED = "red"
    DARK_BLUE = "dark-blue"


@attrs.frozen
class MemberVariant(Member):
    """Member with a new field of each kind the models use."""

    nickname: str = "none given"
    tags: tuple[str, ...] = attrs.field(factory=tuple)
    colours: frozenset[Colour] = attrs.field(factory=frozenset)
    seen: date | None = None
    paid: Decimal | None = None
    since: datetime | None = None
    at: time | None = None
    cadence: Cadence | None = None
    visits: tuple[Attendance, ...] = ()


_VARIANT_JSON = {
    "id": "ann",
    "name": "Ann",
    "nickname": "Annie",
    "tags": ["a", "b"],
    "colours": ["dark-blue", "red"],
    "seen": "2026-01-06",
    "paid": "12.50",
    "since": "2026-01-06T10:00:00+01:00",
    "at": "09:30",
    "cadence": {"start": "10:00", "end": "11:30", "weekday": "TU"},
    "visits": [{"member": "bob"}, {"member": "cy", "status": "absent"}],
}


def _fast(cls: type, data: dict[str, Any]) -> Any:
    mirror = msgspec.json.decode(json.dumps(data), type=typed_json.mirror_of(cls))
    return typed_json.builder_of(cls)(mirror)


def _detailed(cls: type, data: dict[str, Any]) -> Any:
    return structuring_converter(detailed=True).structure(data, cls)


@pytest.mark.parametrize(
    "data",
    [_VARIANT_JSON, {"id": "ann", "name": "Ann"}, {key: _VARIANT_JSON[key] for key in ("id", "name", "at", "tags")}],
    ids=["every-field", "defaults", "some"],
)
def test_a_model_with_new_fields_reads_alike_on_both_paths(data: dict[str, Any]) -> None:
    """New fields -- text with a default, factory defaults, an enum set, dates, amounts, date-times, a time of day
    (the converter's hook), a nested model needing a hook, a tuple of models -- are read with no change to the fast
    path, to the same values and types as the detailed path gives."""
    fast, detailed = _fast(MemberVariant, data), _detailed(MemberVariant, data)
    assert type(fast) is MemberVariant
    assert fast == detailed
    assert repr(fast) == repr(detailed)
    assert [type(getattr(fast, f.name)) for f in attrs.fields(MemberVariant)] == [
        type(getattr(detailed, f.name)) for f in attrs.fields(MemberVariant)
    ]


def test_new_fields_are_checked_like_the_old_ones() -> None:
    """A bad value in a new field is refused by the mirror (then the detailed path names it)."""
    for key, bad in [("nickname", 7), ("tags", "a"), ("colours", ["green"]), ("paid", 12.5), ("at", 930)]:
        with pytest.raises(msgspec.ValidationError):
            _fast(MemberVariant, {"id": "ann", "name": "Ann", key: bad})
    with pytest.raises(msgspec.ValidationError, match="unknown field"):
        _fast(MemberVariant, {"id": "ann", "name": "Ann", "nick": "A"})


@attrs.frozen
class WithSelfDefault:
    name: str
    label: str = attrs.field(default=attrs.Factory(lambda self: self.name.upper(), takes_self=True))


@attrs.frozen
class WithFloat:
    ratio: float = 0.5


@pytest.mark.parametrize("cls", [WithSelfDefault, WithFloat], ids=["default-taking-self", "leaf-without-hook"])
def test_what_the_fast_path_cannot_read_the_same_way_it_refuses_to_read(
    cls: type, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A default that needs the instance, or a leaf type with no hook in the converter's table: no mirror, and a
    register holding such a model is declined by the fast path -- read by the detailed path instead."""
    with pytest.raises(TypeError):
        typed_json.mirror_of(cls)
    monkeypatch.setitem(keys.LIST_KEYS, "members", cls)
    typed_json._document_decoder.cache_clear()
    try:
        assert typed_json.decode('{"members": [{"name": "a"}]}') is None
    finally:
        monkeypatch.undo()
        typed_json._document_decoder.cache_clear()
    assert typed_json.decode('{"members": [{"id": "a", "name": "a"}]}') is not None


def test_the_plain_forms_are_the_converters() -> None:
    """The fast path's date-time and amount forms are the converter's constants, not copies."""
    assert typed_json.READINGS[datetime].json.__metadata__[0].pattern == converter.PLAIN_DATETIME
    amount = typing.get_args(typed_json.READINGS[Decimal].json)
    assert amount[0].__metadata__[0].pattern == converter.PLAIN_AMOUNT
    assert amount[1].__metadata__[0].le == converter.PLAIN_WHOLE_AMOUNT


# -- duplicate keys -----------------------------------------------------------------------------------------


def _objects(data: Any) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    stack = [data]
    while stack:
        value = stack.pop()
        if isinstance(value, dict):
            found.append(value)
            stack.extend(value.values())
        elif isinstance(value, list):
            stack.extend(value)
    return found


def _dumps(data: Any, style: str) -> str:
    if style == "compact":
        return json.dumps(data, separators=(",", ":"), ensure_ascii=False)
    if style == "ascii":
        return json.dumps(data, indent=1)
    if style == "spaced":
        return json.dumps(data, separators=(" , ", " : "), ensure_ascii=False)
    return json_format.dumps(data)


_COLONS = {"saver": ": ", "compact": ":", "ascii": ": ", "spaced": " : "}


def _with_repeat(data: dict[str, Any], target: dict[str, Any], key: str, value: Any, style: str) -> str:
    """``data`` as JSON text in ``style``, with ``key`` written twice in the object ``target``: first with
    ``value``, then with its own value (which wins)."""
    marker = "@@again@@"
    items = list(target.items())
    target.clear()
    target[marker] = None
    target.update(items)
    text = _dumps(data, style)
    del target[marker]
    colon = _COLONS[style]
    marker_text = _dumps(marker, style).rstrip("\n") + colon + "null"
    assert text.count(marker_text) == 1
    return text.replace(marker_text, _dumps(key, style).rstrip("\n") + colon + _dumps(value, style).rstrip("\n"), 1)


STYLES = st.sampled_from(["saver", "compact", "ascii", "spaced"])
#: Text with colons and characters json.dumps escapes, for values and for a repeated key's first value.
TRICKY = st.text(alphabet=st.sampled_from(':"\\/\n\u00e9\u2028{}[],'), max_size=6)


@given(register=strategies.registers(), style=STYLES)
@settings(max_examples=_examples(40), deadline=None)
def test_no_key_given_twice_is_never_taken_for_one(register: Register, style: str) -> None:
    data = json.loads(dumps_register(register, "json"))
    text = _dumps(data, style)
    assert typed_json.decode(text) is not None
    assert not typed_json.has_duplicate_keys(text)
    assert not typed_json.has_duplicate_keys(text.encode())


@given(data=st.data(), register=strategies.registers(), style=STYLES)
@settings(max_examples=_examples(60), deadline=None)
def test_a_key_given_twice_anywhere_is_found(data: st.DataObject, register: Register, style: str) -> None:
    """Any object, any of its keys, given again first with a value of any kind (text with colons and escapes,
    numbers, lists, objects): found, as Python's json module with a pairs hook finds it."""
    document = json.loads(dumps_register(register, "json"))
    target = data.draw(st.sampled_from([obj for obj in _objects(document) if obj]))
    key = data.draw(st.sampled_from(sorted(target)))
    first = data.draw(
        st.one_of(
            TRICKY,
            st.integers(),
            st.none(),
            st.lists(TRICKY, max_size=3),
            st.dictionaries(TRICKY, TRICKY, max_size=2),
            st.just(target[key]),
        )
    )
    text = _with_repeat(document, target, key, first, style)
    with pytest.raises(ValueError, match="appears twice"):
        json.loads(text, object_pairs_hook=_refuse)
    if typed_json.decode(text) is not None:  # the fast path took it (the last value wins there)
        assert typed_json.has_duplicate_keys(text)
        assert typed_json.has_duplicate_keys(text.encode())
    with pytest.raises(RegisterError) as caught:
        loads_register(text, "json", "register.json")
    assert any("appears twice in one object" in problem.message for problem in caught.value.problems)


def _refuse(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    seen = [key for key, _ in pairs]
    if len(set(seen)) != len(seen):
        raise ValueError("appears twice")
    return dict(pairs)


def test_a_key_given_twice_deep_inside_a_meeting_is_named_by_the_loader(tmp_path: Path) -> None:
    register = load_register(Path(__file__).resolve().parents[2] / "examples" / "oxfordshire")
    text = dumps_register(register, "json")
    where = text.index('"member": ', text.index('"attendance": ['))
    text = text[:where] + '"member": "nobody", ' + text[where:]
    assert typed_json.decode(text) is not None
    target = tmp_path / "register.json"
    target.write_text(text, encoding="utf-8")
    with pytest.raises(RegisterError) as caught:
        load_register(target)
    assert [problem.message for problem in caught.value.problems] == [
        "not valid JSON: the key 'member' appears twice in one object; write each field once"
    ]


def test_an_escaped_colon_cannot_hide_a_repeated_key() -> None:
    """Counting colons: a colon written as \\u003a in the file is copied as written (raw), never decoded into
    one more colon that would balance the repeated key's."""
    base = '{"organisation": "O", "area": "A", "members": [{"id": "a", "name": "x\\u003ay", "name": "b"}]}'
    assert typed_json.decode(base) is not None
    assert typed_json.has_duplicate_keys(base)
    assert not typed_json.has_duplicate_keys(base.replace(', "name": "b"', ""))


def test_past_the_limit_the_census_is_not_run_and_the_last_value_wins(monkeypatch: pytest.MonkeyPatch) -> None:
    text = '{"organisation": "O", "area": "A", "area": "B"}'

    def refuse(_: Any) -> bool:
        raise AssertionError("the census ran past the limit")

    monkeypatch.setattr(typed_json, "has_duplicate_keys", refuse)
    limits = LoadLimits(json_duplicate_keys_up_to=len(text) - 1)
    assert loads_register(text, "json", limits=limits).area == "B"
    assert json_format.read_typed(text.encode(), limits) is not None


@pytest.mark.parametrize("limit", [None, 10**9])
def test_with_no_limit_or_a_large_one_every_file_is_checked(limit: int | None) -> None:
    text = '{"organisation": "O", "area": "A", "area": "B"}'
    with pytest.raises(RegisterError, match="the key 'area' appears twice"):
        loads_register(text, "json", limits=LoadLimits(json_duplicate_keys_up_to=limit))


def test_a_group_is_built_with_the_converters_time_hook() -> None:
    group = _fast(Group, {"id": "g", "name": "G", "kind": "board", "cadence": {"start": "09:30", "end": "11:00"}})
    assert group == Group(id="g", name="G", kind="board", cadence=Cadence(start=time(9, 30), end=time(11)))
    meeting = {"id": "m", "group": "g", "title": "T", "start": "2026-01-06T10:00:00Z", "end": "2026-01-06T11:00:00Z"}
    assert typed_json.is_direct(Meeting)
    assert not typed_json.is_direct(Group)
    assert _fast(Meeting, meeting) == _detailed(Meeting, meeting)
