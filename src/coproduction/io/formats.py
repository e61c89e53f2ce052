"""Register file formats (YAML, JSON, TOML), how a file's suffix names its format, and the limits on reading.

Each format's parsing, rendering and converter live in one module of :mod:`coproduction.io.preconf`, after
cattrs' own ``preconf`` layout.
"""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import PurePath
from typing import Final

import attrs


class Format(StrEnum):
    """A register file format."""

    YAML = "yaml"
    JSON = "json"
    TOML = "toml"


#: File suffixes read as registers, and the format each names.
SUFFIXES: Final[dict[str, Format]] = {
    ".yaml": Format.YAML,
    ".yml": Format.YAML,
    ".json": Format.JSON,
    ".toml": Format.TOML,
}

_ALIASES: Final[dict[str, Format]] = {"yml": Format.YAML}


def format_for_path(path: str | PurePath) -> Format | None:
    """The format a file's suffix names (case-insensitive), or ``None`` for any other suffix."""
    return SUFFIXES.get(PurePath(path).suffix.lower())


def parse_format(name: str | Format) -> Format | None:
    """``"yaml"``, ``"yml"``, ``"json"`` or ``"toml"`` (any case, an optional leading dot) as a :class:`Format`;
    ``None`` for anything else."""
    if isinstance(name, Format):
        return name
    if not isinstance(name, str):
        return None
    key = name.strip().lower().lstrip(".")
    try:
        return Format(key)
    except ValueError:
        return _ALIASES.get(key)


@attrs.frozen
class LoadLimits:
    """Limits that keep a hostile or broken file from exhausting memory or time.

    ``max_aliases``: YAML aliases (``*name``) allowed in one file. ``max_alias_nodes``: nodes that aliases may
    re-use in total, which stops a "billion laughs" file that nests a few aliases many levels deep.
    ``max_yaml_bytes``: the largest YAML file read (YAML parsing is pure Python and slow; JSON is the format
    for very large registers). ``max_bytes``: the largest file of any format, ``None`` for no limit.
    ``json_duplicate_keys_up_to``: JSON files up to this many characters are checked that no key appears twice
    in one object (YAML and TOML always check; JSON by a msgspec pass, ``typed_json.has_duplicate_keys``). The
    check costs about half again the fast reading's time, so larger files -- machine-made exports, which cannot
    repeat a key -- skip it; ``None`` checks every file.
    """

    max_aliases: int = 100
    max_alias_nodes: int = 100_000
    max_yaml_bytes: int = 200_000_000
    max_bytes: int | None = None
    json_duplicate_keys_up_to: int | None = 64_000_000


DEFAULT_LIMITS: Final = LoadLimits()
"""The limits a register is loaded under unless the caller passes others (see :class:`LoadLimits`)."""


class SyntaxProblem(Exception):
    """A file that is not valid in its format; the message names the line where the parser could tell."""


def describe_value_error(error: ValueError | ArithmeticError) -> str:
    """A parser's ValueError in plain words (Python's own advice about its settings means nothing to a reader)."""
    text = str(error)
    if "integer string conversion" in text or "int_max_str_digits" in text:
        return f"a number has more than {sys.get_int_max_str_digits():,} digits"
    return text.splitlines()[0] if text else type(error).__name__


__all__ = [
    "DEFAULT_LIMITS",
    "SUFFIXES",
    "Format",
    "LoadLimits",
    "SyntaxProblem",
    "describe_value_error",
    "format_for_path",
    "parse_format",
]
