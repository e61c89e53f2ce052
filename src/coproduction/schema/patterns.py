"""The text forms of dates, times, date-times and amounts, as regular expressions a JSON Schema can hold.

Each pattern accepts the form ``docs/register-format.md`` documents ("Values") and only values the loader accepts
too (:mod:`coproduction.io.converter` reads them with Python's ``fromisoformat`` and ``Decimal``): a pattern is
never looser than the loader, so a file the schema passes is not refused for a value's form. The loader is a little
more lenient with ISO 8601's other spellings (``20260106``, ``10:00Z``); the schema asks for the documented one.

Dates carry the loader's plausible range (:data:`coproduction.models.rules.EARLIEST_DATE` to
:data:`~coproduction.models.rules.LATEST_DATE`, years 1900 to 2200) and only days that exist: 29 February only in a
leap year of the Gregorian calendar (divisible by 4, and not by 100 unless by 400), as ``datetime.date`` has it.
The patterns use only what ECMA-262 and Python's ``re`` read alike (no look-around; ``[0-9]`` rather than
``\\d``, which Python also matches to other scripts' digits), so any JSON Schema validator applies them the same way.
"""

from __future__ import annotations

from typing import Final

from coproduction.models.rules import EARLIEST_DATE, LATEST_DATE, MAX_AMOUNT

#: The range the patterns below are written for; tests/schema checks it is still the loader's.
WRITTEN_FOR: Final = (EARLIEST_DATE, LATEST_DATE, MAX_AMOUNT)

_YEAR: Final = "(?:19[0-9]{2}|2[01][0-9]{2}|2200)"
#: Leap years from 1900 to 2200: a multiple of 4 within each century, and 2000 (1900, 2100 and 2200 are not).
_LEAP_YEAR: Final = "(?:(?:19|20|21)(?:0[48]|[2468][048]|[13579][26])|2000)"
_MONTH_DAY: Final = (
    "(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])"
    "|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)"
    "|02-(?:0[1-9]|1[0-9]|2[0-8]))"
)
_DATE: Final = f"(?:{_YEAR}-{_MONTH_DAY}|{_LEAP_YEAR}-02-29)"
_CLOCK: Final = "(?:[01][0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9](?:\\.[0-9]{1,6})?)?"
_OFFSET: Final = "(?:Z|[+-](?:[01][0-9]|2[0-3]):[0-5][0-9])"

#: A date, ``YYYY-MM-DD``, that exists, from 1900-01-01 to 2200-12-31.
DATE: Final = f"^{_DATE}$"
#: A time of day, ``HH:MM``, with seconds (and up to six decimals of them) when they matter; no offset.
TIME: Final = f"^{_CLOCK}$"
#: A date and time with an offset from UTC: ``2026-01-06T10:00:00+00:00`` (seconds optional, ``Z`` for UTC, a
#: space instead of the ``T`` as TOML writers put it).
DATE_TIME: Final = f"^{_DATE}[T ]{_CLOCK}{_OFFSET}$"
#: An amount of money written as text: pounds, with any number of decimals, from 0 to 1,000,000.
AMOUNT_TEXT: Final = "^(?:[0-9]{1,6}(?:\\.[0-9]+)?|1000000(?:\\.0+)?)$"

__all__ = ["AMOUNT_TEXT", "DATE", "DATE_TIME", "TIME"]
