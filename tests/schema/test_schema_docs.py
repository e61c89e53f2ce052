"""docs/schema.md stays true: its commands run, its Python runs, its settings are valid JSON, its YAML example
validates, and its one-line schema for a folder's files validates the example folder's files."""

from __future__ import annotations

import json
import re
import shlex
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator
from referencing import Registry, Resource

from coproduction.cli import main
from coproduction.io.formats import DEFAULT_LIMITS, Format
from coproduction.io.preconf import module_for
from tests.schema.helpers import SCHEMA, WHOLE, plain, read_plain, register_files

ROOT = Path(__file__).resolve().parents[2]
PAGE = (ROOT / "docs" / "schema.md").read_text(encoding="utf-8")


def _blocks(language: str) -> list[str]:
    return re.findall(rf"^```{language}\n(.*?)^```$", PAGE, flags=re.M | re.S)


def test_the_page_is_in_the_site_menu() -> None:
    assert "schema.md" in (ROOT / "mkdocs.yml").read_text(encoding="utf-8")


def test_its_commands_run(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    commands = [line[2:] for block in _blocks("console") for line in block.splitlines() if line.startswith("$ ")]
    assert commands
    for command in commands:
        argv = shlex.split(command)[1:]
        if "-o" in argv:
            argv[argv.index("-o") + 1] = str(tmp_path / argv[argv.index("-o") + 1])
        assert main(argv) == 0, command
    assert json.loads((tmp_path / "register.schema.json").read_text(encoding="utf-8")) == SCHEMA


def test_its_python_runs() -> None:
    blocks = _blocks("python")
    assert blocks
    for block in blocks:
        exec(compile(block, "docs/schema.md", "exec"), {})


def test_its_settings_are_json() -> None:
    settings = [json.loads(block) for block in _blocks("json")]
    assert any("yaml.schemas" in block for block in settings)
    assert any("json.schemas" in block for block in settings)


def test_its_yaml_example_validates() -> None:
    (block,) = _blocks("yaml")
    assert block.startswith("# yaml-language-server: $schema=./register.schema.json\n")
    data = plain(module_for(Format.YAML).loads(block, DEFAULT_LIMITS))
    assert list(WHOLE.iter_errors(data)) == []


def test_the_one_line_part_schema_validates_the_example_folders_files() -> None:
    (part,) = [json.loads(block) for block in _blocks("json") if "$ref" in block]
    registry: Registry = Registry().with_resource("register.schema.json", Resource.from_contents(SCHEMA))
    validator = Draft202012Validator(part, registry=registry)
    files = register_files(ROOT / "examples" / "oxfordshire")
    assert len(files) >= 5
    for file in files:
        assert list(validator.iter_errors(read_plain(file))) == [], file
    assert list(validator.iter_errors({"members": [{"id": "ann"}]}))  # no name: refused
