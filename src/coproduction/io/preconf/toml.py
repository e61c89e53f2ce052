"""TOML registers: read with :mod:`tomllib`, written with ``tomli_w``.

Dates and date-times are TOML's native values (``start = 2026-01-06T10:00:00+00:00``); times of day stay
``"HH:MM"`` strings, as TOML's own local times need seconds. TOML has no null: fields that are ``None`` are
omitted, which the converter does for every default anyway.
"""

from __future__ import annotations

import tomllib
from typing import Any

import cattrs
import tomli_w

from coproduction.io import converter as base
from coproduction.io.formats import LoadLimits, SyntaxProblem, describe_value_error


def make_converter() -> cattrs.Converter:
    """Dates and date-times as TOML values; everything else as for JSON."""
    return base.make_native_dates_converter()


def loads(text: str, limits: LoadLimits) -> Any:
    """Parse TOML text; tomllib's messages name the line and column."""
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise SyntaxProblem(f"not valid TOML: {describe_value_error(error)}") from None
    except RecursionError:
        raise SyntaxProblem("not valid TOML: nested too deeply") from None
    except ValueError as error:  # e.g. an impossible date such as 2026-02-30
        raise SyntaxProblem(f"not valid TOML: {describe_value_error(error)}") from None


def dumps(data: Any) -> str:
    """TOML text: top-level scalars first, then ``[[members]]``, ``[[groups]]`` ... tables."""
    return tomli_w.dumps(data)


__all__ = ["dumps", "loads", "make_converter"]
