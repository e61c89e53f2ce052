"""Reading a round file: every format, located errors, diversity answers never echoed (issue 14, slice 1)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
import tomli_w
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from coproduction.io.formats import Format
from coproduction.io.round_loader import load_round, loads_round
from coproduction.models.diversity import AgeBand
from coproduction.models.enums import Perspective
from coproduction.recruitment import RoundError

SECRET = "secret-answer-xyz"

VALID: dict[str, object] = {
    "group": "team-up-board",
    "seats": 2,
    "closing": "2026-11-30",
    "eligibility": {"areas": ["Oxfordshire"], "perspectives": ["uses-services", "carer"], "minimum_age": 16},
    "quotas": [
        {"perspective": "lived-experience", "at_least": 1},
        {"characteristic": "age", "category": "16-24", "at_least": 1, "at_most": 2},
    ],
    "applicants": [
        {
            "id": "a1",
            "name": "Ann Example",
            "perspectives": ["carer"],
            "area": "Oxfordshire",
            "organisation": "Carers Oxfordshire",
            "access_needs": ["large-print"],
            "confirms_minimum_age": True,
            "consent_to_contact": True,
            "diversity": {"age": "16-24", "ethnic_group": "black"},
        },
        {"id": "a2", "name": "Bo Example", "perspectives": ["uses-services"]},
    ],
}


def _write(tmp_path: Path, data: object, suffix: str) -> Path:
    path = tmp_path / f"round{suffix}"
    if suffix == ".json":
        path.write_text(json.dumps(data), encoding="utf-8")
    elif suffix == ".toml":
        path.write_text(tomli_w.dumps(data), encoding="utf-8")  # type: ignore[arg-type]
    else:
        path.write_text(yaml.safe_dump(data), encoding="utf-8")
    return path


@pytest.mark.parametrize("suffix", [".yaml", ".yml", ".json", ".toml"])
def test_a_round_loads_from_every_format(tmp_path: Path, suffix: str) -> None:
    round_ = load_round(_write(tmp_path, VALID, suffix))
    assert round_.seats == 2
    assert round_.closing == date(2026, 11, 30)
    assert round_.eligibility.minimum_age == 16
    first = round_.applicants[0]
    assert first.perspectives == {Perspective.CARER}
    assert first.consent_to_contact
    assert first.diversity is not None
    assert first.diversity.age is AgeBand.AGED_16_TO_24
    assert [q.at_least for q in round_.quotas] == [1, 1]


def test_diversity_answers_stay_out_of_repr() -> None:
    round_ = loads_round(json.dumps(VALID), Format.JSON)
    applicant_text = repr(round_.applicants[0]) + str(round_.applicants[0])
    assert "16-24" not in applicant_text
    assert "black" not in applicant_text
    assert "black" not in repr(round_)
    assert "ethnic" not in repr(round_)
    assert "Ann Example" in applicant_text  # the test would notice a repr that showed nothing at all


def _problems(data: object) -> list[str]:
    with pytest.raises(RoundError) as caught:
        loads_round(json.dumps(data), Format.JSON, source="round.json")
    return [str(p) for p in caught.value.problems]


def test_errors_are_located_and_never_echo_a_diversity_answer() -> None:
    data = json.loads(json.dumps(VALID))
    data["applicants"][1]["diversity"] = {"age": SECRET, SECRET: "x"}
    data["applicants"][1]["nmae"] = "typo"
    data["seats"] = "two"
    problems = _problems(data)
    text = "\n".join(problems)
    assert SECRET not in text
    assert "round.json: $.applicants[1].diversity.age: not one of the categories" in text
    assert "$.applicants[1].nmae: unknown field" in text
    assert "$.seats:" in text


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"seats": 0}, "$.seats: expected 1 or more seats; found 0"),
        ({"eligibility": {"minimum_age": 21}}, "$.eligibility.minimum_age: expected 16 or 18; found 21"),
        ({"quotas": [{"perspective": "wizards"}]}, "$.quotas[0].perspective: unknown perspective 'wizards'"),
        ({"quotas": [{"characteristic": "height", "category": "tall"}]}, "$.quotas[0].characteristic: unknown"),
        ({"quotas": [{"characteristic": "age", "category": "12-13"}]}, "$.quotas[0].category: '12-13' is not one"),
        ({"quotas": [{"characteristic": "age"}]}, "$.quotas[0].category: missing"),
        ({"quotas": [{"at_least": 1}]}, "$.quotas[0]: give either a perspective or a characteristic"),
        ({"quotas": [{"perspective": "carer", "at_least": 3, "at_most": 2}]}, "$.quotas[0].at_most: expected at"),
        ({"quotas": [{"perspective": "carer", "at_least": -1}]}, "$.quotas[0].at_least: expected 0 or more"),
    ],
)
def test_each_bad_value_is_named(change: dict[str, object], expected: str) -> None:
    assert any(expected in p for p in _problems({**VALID, **change}))


def test_duplicate_applicant_ids_are_refused() -> None:
    data = json.loads(json.dumps(VALID))
    data["applicants"][1]["id"] = "a1"
    assert any("$.applicants[1].id: duplicate id 'a1'; first at $.applicants[0]" in p for p in _problems(data))


def test_a_valid_round_raises_nothing() -> None:
    assert loads_round(json.dumps(VALID), Format.JSON).group == "team-up-board"


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("round.yaml", b"- just\n- a list\n", "$: expected a mapping"),
        ("round.yaml", b"", "$: expected a mapping with the keys of a round; found an empty file"),
        ("round.json", b"{", "round.json"),
        ("round.yaml", b"\xff\xfe", "not UTF-8"),
        ("round.txt", b"{}", "expected a file ending"),
    ],
)
def test_unreadable_files(tmp_path: Path, name: str, content: bytes, expected: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(RoundError) as caught:
        load_round(path)
    assert expected in str(caught.value)


def test_a_missing_file_is_a_round_error(tmp_path: Path) -> None:
    with pytest.raises(RoundError, match="cannot read"):
        load_round(tmp_path / "absent.yaml")


@settings(max_examples=60, deadline=None)
@given(
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.text(max_size=5),
        lambda c: (
            st.lists(c, max_size=3)
            | st.dictionaries(
                st.sampled_from(
                    ["group", "seats", "closing", "applicants", "quotas", "eligibility", "id", "diversity"]
                ),
                c,
                max_size=4,
            )
        ),
        max_leaves=12,
    )
)
def test_any_document_gives_a_round_or_a_round_error(document: object) -> None:
    error: RoundError | None = None
    try:
        loads_round(json.dumps(document), Format.JSON)
    except RoundError as caught:
        error = caught
    assert error is None or error.problems
