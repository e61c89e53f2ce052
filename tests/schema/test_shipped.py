"""The shipped schema: up to date with the models, a valid draft 2020-12 schema, complete (every model, field and
vocabulary, each field described), printed and written by ``coproduction schema``, and free of anyone's data."""

from __future__ import annotations

import json
import typing
from datetime import date
from enum import Enum
from pathlib import Path

import attrs
import pytest
from jsonschema import Draft202012Validator

from coproduction import models
from coproduction.cli import main
from coproduction.io.loader import load_register
from coproduction.models.rules import EARLIEST_DATE, LATEST_DATE, MAX_AMOUNT
from coproduction.schema import SCHEMA_FILE, patterns, shipped_schema
from coproduction.schema.generate import RANGES, build_schema, meanings_from_format_doc, render_schema
from tests.schema.regenerate import COPIES, FORMAT_DOC, ROOT, fresh_schema_text

SCHEMA = json.loads(shipped_schema())
MODELS = [value for value in vars(models).values() if isinstance(value, type) and attrs.has(value)]
ENUMS = [
    value
    for value in vars(models).values()
    if isinstance(value, type) and issubclass(value, Enum) and value is not models.Characteristic
]


@pytest.mark.parametrize("copy", COPIES, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_the_shipped_copies_are_up_to_date(copy: Path) -> None:
    assert copy.read_text(encoding="utf-8") == fresh_schema_text(), (
        f"{copy.relative_to(ROOT)} is stale: run .venv/bin/python tests/schema/regenerate.py"
    )


def test_the_package_copy_is_what_the_package_serves() -> None:
    assert shipped_schema() == COPIES[0].read_text(encoding="utf-8")
    assert COPIES[0].name == SCHEMA_FILE


def test_generating_twice_gives_the_same_text() -> None:
    meanings = meanings_from_format_doc(FORMAT_DOC.read_text(encoding="utf-8"))
    assert render_schema(build_schema(meanings)) == render_schema(build_schema(meanings))


def test_it_is_a_valid_draft_2020_12_schema() -> None:
    Draft202012Validator.check_schema(SCHEMA)
    assert SCHEMA["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert SCHEMA["title"]
    assert SCHEMA["description"].startswith("A register of co-production")


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_every_model_and_field_is_there_described(model: type) -> None:
    if model is models.Register:
        definition = SCHEMA
    else:
        definition = SCHEMA["$defs"][model.__name__]
        assert definition["description"]
        assert definition["additionalProperties"] is False
    fields = attrs.fields(model)
    assert list(definition["properties"]) == [field.name for field in fields]
    assert definition.get("required", []) == [f.name for f in fields if f.default is attrs.NOTHING]
    for field in fields:
        description = definition["properties"][field.name]["description"]
        assert len(description) > 8, (model.__name__, field.name)


@pytest.mark.parametrize("vocabulary", ENUMS, ids=lambda e: e.__name__)
def test_every_vocabulary_is_there_in_full(vocabulary: type[Enum]) -> None:
    definition = SCHEMA["$defs"][vocabulary.__name__]
    assert definition["enum"] == [member.value for member in vocabulary]
    assert definition["description"]


def test_defaults_are_given_as_a_file_writes_them() -> None:
    defs = SCHEMA["$defs"]
    assert defs["Paper"]["properties"]["formats"]["default"] == ["standard"]
    assert defs["Break"]["properties"]["minutes"]["default"] == 10
    assert defs["Membership"]["properties"]["role"]["default"] == "member"
    assert "default" not in defs["Meeting"]["properties"]["start"]


def test_every_whole_number_field_has_the_loaders_range() -> None:
    """A new whole-number field must be given its range in RANGES (models/rules.py holds the loader's)."""
    whole_numbers = {
        (model.__name__, name)
        for model in MODELS
        for name, hint in typing.get_type_hints(model).items()
        if hint in (int, int | None)
    }
    assert whole_numbers == set(RANGES)


@pytest.mark.parametrize(("model", "field"), sorted(RANGES))
def test_the_ranges_are_the_loaders(model: str, field: str) -> None:
    """At each bound the loader accepts; one beyond, it refuses: the schema's numbers are the loader's rules."""
    bounds = RANGES[(model, field)]
    values = bounds.get("enum") or [bounds["minimum"], bounds["maximum"]]
    beyond = [min(values) - 1, max(values) + 1] + ([0] if "enum" in bounds else [])
    for value in values:
        assert _loads_with(model, field, value), (model, field, value)
    for value in beyond:
        assert not _loads_with(model, field, value), (model, field, value)


def _loads_with(model: str, field: str, value: int) -> bool:
    from coproduction.errors import RegisterError
    from coproduction.io.loader import loads_register

    meeting = {"id": "m", "group": "g", "title": "t", "start": "2026-01-06T10:00:00+00:00",
               "end": "2026-01-06T12:00:00+00:00"}
    group: dict[str, object] = {"id": "g", "name": "G", "kind": "board"}
    if model == "Group":
        group[field] = value
    elif model == "Cadence":
        group["cadence"] = {field: value}
    elif model == "Meeting":
        meeting[field] = value  # type: ignore[assignment]
    else:
        meeting["breaks"] = [{"after_minutes": 0, field: value}]  # type: ignore[assignment]
    document = {"organisation": "O", "area": "A", "groups": [group], "meetings": [meeting]}
    try:
        loads_register(json.dumps(document), "json")
    except RegisterError:
        return False
    return True


def test_the_patterns_are_written_for_the_loaders_ranges() -> None:
    assert (date(1900, 1, 1), date(2200, 12, 31), 1_000_000) == patterns.WRITTEN_FOR
    assert (EARLIEST_DATE, LATEST_DATE, MAX_AMOUNT) == patterns.WRITTEN_FOR


def test_no_ones_data_is_in_it() -> None:
    """Generated from the models and the format page only: no name, id or answer of the example register."""
    register = load_register(ROOT / "examples" / "oxfordshire")
    text = shipped_schema()
    for member in register.members:
        assert member.name not in text
        assert f'"{member.id}"' not in text
    diversity = json.dumps(SCHEMA["$defs"]["DiversityProfile"]["properties"])
    assert "enum" not in diversity  # the categories are the vocabularies', listed once, not per person


def test_the_command_prints_it(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    out, err = capsys.readouterr()
    assert out == shipped_schema()
    assert err == ""


def test_the_command_writes_it(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "register.schema.json"
    assert main(["schema", "-o", str(target)]) == 0
    assert target.read_text(encoding="utf-8") == shipped_schema()
    assert capsys.readouterr() == ("", "")


def test_the_command_says_when_it_cannot_write(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "no-such-folder" / "register.schema.json"
    assert main(["schema", "-o", str(target)]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert "no-such-folder" in err
    assert "cannot write" in err
    assert "Traceback" not in err
    assert not target.parent.exists()
