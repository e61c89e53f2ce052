"""What the schema tests share: the shipped schema's validators, register files read as plain JSON data, and the
loader's problems sorted by kind.

"Plain JSON data" is what another system holds after reading a register file: YAML's and TOML's native dates,
times and date-times become the ISO text a JSON file writes (the forms docs/register-format.md gives); a value JSON
cannot hold at all (YAML's ``!!binary`` and ``!!set``, a number too large for a float) is :class:`NotJson`.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable
from datetime import date, datetime, time
from pathlib import Path
from typing import Any, Final

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError

from coproduction.errors import Problem, RegisterError
from coproduction.io.formats import DEFAULT_LIMITS, SyntaxProblem, format_for_path
from coproduction.io.loader import load_register
from coproduction.io.preconf import module_for
from coproduction.schema import shipped_schema

SCHEMA: Final[dict[str, Any]] = json.loads(shipped_schema())
#: A whole register: one file.
WHOLE: Final = Draft202012Validator(SCHEMA)
#: One file of a register kept as a folder of files.
PART: Final = Draft202012Validator(
    {"$schema": SCHEMA["$schema"], "$ref": "#/$defs/RegisterPart", "$defs": SCHEMA["$defs"]}
)


class NotJson(Exception):
    """A value that JSON cannot hold; its message names the kind, never the value."""


class Unreadable(Exception):
    """A file the loader cannot parse at all (syntax, encoding, limits): no data to hold against the schema."""


def plain(value: Any) -> Any:
    """``value`` (parsed from a register file) as JSON data."""
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, float):
        if not math.isfinite(value):
            raise NotJson("a number that is not finite")
        return value
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(key): plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [plain(item) for item in value]
    raise NotJson(type(value).__name__)


def read_plain(path: Path) -> Any:
    """One register file as JSON data, parsed by the library's own reader for its format."""
    register_format = format_for_path(path)
    assert register_format is not None, path
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise Unreadable("not UTF-8") from error
    try:
        data = module_for(register_format).loads(text, DEFAULT_LIMITS)
    except SyntaxProblem as error:
        raise Unreadable(str(error)) from error
    except RecursionError as error:  # plain() below, on a file nested too deeply for it
        raise Unreadable("nested too deeply") from error
    if not isinstance(data, dict | list | str | int | float | type(None)):  # the JSON fast path's typed document
        data = json.loads(text)
    try:
        return json.loads(json.dumps(plain(data)))
    except RecursionError as error:
        raise Unreadable("nested too deeply") from error


#: The text formats a JSON Schema speaks to (a spreadsheet register is not JSON data until converted).
TEXT_SUFFIXES: Final = frozenset({".yaml", ".yml", ".json", ".toml"})


def is_text_register_file(path: Path) -> bool:
    return path.is_file() and path.suffix.lower() in TEXT_SUFFIXES and format_for_path(path) is not None


def register_files(folder: Path) -> list[Path]:
    """The YAML, JSON and TOML files the loader reads in a register folder, in its order."""
    return sorted(
        (p for p in folder.iterdir() if not p.name.startswith(".") and is_text_register_file(p)),
        key=lambda p: p.name,
    )


def joined(parts: Iterable[Any]) -> dict[str, Any]:
    """The files of a folder as one register document, as the loader joins them: lists one after another, the
    first ``organisation`` and ``area`` (a second is the loader's to refuse, not the schema's)."""
    whole: dict[str, Any] = {}
    for part in parts:
        for key, value in part.items():
            if isinstance(value, list) and isinstance(whole.get(key, []), list):
                whole[key] = [*whole.get(key, []), *value]
            else:
                whole.setdefault(key, value)
    return whole


def schema_errors(target: Path) -> list[ValidationError]:
    """What the schema says about a file (a whole register) or a folder (each file a part, and all of them joined)."""
    if target.is_dir():
        parts = [read_plain(file) for file in register_files(target)]
        errors = [error for part in parts for error in PART.iter_errors(part)]
        if not errors:
            errors = list(WHOLE.iter_errors(joined(parts)))
        return errors
    return list(WHOLE.iter_errors(read_plain(target)))


def loader_problems(target: Path) -> list[Problem]:
    """Every problem the loader reports for a file or folder (none when it loads)."""
    try:
        load_register(target)
    except RegisterError as error:
        return list(error.problems)
    return []


#: The loader's messages, by what they are about. Shape: what a schema can say of one value or one mapping.
SHAPE: Final = {
    "wrong type": re.compile(
        r"^expected (text|a whole number|true or false|a date|a time of day|an amount|a list|a mapping|one of:)"
    ),
    "unknown field": re.compile(r"^unknown field"),
    "missing required field": re.compile(r"^required field missing"),
    "bad enum value": re.compile(r"is not one of: |^not one of the categories: "),
    "bad date, time or amount format": re.compile(
        r"is not a date|is not a time of day|is not an amount|^time zone missing|^a time of day is local"
    ),
}
#: Ranges: the schema has them too (numbers' minimum and maximum, dates' years).
RANGE: Final = re.compile(r"^must be |is outside the plausible range|not finite")
#: About more than one value: ids, references, order, a key in two files. No schema can say these.
RELATIONAL: Final = re.compile(
    r"^duplicate id |^no (member|group) with id |end before start|^reviewed before|^given more than once"
)
#: Text holding half of a UTF-16 pair: JSON Schema's strings are code points, and cannot tell.
SURROGATE: Final = re.compile(r"^contains an escape such as ")


def kind_of_problem(problem: Problem) -> str:
    """``shape: <kind>``, ``range``, ``relational``, ``surrogate`` or ``file`` (the file could not be read)."""
    if not problem.path:
        return "file"
    for kind, pattern in SHAPE.items():
        if pattern.search(problem.message):
            return f"shape: {kind}"
    for kind, pattern in (("range", RANGE), ("relational", RELATIONAL), ("surrogate", SURROGATE)):
        if pattern.search(problem.message):
            return kind
    raise AssertionError(f"a loader message the schema tests do not know: {problem.message!r}; sort it here")


def related(loader_path: str, schema_path: str) -> bool:
    """The two paths name the same place, or one lies within the other (a missing field is reported by the schema
    at its mapping; a bad element of a set by the schema at the element, by the loader at the set)."""

    def within(inner: str, outer: str) -> bool:
        return inner == outer or (inner.startswith(outer) and inner[len(outer)] in ".[")

    return within(loader_path, schema_path) or within(schema_path, loader_path)
