"""Every example register validates against the shipped schema: the files of examples/ (YAML, TOML, JSON) read
as plain JSON data, each file of a register folder as a part and the folder as a whole, and the register shown in
docs/register-format.md."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from coproduction.io.formats import DEFAULT_LIMITS, Format
from coproduction.io.loader import load_register
from coproduction.io.preconf import module_for
from tests.schema.helpers import PART, WHOLE, is_text_register_file, joined, plain, read_plain, register_files

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
#: The keys of a register file (docs/register-format.md): a file under examples/ holding none of them is something
#: else (a recruitment round, a plugin's packaging) and is not held to the register's schema.
REGISTER_KEYS = {"organisation", "area", "members", "groups", "memberships", "meetings"}
FILES = sorted(
    path
    for path in EXAMPLES.rglob("*")
    if is_text_register_file(path) and "build" not in path.relative_to(EXAMPLES).parts
)


def _is_register(path: Path) -> bool:
    data = read_plain(path)
    return isinstance(data, dict) and bool(REGISTER_KEYS & set(data))


REGISTER_FILES = [path for path in FILES if _is_register(path)]
FOLDERS = sorted({path.parent for path in REGISTER_FILES if len(register_files(path.parent)) > 1})


def _messages(validator: object, data: object) -> list[str]:
    return [f"{error.json_path}: {error.message}" for error in validator.iter_errors(data)]  # type: ignore[attr-defined]


def test_the_examples_are_found() -> None:
    assert EXAMPLES / "oxfordshire" in FOLDERS
    assert set(register_files(EXAMPLES / "oxfordshire")) <= set(REGISTER_FILES)
    assert len(REGISTER_FILES) >= 6
    others = {path.relative_to(ROOT).as_posix() for path in FILES if path not in REGISTER_FILES}
    assert "examples/recruitment/board-round.yaml" in others  # a round file: not a register


@pytest.mark.parametrize("path", REGISTER_FILES, ids=lambda p: p.relative_to(EXAMPLES).as_posix())
def test_every_example_file_validates(path: Path) -> None:
    data = read_plain(path)
    if path.parent in FOLDERS:
        assert _messages(PART, data) == []
    else:
        load_register(path)  # a register on its own
        assert _messages(WHOLE, data) == []


@pytest.mark.parametrize("folder", FOLDERS, ids=lambda p: p.relative_to(EXAMPLES).as_posix())
def test_every_example_folder_validates_as_one_register(folder: Path) -> None:
    load_register(folder)
    assert _messages(WHOLE, joined(read_plain(file) for file in register_files(folder))) == []


def test_the_register_in_the_format_page_validates() -> None:
    page = (ROOT / "docs" / "register-format.md").read_text(encoding="utf-8")
    match = re.search(r"## A whole register, in YAML\n\n```yaml\n(.*?)```", page, flags=re.S)
    assert match
    # The library's YAML reader (YAML 1.2: `on:` is a key, not true), as the loader reads the page's example.
    data = plain(module_for(Format.YAML).loads(match.group(1), DEFAULT_LIMITS))
    assert _messages(WHOLE, data) == []
    assert data["meetings"][0]["start"] == "2026-01-06T10:00:00+00:00"  # a YAML date-time, as JSON text


def test_a_folder_part_need_not_hold_the_organisation_but_a_whole_register_must() -> None:
    part = {"members": [{"id": "ann", "name": "Ann"}]}
    assert _messages(PART, part) == []
    assert _messages(WHOLE, part) == [
        "$: 'organisation' is a required property",
        "$: 'area' is a required property",
    ]
