"""The hostile and bad-input corpora against the schema: what the loader refuses for its shape, the schema refuses.

Each file of tests/hardening/corpus and tests/data/invalid is sorted by what the loader says of it
(helpers.kind_of_problem):

- shape (a wrong type, an unknown field, a missing required field, a bad vocabulary value, a date, time or amount
  in a wrong form): the schema must refuse the file, with an error at the same place or around it;
- range (numbers out of range, implausible dates): the schema has the ranges too, so it refuses these as well;
- relational (duplicate ids, references to no one, ends before starts, a key in two files of a folder): no schema
  can see these, and the schema must not refuse a file that has only these;
- files the loader cannot read at all (syntax, encoding, size and alias limits): no data for a schema to judge;
- values JSON cannot hold (YAML's ``!!binary`` and ``!!set``, a number beyond a float): refused by the loader,
  and never JSON data for a schema to judge.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from jsonschema.exceptions import ValidationError

from tests.schema.helpers import (
    NotJson,
    Unreadable,
    is_text_register_file,
    kind_of_problem,
    loader_problems,
    register_files,
    related,
    schema_errors,
)

TESTS = Path(__file__).resolve().parents[1]
HARDENING = TESTS / "hardening" / "corpus"
INVALID = TESTS / "data" / "invalid"
CASES = sorted(
    p
    for p in [*HARDENING.iterdir(), *INVALID.iterdir()]
    if (p.is_dir() and p.name != "__pycache__") or (is_text_register_file(p) and p.name != "EXPECTED.toml")
)
#: Text with half of a UTF-16 pair (written ``\ud800``): refused by the loader; JSON Schema's regular expressions
#: cannot be trusted to see it alike in every validator, so the schema leaves it to the loader.
SURROGATE_CASES = {"lone-surrogate-escape.json", "lone-surrogate-escape.yaml"}


def _all_paths(errors: list[ValidationError]) -> set[str]:
    """The place of every error, and of the errors inside each (the branches of an ``anyOf``)."""
    found: set[str] = set()
    pending = list(errors)
    while pending:
        error = pending.pop()
        found.add(error.json_path)
        pending.extend(error.context or ())
    return found


def _sorted(target: Path) -> tuple[set[str], list[tuple[str, str]]]:
    problems = loader_problems(target)
    return {kind_of_problem(p) for p in problems}, [(p.path, kind_of_problem(p)) for p in problems]


@pytest.mark.parametrize("target", CASES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_the_schema_agrees_with_the_loader(target: Path) -> None:
    kinds, located = _sorted(target)
    if "file" in kinds:
        if target.is_dir() and not register_files(target):
            return  # a folder with no register files: nothing to read
        with pytest.raises(Unreadable):
            schema_errors(target)
        return
    try:
        errors = schema_errors(target)
    except NotJson:
        # Only YAML's own types and numbers past a float: the loader refuses them as a wrong type.
        assert kinds == {"shape: wrong type"}, kinds
        return
    paths = _all_paths(errors)
    judged = [(path, kind) for path, kind in located if kind.startswith("shape") or kind == "range"]
    if judged:
        for path, kind in judged:
            assert any(related(path, found) for found in paths), (
                f"the loader refuses {path} ({kind}); the schema says nothing there: {sorted(paths)}"
            )
    elif kinds <= {"relational", "surrogate"}:
        assert errors == [], [error.message for error in errors]
        assert (target.name in SURROGATE_CASES) == ("surrogate" in kinds)
    else:  # pragma: no cover - every kind is handled above
        raise AssertionError(kinds)


def test_the_corpora_hold_every_kind_of_case() -> None:
    """The sorting above is not empty-handed: each kind has cases, and shape has many."""
    counts: dict[str, int] = {}
    for target in CASES:
        for kind in _sorted(target)[0] or {"loads"}:
            counts[kind] = counts.get(kind, 0) + 1
    assert counts.get("shape: wrong type", 0) >= 30, counts
    for kind in (
        "shape: unknown field",
        "shape: missing required field",
        "shape: bad enum value",
        "shape: bad date, time or amount format",
        "range",
        "relational",
        "file",
        "loads",
    ):
        assert counts.get(kind, 0) >= 1, (kind, counts)
    assert counts["shape: bad date, time or amount format"] >= 10, counts
