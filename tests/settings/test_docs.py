"""docs/policy.md cannot drift: a row for every setting, scalar defaults as Policy has them, examples that load."""

from __future__ import annotations

import json
import re
from pathlib import Path

import attrs
import pytest

from coproduction.policy import Policy
from coproduction.settings import load_policy, policy_to_dict

DOCS = Path(__file__).resolve().parents[2] / "docs" / "policy.md"
ROW = re.compile(r"^\| `(?P<name>[a-z_]+)` \| (?P<default>[^|]+) \|", re.MULTILINE)


def rows() -> dict[str, str]:
    return {match["name"]: match["default"].strip() for match in ROW.finditer(DOCS.read_text(encoding="utf-8"))}


def test_every_setting_has_one_row() -> None:
    assert sorted(rows()) == sorted(field.name for field in attrs.fields(Policy))


def _shown(value: object) -> str:
    if value is None:
        return "(unset)"
    return value if isinstance(value, str) else json.dumps(value)


@pytest.mark.parametrize("name", [field.name for field in attrs.fields(Policy)])
def test_scalar_defaults_match_policy(name: str) -> None:
    cell = rows()[name]
    value = policy_to_dict(Policy())[name]
    if isinstance(value, dict | list):
        assert cell.startswith(("(table)", "(list)")), cell
    else:
        assert cell.strip("`") == _shown(value)


@pytest.mark.parametrize("kind", ["toml", "yaml"])
def test_examples_load(tmp_path: Path, kind: str) -> None:
    blocks = re.findall(rf"```{kind}\n(.*?)```", DOCS.read_text(encoding="utf-8"), re.DOTALL)
    assert blocks
    for number, block in enumerate(blocks):
        path = tmp_path / f"example{number}.{kind}"
        path.write_text(block, encoding="utf-8")
        assert load_policy(policy_file=path, environ={}).name == "hampshire"
