"""docs/register-format.md stays true: its example loads, and it documents every field and every value."""

from __future__ import annotations

import re
from enum import Enum
from pathlib import Path

import attrs
import pytest

from coproduction import models
from coproduction.io.loader import loads_register
from coproduction.models.diversity import CATEGORIES

DOC = Path(__file__).resolve().parents[2] / "docs" / "register-format.md"
TEXT = DOC.read_text(encoding="utf-8")

MODELS = [
    models.Register,
    models.Member,
    models.TrainingRecord,
    models.DiversityProfile,
    models.Group,
    models.Cadence,
    models.GroundRules,
    models.GroundRule,
    models.Acknowledgement,
    models.Membership,
    models.Meeting,
    models.Venue,
    models.Break,
    models.AgendaItem,
    models.Outcome,
    models.Paper,
    models.Attendance,
    models.Decision,
    models.Action,
    models.Payment,
]


def _section(name: str) -> str:
    match = re.search(rf"^### {name}\n(.*?)(?=^##)", TEXT, flags=re.S | re.M)
    assert match, f"docs/register-format.md has no section '### {name}'"
    return match.group(1)


def test_every_model_in_the_package_is_listed_here() -> None:
    """A new model must be added to MODELS (and so to the document)."""
    in_package = {
        value for value in vars(models).values() if isinstance(value, type) and attrs.has(value)
    }
    assert in_package == set(MODELS)


@pytest.mark.parametrize("model", MODELS, ids=lambda model: model.__name__)
def test_every_field_is_documented_in_its_section(model: type) -> None:
    rows = re.findall(r"^\| `(\w+)` \|", _section(model.__name__), flags=re.M)
    assert rows == [field.name for field in attrs.fields(model)]


def test_every_vocabulary_value_is_documented() -> None:
    vocabularies = [
        value
        for value in vars(models).values()
        if isinstance(value, type) and issubclass(value, Enum) and value is not models.Characteristic
    ]
    assert set(CATEGORIES.values()) <= set(vocabularies)
    table = _section_of_vocabularies()
    for vocabulary in vocabularies:
        values = ", ".join(f"`{member.value}`" for member in vocabulary)
        assert f"| {values} |" in table, f"{vocabulary.__name__} is not listed in full, in order"


def _section_of_vocabularies() -> str:
    match = re.search(r"^## Vocabularies\n(.*?)(?=^## )", TEXT, flags=re.S | re.M)
    assert match
    return match.group(1)


def test_the_example_register_loads() -> None:
    match = re.search(r"^## A whole register, in YAML\n.*?```yaml\n(.*?)```", TEXT, flags=re.S | re.M)
    assert match
    register = loads_register(match.group(1), "yaml", "docs/register-format.md")
    assert [member.id for member in register.members] == ["ann", "raj"]
    assert register.meetings[0].minutes == 150
