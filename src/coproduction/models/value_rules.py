"""What a single value in a register must be, and the words that say so, wherever the value comes from.

The file formats (:mod:`coproduction.io.converter`) read values from text and the type pass
(:mod:`coproduction.models.type_rules`) looks at values built in code; both take their rules and their messages
from here, so a register says the same thing about the same mistake however it was made. Messages never carry a
diversity answer (special category data, UK GDPR Article 9): for those they list the categories and stop.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime, time
from decimal import Decimal
from enum import Enum
from typing import Final

from coproduction.models import diversity

#: Enums whose values are diversity answers: a bad value is reported without echoing it.
DIVERSITY_ENUMS: Final[frozenset[type[Enum]]] = frozenset(diversity.CATEGORIES.values())

#: A date-time with no offset from UTC (in a file; :data:`NAIVE_OBJECT` says it for Python values).
NAIVE: Final = "time zone missing; write 2026-01-06T10:00:00+00:00"
NAIVE_OBJECT: Final = "time zone missing; give an aware datetime, e.g. datetime(2026, 1, 6, 10, tzinfo=UTC)"
#: Half of a UTF-16 pair (``"\\ud800"``), which JSON and YAML can write but no text can hold.
SURROGATE: Final = "contains an escape such as \\ud800 that is not a character (half of a UTF-16 pair); fix the text"
#: A time of day carrying an offset.
AWARE_TIME: Final = "a time of day is local to the policy's time zone; write HH:MM without an offset"
NOT_FINITE: Final = "expected an amount such as 12.50, found a number that is not finite"


def kind_of(value: object) -> str:
    """A plain-words name for the type of a value found in a file or given in code (never the value itself)."""
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float | Decimal):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, datetime):
        return "a date and time"
    if isinstance(value, date):
        return "a date"
    if isinstance(value, time):
        return "a time"
    if isinstance(value, Mapping):
        return "a mapping"
    if isinstance(value, list | tuple):
        return "a list"
    if isinstance(value, bytes | bytearray):
        return "binary data"
    if isinstance(value, set | frozenset):
        return "a set"
    return "a value of another kind"


def printable(text: str) -> str:
    """``text`` with anything UTF-8 cannot hold (a lone surrogate from a ``\\ud800`` escape) written as an escape,
    so that a message quoting it can always be printed and saved."""
    if text.isascii():
        return text
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


def text_problem(value: str) -> str | None:
    """Why ``value`` cannot be register text (a lone surrogate), or ``None`` when it can."""
    if value.isascii():  # nearly all text, checked in C
        return None
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return SURROGATE
    return None


def allowed_values(enum_type: type[Enum]) -> str:
    """The values of ``enum_type`` as a register writes them: ``board, champions-network, ...``."""
    return ", ".join(str(member.value) for member in enum_type)


def enum_problem(enum_type: type[Enum], value: object) -> str:
    """Why ``value`` is not a value of ``enum_type``: the allowed values and, except for a diversity answer, what
    was found."""
    allowed = allowed_values(enum_type)
    if enum_type in DIVERSITY_ENUMS:
        # Special category data: say what is allowed, never what was written.
        return f"not one of the categories: {allowed}"
    if isinstance(value, str):
        return f"{printable(repr(value))} is not one of: {allowed}"
    return f"expected one of: {allowed}; found {kind_of(value)}"


__all__ = [
    "AWARE_TIME",
    "DIVERSITY_ENUMS",
    "NAIVE",
    "NAIVE_OBJECT",
    "NOT_FINITE",
    "SURROGATE",
    "allowed_values",
    "enum_problem",
    "kind_of",
    "printable",
    "text_problem",
]
