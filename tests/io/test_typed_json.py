"""The fast path for JSON registers (coproduction.io.typed_json) only ever accepts less than the detailed path.

The detailed path is ``json.loads`` followed by the detailed cattrs converter (coproduction.io.converter): it
reports every problem. The fast path (msgspec, straight into the models) must, for any text,

* return ``None`` whenever the detailed path finds a problem in the file itself, so that the loader reads it again
  the slow way and every message still comes from one place;
* build, whenever it accepts, models equal to the detailed path's -- same types, same reprs, and the same digits in
  amounts (``Decimal('12.50')`` is not ``Decimal('12.5')``);

and ``loads_register`` must give the same register, or the same problems, whichever path read the file.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, datetime, time
from decimal import Decimal
from pathlib import Path
from typing import Any
from unittest import mock

import attrs
import pytest
from hypothesis import event, given, settings
from hypothesis import strategies as st

from coproduction.errors import Problem, RegisterError
from coproduction.io import loader, typed_json
from coproduction.io.converter import structuring_converter
from coproduction.io.formats import LoadLimits
from coproduction.io.loader import LIST_KEYS, SINGLE_KEYS, TOP_LEVEL_KEYS, load_register, loads_register
from coproduction.io.preconf import json as json_format
from coproduction.io.saver import dumps_register
from coproduction.models import Payment, Register
from coproduction.models.diversity import DiversityProfile
from coproduction.models.group import Acknowledgement, Cadence, GroundRule, GroundRules, Group, Membership
from coproduction.models.meeting import (
    Action,
    AgendaItem,
    Attendance,
    Break,
    Decision,
    Meeting,
    Outcome,
    Paper,
    Venue,
)
from coproduction.models.member import Member, TrainingRecord
from tests import strategies

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "oxfordshire"
SOURCE = "register.json"


def _examples(count: int) -> int:
    """``count`` examples under the default "fast" profile (40 examples), proportionally more under "thorough"."""
    return max(1, count * settings().max_examples // 40)


# -- the two paths ------------------------------------------------------------------------------------------


@contextmanager
def _fast_path_off() -> Iterator[None]:
    """The loader as it was before the fast path: typed_json declines every file."""
    with mock.patch.object(typed_json, "decode", return_value=None):
        yield


def _load_slowly(text: str) -> Register:
    with _fast_path_off():
        return loads_register(text, "json", SOURCE)


def _load(text: str) -> Register:
    return loads_register(text, "json", SOURCE)


def _outcome(load: Callable[[str], Register], text: str) -> tuple[str, Any]:
    """``("register", register)`` or ``("problems", [...])``: any other exception fails the test."""
    try:
        return "register", load(text)
    except RegisterError as error:
        return "problems", list(error.problems)


def _assert_same_outcome(text: str) -> tuple[str, Any]:
    """``loads_register`` gives the same register (to the digits of its amounts) or the same problems, with the
    fast path and without it."""
    fast, slow = _outcome(_load, text), _outcome(_load_slowly, text)
    assert fast == slow
    assert _shape(fast[1]) == _shape(slow[1])
    return slow


@attrs.frozen
class Detailed:
    """What the detailed path makes of one file, before the consistency checks across lists."""

    singles: dict[str, str]
    lists: dict[str, tuple[Any, ...]]


def _detailed(text: str) -> Detailed | None:
    """The file read by ``json.loads`` and the detailed cattrs converter; ``None`` when it finds any problem in the
    file itself (a syntax error, a top level that is not a mapping, an unknown top-level key, a bad value)."""
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):
        return None
    if data.__class__ is not dict or not data.keys() <= set(TOP_LEVEL_KEYS):
        return None
    converter = structuring_converter(detailed=True)
    try:
        singles = {key: converter.structure(data[key], str) for key in SINGLE_KEYS if key in data}
        lists = {key: converter.structure(data[key], tuple[cls, ...]) for key, cls in LIST_KEYS.items() if key in data}
    except Exception:
        return None
    return Detailed(singles, lists)


def _shape(value: Any) -> Any:
    """Everything about a model value that matters, types included: ``==`` alone would take a plain ``"present"``
    for ``AttendanceStatus.PRESENT``, ``1`` for ``True`` and ``Decimal('12.5')`` for ``Decimal('12.50')``."""
    if attrs.has(type(value)):
        return (
            type(value).__name__,
            tuple((f.name, _shape(getattr(value, f.name))) for f in attrs.fields(type(value))),
        )
    if type(value) is tuple:
        return ("tuple", tuple(_shape(item) for item in value))
    if type(value) is frozenset:
        return ("frozenset", tuple(sorted(repr(_shape(item)) for item in value)))
    if type(value) is Decimal:
        return ("Decimal", str(value))
    return (type(value).__qualname__, repr(value))


def _assert_same_models(fast: typed_json.TypedDocument, detailed: Detailed) -> None:
    assert fast.singles == detailed.singles
    assert [type(text) for text in fast.singles.values()] == [str] * len(fast.singles)
    assert fast.lists.keys() == detailed.lists.keys()
    for key, items in fast.lists.items():
        expected = detailed.lists[key]
        assert type(items) is tuple
        assert items == expected, key
        assert [repr(item) for item in items] == [repr(item) for item in expected], key
        assert _shape(items) == _shape(expected), key
        assert [str(amount) for amount in _amounts(items)] == [str(amount) for amount in _amounts(expected)], key


def _amounts(items: tuple[Any, ...]) -> list[Decimal | None]:
    return [payment.amount for item in items if isinstance(item, Meeting) for payment in item.payments]


# -- 1. parity on registers as the saver writes them --------------------------------------------------------


@given(register=strategies.registers())
@settings(max_examples=_examples(40), deadline=None)
def test_fast_path_reads_what_the_saver_writes_into_the_same_models(register: Register) -> None:
    text = dumps_register(register, "json")
    fast = typed_json.decode(text)
    assert fast is not None, "the fast path declined a file the saver wrote"
    detailed = _detailed(text)
    assert detailed is not None
    _assert_same_models(fast, detailed)
    assert fast.lists.get("members", ()) == register.members
    assert fast.lists.get("meetings", ()) == register.meetings
    assert _load(text) == register == _load_slowly(text)


@given(
    register=strategies.registers(max_members=3, max_groups=1, max_meetings=2),
    amounts=st.lists(
        st.one_of(
            strategies.amounts(),
            st.decimals(allow_nan=False, allow_infinity=False),
            st.integers(min_value=-(10**30), max_value=10**30),
            st.floats(allow_nan=False, allow_infinity=False),
            st.from_regex(r" ?-?[0-9]{1,6}(\.[0-9]{0,4})?([eE][-+]?[0-9]{1,3})? ?", fullmatch=True),
        ),
        min_size=1,
        max_size=6,
    ),
)
@settings(max_examples=_examples(40), deadline=None)
def test_amounts_keep_their_digits_on_both_paths(register: Register, amounts: list[Any]) -> None:
    """Amounts as text (``"12.50"``), whole numbers and JSON floats: the same Decimal, digit for digit."""
    data = json.loads(dumps_register(register, "json"))
    data["members"] = [{"id": "payee", "name": "P"}]
    data["groups"] = [{"id": "board", "name": "Board", "kind": "board"}]
    meeting = {"id": "paid", "group": "board", "title": "T", "start": "2026-01-06T10:00:00+00:00"}
    meeting |= {"end": "2026-01-06T11:00:00+00:00"}
    meeting["payments"] = [
        {"member": "payee", "amount": str(amount) if isinstance(amount, Decimal) else amount} for amount in amounts
    ]
    data["meetings"] = [meeting]
    data["memberships"] = []
    text = json_format.dumps(data)
    detailed = _detailed(text)
    fast = typed_json.decode(text)
    if detailed is None:
        assert fast is None
    if fast is not None:
        assert detailed is not None
        _assert_same_models(fast, detailed)
    _assert_same_outcome(text)


# -- 2. the fast path accepts a subset: mutated registers ----------------------------------------------------


class Raw(str):
    """A JSON token written as it stands (``1E400``, ``"\\ud800"``), which ``json.dumps`` cannot produce."""


# Values of each kind, valid and not, that the detailed path reads or refuses in ways worth comparing.
WHOLE_NUMBERS: list[Any] = [
    0, 1, 7, -1, 2**63, 2**64, 10**30, -(2**63) - 1, 3.0, 2.5, True, False, "3", None,
    Raw("-0"), Raw("1.0e2"), Raw("1e2"), Raw("1" * 4300), Raw("1" * 4301),
]  # fmt: skip
FLAGS: list[Any] = [True, False, 0, 1, "true", "yes", None]
AMOUNTS: list[Any] = [
    "12.50", "12.5", "0", "0.00", "-3", " 12.5 ", "\t7\n", "1_000", "1e3", "1E+2", "-0", "12,50", "£12.50", "0x10",
    "NaN", "nan", "Infinity", "-Infinity", "sNaN", "", 12.5, 12, 0, -0.0, 0.1, 1e22, 1e-7, 10**30, True, None,
    Raw("12.50"), Raw("1E400"), Raw("-1E400"), Raw("-0"), Raw("0." + "1" * 40), Raw("1" * 400 + ".5"),
    Raw("1" * 4300), Raw("1" * 4301), Raw("NaN"), Raw("Infinity"), Raw("-Infinity"),
]  # fmt: skip
DATES: list[Any] = [
    "2026-01-06", "2024-02-29", "0001-01-01", "9999-12-31", "2026-02-30", "2026-02-29", "20260106", "2026-W02-2",
    "2026-1-6", "0000-01-01", "2026-01-06 ", "2026-01-06T00:00:00", "2026-01-06Z", "", 20260106, None,
    Raw('"2026-01-0\\u0036"'), Raw('"２０２６-01-06"'),
]  # fmt: skip
DATE_TIMES: list[Any] = [
    "2026-01-06T10:00:00+00:00", "2026-01-06T10:00:00Z", "2026-01-06T10:00:00", "2026-01-06t10:00:00z",
    "2026-01-06T10:00:00z", "2026-01-06t10:00:00Z", "2026-01-06 10:00:00Z", "2026-01-06T10:00:00-00:00",
    "2026-01-06 10:00:00+01:00", "2026-01-06T10:00:00.1234567+00:00", "2026-01-06T10:00:00.123456-05:30",
    "2026-01-06T10:00:00,5+00:00", "2026-01-06T10:00:60+00:00", "2026-01-06T24:00:00+00:00",
    "2026-01-06T10:00:00+24:00", "2026-01-06T10:00+0100", "2026-01-06T10:00:00+01:00:30", "2026-01-06T10+01:00",
    "2026-01-06T10:00:00+00", "20260106T100000Z", "2026-02-30T10:00:00+00:00", "2026-01-06T10:00:00 Europe/London",
    "2026-01-06", "", 1767693600, None, Raw('"2026-01-06\\u005410:00:00+00:00"'), Raw('"2026-01-06T10:00:00\\ud800"'),
]  # fmt: skip
TIMES: list[Any] = [
    "09:30", "9:30", "09:30:00", "09:30:60", "09:30Z", "09:30+01:00", "T09:30", "24:00", "0930", "09", "09:30:00.5",
    "09:30:00,5", "09:30:00.1234567", "", 930, None,
]  # fmt: skip
TEXTS: list[Any] = [
    "", " ", "ann", "board", "present", "PRESENT", "staff", "prefer-not-to-say", "in-person", "monthly", "step-free",
    "\u00e9\u2603\U0001f600", "a\x7fb", 7, True, None, [], {}, ["a"],
    Raw('"\\ud800"'), Raw('"\\udc00"'), Raw('"a\\ud83d\\ude00"'), Raw('"\\u0000"'), Raw('"\\u00e9"'), Raw('"\\/"'),
]  # fmt: skip
SHAPES: list[Any] = [None, [], {}, [{}], [[]], ["a", "a"], "", 0, {"name": "x"}, [{"member": "x"}]]
NASTY: list[Any] = WHOLE_NUMBERS + FLAGS + AMOUNTS + DATES + DATE_TIMES + TIMES + TEXTS + SHAPES

_DATE_FIELDS = {"joined", "completed", "recorded", "published", "due", "replaces", "agreed", "reviewed", "on"}
_DATE_FIELDS |= {"started", "term_ends", "left"}
_NUMBER_FIELDS = {"quorum", "week_of_month", "after_minutes", "minutes", "bsl_interpreters", "sequence"}
_FLAG_FIELDS = {"coproduction", "organisation_user_led", "requires_residence", "voting", "captions"}
_FLAG_FIELDS |= {"lived_experience_input"}


def _values_for(field: object, current: object) -> list[Any]:
    """Values worth trying in place of ``current`` in the field named ``field``."""
    if field == "amount":
        return AMOUNTS
    if field in _DATE_FIELDS:
        return DATES
    if field in ("start", "end"):
        return DATE_TIMES if isinstance(current, str) and "T" in current else TIMES
    if field in _NUMBER_FIELDS:
        return WHOLE_NUMBERS
    if field in _FLAG_FIELDS:
        return FLAGS
    if isinstance(current, str):
        return TEXTS
    return SHAPES


#: Every field name of every model, and a few that are none: inserted, they set a missing field or add an unknown one.
FIELD_NAMES: list[str] = sorted(
    {
        field.name
        for cls in (
            Member, TrainingRecord, DiversityProfile, Group, Cadence, GroundRules, GroundRule, Acknowledgement,
            Membership, Meeting, Venue, Break, AgendaItem, Outcome, Paper, Attendance, Decision, Action, Payment,
        )
        for field in attrs.fields(cls)
    }
    | {"extra", "", "ID", "Id"}
)  # fmt: skip

MUTATIONS = ("like", "like", "like", "replace", "insert", "insert", "delete", "wrap", "unwrap")


def _nodes(holder: dict[str, Any]) -> list[tuple[Any, Any]]:
    """Every value in the document as (container, key), the document itself as ``(holder, "root")``."""
    found: list[tuple[Any, Any]] = []
    stack: list[tuple[Any, Any]] = [(holder, "root")]
    while stack:
        parent, key = stack.pop()
        found.append((parent, key))
        value = parent[key]
        if isinstance(value, dict):
            stack.extend((value, child) for child in value)
        elif isinstance(value, list):
            stack.extend((value, index) for index in range(len(value)))
    return found


def _render(data: Any) -> str:
    """The project's JSON writer, with each :class:`Raw` token put in as it stands."""
    raws: dict[str, str] = {}

    def swap(value: Any) -> Any:
        if isinstance(value, Raw):
            marker = f"@@raw-{len(raws)}@@"
            raws[json.dumps(marker)] = str(value)
            return marker
        if isinstance(value, dict):
            return {key: swap(item) for key, item in value.items()}
        if isinstance(value, list):
            return [swap(item) for item in value]
        return value

    text = json_format.dumps(swap(data))
    for marker, token in raws.items():
        text = text.replace(marker, token)
    return text


@st.composite
def mutated_registers(draw: st.DrawFn) -> str:
    """A register saved as JSON, then changed in one to three places: mostly a value swapped for another of its
    kind (valid or not), sometimes anything anywhere, a field added or removed, an object put in a list."""
    register = draw(strategies.registers(max_members=2, max_groups=2, max_meetings=2))
    holder: dict[str, Any] = {"root": json.loads(dumps_register(register, "json"))}
    for _ in range(draw(st.integers(min_value=1, max_value=3))):
        mutation = draw(st.sampled_from(MUTATIONS))
        nodes = _nodes(holder)
        if mutation in ("insert", "delete"):
            nodes = [(parent, key) for parent, key in nodes if isinstance(parent[key], dict) and parent[key]]
        elif mutation == "unwrap":
            nodes = [(parent, key) for parent, key in nodes if isinstance(parent[key], list) and parent[key]]
        elif mutation == "like":
            nodes = [(parent, key) for parent, key in nodes if not isinstance(parent[key], dict | list)]
        if not nodes:
            continue
        parent, key = draw(st.sampled_from(nodes))
        value = parent[key]
        # Copies: a later mutation may change a list or object put in, and the tables must stay as they are.
        if mutation == "like":
            parent[key] = copy.deepcopy(draw(st.sampled_from(_values_for(key, value))))
        elif mutation == "replace":
            parent[key] = copy.deepcopy(draw(st.sampled_from(NASTY)))
        elif mutation == "insert":
            field = draw(st.sampled_from(FIELD_NAMES))
            value[field] = copy.deepcopy(draw(st.sampled_from(_values_for(field, value.get(field)) + SHAPES)))
        elif mutation == "delete":
            del value[draw(st.sampled_from(sorted(value)))]
        elif mutation == "wrap":
            parent[key] = [value]
        else:
            parent[key] = value[0]
    text = _render(holder["root"])
    prefix = draw(st.sampled_from(["", "", "", "", " \n", "\ufeff", "\ufeff\ufeff", "\f", "\u00a0"]))
    return prefix + text


@given(text=mutated_registers())
@settings(max_examples=_examples(200), deadline=None)
def test_fast_path_accepts_only_what_the_detailed_path_accepts(text: str) -> None:
    detailed = _detailed(text)
    fast = typed_json.decode(text)
    event("detailed path: " + ("accepts" if detailed is not None else "refuses"))
    event("fast path: " + ("accepts" if fast is not None else "declines"))
    if detailed is None:
        assert fast is None, "the fast path accepted a file the detailed path refuses"
    if fast is not None:
        assert detailed is not None
        _assert_same_models(fast, detailed)
    # The whole loader: the same register, or the same problems, whichever path reads the file.
    event("loads_register: " + _assert_same_outcome(text)[0])


_BASE: dict[str, Any] = {
    "organisation": "O",
    "area": "A",
    "members": [
        {"id": "ann", "name": "Ann", "joined": "2020-01-01", "training": [{"course": "C", "completed": "2021-02-03"}]}
    ],
    "groups": [
        {"id": "board", "name": "Board", "kind": "board", "quorum": 3, "cadence": {"start": "09:30", "end": "11:00"}}
    ],
    "memberships": [{"member": "ann", "group": "board", "voting": True}],
    "meetings": [
        {
            "id": "m1", "group": "board", "title": "T",
            "start": "2026-01-06T10:00:00+00:00", "end": "2026-01-06T11:00:00+00:00",
            "sequence": 1, "captions": False, "status": "held",
            "attendance": [{"member": "ann", "status": "present"}],
            "payments": [{"member": "ann", "amount": "12.50"}],
            "venue": {"name": "Hall", "features": ["step-free"]},
        }
    ],
}  # fmt: skip

#: One field of each kind of value, as the keys that lead to it in _BASE.
_FIELDS: list[tuple[Any, ...]] = [
    ("organisation",),
    ("members", 0, "name"),
    ("members", 0, "joined"),
    ("members", 0, "training"),
    ("members", 0, "training", 0, "completed"),
    ("groups", 0, "quorum"),
    ("groups", 0, "kind"),
    ("groups", 0, "cadence"),
    ("groups", 0, "cadence", "start"),
    ("memberships", 0, "voting"),
    ("meetings", 0, "start"),
    ("meetings", 0, "sequence"),
    ("meetings", 0, "captions"),
    ("meetings", 0, "attendance", 0),
    ("meetings", 0, "attendance", 0, "status"),
    ("meetings", 0, "payments", 0, "amount"),
    ("meetings", 0, "venue", "features"),
]


def _leaf_text(path: tuple[Any, ...], value: Any) -> str:
    data = json.loads(json.dumps(_BASE))
    parent = data
    for key in path[:-1]:
        parent = parent[key]
    parent[path[-1]] = value
    return _render(data)


def _assert_leaf_agrees(path: tuple[Any, ...], value: Any) -> bool:
    """Whether the fast path took the file; fails if it took one the detailed path refuses, or read it otherwise."""
    text = _leaf_text(path, value)
    detailed, fast = _detailed(text), typed_json.decode(text)
    if detailed is None:
        assert fast is None, (path, value)
    if fast is not None:
        assert detailed is not None
        _assert_same_models(fast, detailed)
    return fast is not None


def test_every_nasty_value_in_every_kind_of_field() -> None:
    """The table the Hypothesis test samples from, every value in every kind of field: nothing left to chance."""
    assert _assert_same_outcome(_render(_BASE))[0] == "register"
    accepted = 0
    for path in _FIELDS:
        for value in NASTY:
            accepted += _assert_leaf_agrees(path, value)
            _assert_same_outcome(_leaf_text(path, value))
    assert accepted > 50  # the table does reach the accepting side too


# -- 3. examples ---------------------------------------------------------------------------------------------


def _attendance_with(extra: dict[str, Any]) -> str:
    data = json.loads(json.dumps(_BASE))
    data["meetings"][0]["attendance"][0] |= extra
    return _render(data)


def test_an_unknown_field_in_a_nested_object_is_declined_and_named_as_before() -> None:
    text = _attendance_with({"extra": 1})
    assert typed_json.decode(text) is None
    with pytest.raises(RegisterError) as caught:
        _load(text)
    assert list(caught.value.problems) == [
        Problem(SOURCE, "$.meetings[0].attendance[0].extra", "unknown field; the fields here are: member, status")
    ]


def test_a_duplicate_key_is_refused_by_the_loader_though_the_decoder_alone_takes_the_last() -> None:
    text = _render(_BASE).replace('"organisation": "O",', '"organisation": "O", "organisation": "P",', 1)
    fast = typed_json.decode(text)
    assert fast is not None
    assert fast.singles["organisation"] == "P"
    with pytest.raises(RegisterError) as caught:
        _load(text)
    assert list(caught.value.problems) == [
        Problem(SOURCE, "", "not valid JSON: the key 'organisation' appears twice in one object; write each field once")
    ]
    # Past the size up to which duplicates are looked for, both paths keep the last value, as json.loads does.
    limits = LoadLimits(json_duplicate_keys_up_to=10)
    assert loads_register(text, "json", SOURCE, limits=limits).organisation == "P"
    with _fast_path_off():
        assert loads_register(text, "json", SOURCE, limits=limits).organisation == "P"


def test_a_duplicate_key_nested_in_a_model_takes_the_last_value_on_both_paths() -> None:
    text = _attendance_with({}).replace('"status": "present"', '"status": "absent", "status": "present"', 1)
    fast, detailed = typed_json.decode(text), _detailed(text)
    assert fast is not None
    assert detailed is not None
    _assert_same_models(fast, detailed)
    # The first value is still checked by msgspec: a bad one there makes the fast path decline, never accept more.
    bad_first = text.replace('"status": "absent"', '"status": 7', 1)
    assert typed_json.decode(bad_first) is None


@pytest.mark.parametrize("text", ["[]", "null", '"register"', "3", "true", "[{}]", "", " ", "{", "{}x"])
def test_a_top_level_that_is_not_an_object_is_declined(text: str) -> None:
    assert typed_json.decode(text) is None
    assert _assert_same_outcome(text)[0] == "problems"


DEPTH = 100_000


@pytest.mark.parametrize(
    "text",
    [
        "[" * DEPTH + "]" * DEPTH,
        '{"members": ' + "[" * DEPTH + "]" * DEPTH + "}",
        '{"extra": ' + "[" * DEPTH + "]" * DEPTH + "}",
        '{"extra": ' + '{"a": ' * DEPTH + "1" + "}" * DEPTH + "}",
        '{"members": [{"id": "a", "name": "A", "extra": ' + "[" * DEPTH + "]" * DEPTH + "}]}",
        '{"members": [{"id": "a", "name": "A", "training": ' + "[" * DEPTH + "]" * DEPTH + "}]}",
    ],
    ids=["top-level", "list", "unknown-list", "unknown-object", "nested-unknown", "nested-list"],
)
def test_deep_nesting_is_declined_without_crashing(text: str) -> None:
    assert typed_json.decode(text) is None
    assert _assert_same_outcome(text)[0] == "problems"


def test_unclosed_deep_nesting_is_declined_without_crashing() -> None:
    assert typed_json.decode('{"members": ' + "[" * DEPTH) is None
    assert typed_json.decode("{" + '"a": {' * DEPTH) is None


def test_the_bundled_example_from_a_json_dump_equals_the_folder_of_yaml(tmp_path: Path) -> None:
    from_yaml = load_register(EXAMPLE)
    text = dumps_register(from_yaml, "json")
    fast = typed_json.decode(text)
    assert fast is not None
    detailed = _detailed(text)
    assert detailed is not None
    _assert_same_models(fast, detailed)
    target = tmp_path / "register.json"
    target.write_text(text, encoding="utf-8")
    assert load_register(target) == from_yaml
    assert _shape(load_register(target).meetings) == _shape(from_yaml.meetings)


@pytest.mark.parametrize(
    ("amount", "expected"),
    [
        ('"12.50"', "12.50"), ("12.50", "12.5"), ("12", "12"), ("-0", "0"), ('"-0"', "-0"), ('"-0.00"', "-0.00"),
        ('"007.10"', "7.10"), ('" 12.5 "', "12.5"), ("1e2", "100.0"), ("1E+2", "100.0"), ('"1E+2"', "1E+2"),
        ("0.1000000000000000055511151231257827", "0.1"), ("1000000", "1000000"),
        ('"999999.999999999999999999"', "999999.999999999999999999"),
    ],
)  # fmt: skip
def test_an_amount_keeps_the_digits_the_detailed_path_gives_it(amount: str, expected: str) -> None:
    """JSON 12.50 is a float to json.loads, so Decimal('12.5'); the text "12.50" keeps its two places."""
    text = _render(_BASE).replace('"amount": "12.50"', f'"amount": {amount}', 1)
    assert str(_load_slowly(text).meetings[0].payments[0].amount) == expected
    assert str(_load(text).meetings[0].payments[0].amount) == expected
    fast = typed_json.decode(text)
    if fast is not None:
        detailed = _detailed(text)
        assert detailed is not None
        _assert_same_models(fast, detailed)
        assert str(fast.lists["meetings"][0].payments[0].amount) == expected


_DATE_TIME_LIKE = (
    r"[0-9]{4}-[01][0-9]-[0-3][0-9][Tt ][0-2][0-9]:[0-6][0-9](:[0-6][0-9]([.,][0-9]{1,8})?)?"
    r"(Z|z|[+-][0-2][0-9](:?[0-6][0-9](:[0-6][0-9])?)?)?\n?"
)


@given(
    moment=st.from_regex(_DATE_TIME_LIKE, fullmatch=True) | strategies.aware_datetimes().map(datetime.isoformat),
    day=st.from_regex(r"[0-9]{4}-?[01][0-9]-?[0-3][0-9]\n?", fullmatch=True) | st.dates().map(date.isoformat),
    clock=st.from_regex(r"T?[0-2][0-9](:?[0-6][0-9](:[0-6][0-9]([.,][0-9]{1,7})?)?)?(Z|[+-]01:00)?", fullmatch=True),
    amount=st.one_of(
        st.from_regex(r" ?[-+]?[0-9]{1,32}(\.[0-9]{0,32})?([eE][-+]?[0-9]{1,2})? ?", fullmatch=True),
        st.from_regex(r"-?(0|[1-9][0-9]{0,20})(\.[0-9]{1,20})?([eE][-+]?[0-9]{1,2})?", fullmatch=True).map(Raw),
    ),
)
@settings(max_examples=_examples(150), deadline=None)
def test_leaves_read_alike_on_both_paths(moment: str, day: str, clock: str, amount: Any) -> None:
    """Date-times, dates, times of day and amounts in many spellings, valid and not, one field at a time."""
    for name, path, value in [
        ("date-time", ("meetings", 0, "start"), moment),
        ("date", ("members", 0, "joined"), day),
        ("time of day", ("groups", 0, "cadence", "start"), clock),
        ("amount", ("meetings", 0, "payments", 0, "amount"), amount),
    ]:
        event(f"{name}: fast path " + ("accepts" if _assert_leaf_agrees(path, value) else "declines"))


@pytest.mark.parametrize(
    ("field", "value"),
    [
        (("meetings", 0, "start"), "2026-01-06T10:00:00"),  # no offset
        (("meetings", 0, "start"), "2026-02-30T10:00:00+00:00"),
        (("meetings", 0, "start"), "2026-01-06T10:00:60+00:00"),
        (("meetings", 0, "payments", 0, "amount"), "NaN"),
        (("meetings", 0, "payments", 0, "amount"), "Infinity"),
        (("meetings", 0, "payments", 0, "amount"), True),
        (("meetings", 0, "sequence"), 1.0),
        (("meetings", 0, "sequence"), True),
        (("meetings", 0, "sequence"), "1"),
        (("meetings", 0, "captions"), 0),
        (("members", 0, "joined"), "2026-02-30"),
        (("members", 0, "name"), Raw('"\\ud800"')),
        (("members", 0, "name"), None),
        (("groups", 0, "cadence", "start"), "09:30+01:00"),
        (("meetings", 0, "venue"), [{"name": "Hall"}]),
        (("meetings", 0, "attendance"), {"member": "ann"}),
    ],
)
def test_values_the_fast_path_leaves_to_the_detailed_path(field: tuple[Any, ...], value: Any) -> None:
    text = _leaf_text(field, value)
    assert typed_json.decode(text) is None
    assert _assert_same_outcome(text)[0] == "problems"


# -- 4. the fast path is taken ------------------------------------------------------------------------------


def _refuse(*args: Any, **kwargs: Any) -> Any:
    raise AssertionError("the loader fell back to the detailed path for a valid JSON file")


@pytest.mark.parametrize("size", ["small", "large"])
def test_a_valid_json_file_is_read_by_the_fast_path_alone(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, size: str
) -> None:
    """No cattrs structuring and no parse by Python's json module (issue 12: no third parse), whether or not the
    file is small enough for the duplicate-key census, which runs exactly when it is."""
    register = load_register(EXAMPLE)
    text = dumps_register(register, "json")
    limits = LoadLimits() if size == "small" else LoadLimits(json_duplicate_keys_up_to=len(text) - 1)
    parsed: list[bool] = []
    census: list[bool] = []
    parse, has_duplicate_keys = typed_json.parse, typed_json.has_duplicate_keys

    def counting_parse(value: str | bytes | memoryview) -> typed_json.Mirrors | None:
        result = parse(value)
        parsed.append(result is not None)
        return result

    def counting_census(value: str | bytes | memoryview) -> bool:
        census.append(has_duplicate_keys(value))
        return census[-1]

    monkeypatch.setattr(typed_json, "parse", counting_parse)
    monkeypatch.setattr(typed_json, "has_duplicate_keys", counting_census)
    monkeypatch.setattr(loader, "structuring_converter", _refuse)
    monkeypatch.setattr(json_format, "_parse", _refuse)
    target = tmp_path / "register.json"
    target.write_text(text, encoding="utf-8")
    assert load_register(target, limits=limits) == register
    assert loads_register(text, "json", limits=limits) == register
    assert loads_register(text.encode(), "json", limits=limits) == register
    assert parsed == [True, True, True]
    assert census == ([False, False, False] if size == "small" else [])


def test_a_file_the_fast_path_declines_is_read_by_the_detailed_path(monkeypatch: pytest.MonkeyPatch) -> None:
    """The other side of the previous test: the check that catches a fall-back does see one."""
    calls: list[bool] = []
    real = loader.structuring_converter

    def counting(*, detailed: bool) -> Any:
        calls.append(detailed)
        return real(detailed=detailed)

    monkeypatch.setattr(loader, "structuring_converter", counting)
    text = _leaf_text(("members", 0, "joined"), "20200101")  # ISO 8601 basic: the detailed path reads it, msgspec not
    assert typed_json.decode(text) is None
    assert _load(text).members[0].joined == date(2020, 1, 1)
    assert calls


def test_a_small_valid_file_is_read_by_the_fast_path_into_models_of_the_right_types() -> None:
    fast = typed_json.decode(_render(_BASE))
    assert fast is not None
    meeting = fast.lists["meetings"][0]
    assert type(meeting) is Meeting
    assert meeting.start == datetime.fromisoformat("2026-01-06T10:00:00+00:00")
    assert type(meeting.payments[0]) is Payment
    assert str(meeting.payments[0].amount) == "12.50"
    assert fast.lists["groups"][0].cadence == Cadence(start=time(9, 30), end=time(11, 0))
    assert fast.singles == {"organisation": "O", "area": "A"}


def test_a_file_is_read_by_the_fast_path_from_its_bytes_with_or_without_a_bom(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """load_register hands the file's bytes to msgspec (no text copy of a large file); a byte-order mark is
    skipped, and the detailed path is never needed."""
    register = load_register(EXAMPLE)
    text = dumps_register(register, "json")
    monkeypatch.setattr(loader, "structuring_converter", _refuse)
    for prefix in (b"", b"\xef\xbb\xbf"):
        target = tmp_path / "register.json"
        target.write_bytes(prefix + text.encode())
        assert load_register(target) == register


def test_a_duplicate_key_is_refused_when_the_fast_path_reads_the_bytes(tmp_path: Path) -> None:
    text = _render(_BASE).replace('"area": "A"', '"area": "A", "area": "B"', 1)
    assert typed_json.decode(text.encode()) is not None  # msgspec alone keeps the last value
    target = tmp_path / "register.json"
    target.write_text(text, encoding="utf-8")
    with pytest.raises(RegisterError, match="the key 'area' appears twice"):
        load_register(target)
    # Past the duplicate-key limit (in characters) the last value wins, as in Python's json module.
    assert load_register(target, limits=LoadLimits(json_duplicate_keys_up_to=len(text) - 1)).area == "B"


def test_invalid_utf8_in_text_is_declined_by_the_fast_path_and_named_by_the_detailed_one(tmp_path: Path) -> None:
    data = _render(_BASE).replace('"area": "A"', '"area": "A\udcff"', 1).encode("utf-8", "surrogateescape")
    assert typed_json.decode(data) is None
    target = tmp_path / "register.json"
    target.write_bytes(data)
    with pytest.raises(RegisterError, match="not UTF-8 text: byte 0xff on line"):
        load_register(target)


@attrs.frozen
class _WithFactory:
    name: str
    tags: tuple[str, ...] = attrs.field(factory=tuple)


def test_a_factory_default_is_made_afresh_not_given_as_the_factory() -> None:
    """Issue 12: a field with attrs.field(factory=tuple) came out as a literal Factory(...) on the JSON path."""
    import msgspec

    mirror = typed_json.mirror_of(_WithFactory)
    decoded = msgspec.json.decode(b'{"name": "a"}', type=mirror)
    assert decoded.tags == ()  # type: ignore[attr-defined]
    assert not isinstance(decoded.tags, attrs.Factory)  # type: ignore[attr-defined, arg-type]
    assert typed_json.builder_of(_WithFactory)(decoded) == _WithFactory("a")
