"""One cell of a spreadsheet to the plain value a register file would hold, as officers' spreadsheets hold it.

Dates: real date cells, ``25/11/2026`` (day first, as in the UK), ``2026-11-25`` and Excel serial numbers
(days since 30 December 1899, Microsoft's "DATEVALUE function" documentation). Times without an offset are in the
policy's time zone. Flags: Yes/No, True/False, Y/N, 1/0. Lists in one cell: ``uses-services; carer``. Choices in
their human form ("Uses services") or their file form (``uses-services``).

A cell that cannot be read raises :class:`CellProblem`, whose message quotes what was written -- except in a
column of diversity answers (special category data), whose values are never read here: the shared converter
reports a wrong one without repeating it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta, timezone, tzinfo
from decimal import Decimal, InvalidOperation
from enum import Enum
from typing import Final

from coproduction.io.converter import printable
from coproduction.io.spreadsheet.layout import Column, Kind, choice_value, label, loose

#: Day 0 of Excel's 1900 date system (serial 1 is 1 January 1900, counting the 29 February 1900 Excel believes in).
EXCEL_EPOCH: Final = datetime(1899, 12, 30)
_LAST_SERIAL: Final = 2_958_465  # 31 December 9999
_DAY_FIRST: Final = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")
_DATE_TIME: Final = re.compile(
    r"(\d{4}-\d{2}-\d{2}|\d{1,2}[/.-]\d{1,2}[/.-]\d{4})[ T]+(\d{1,2})[:.](\d{2})(?::(\d{2})(\.\d{1,6})?)?$"
)
_WHOLE: Final = re.compile(r"[+-]?\d+$")
_YES: Final = frozenset({"yes", "y", "true", "1"})
_NO: Final = frozenset({"no", "n", "false", "0"})
#: Separates the items of a list written in one cell.
SEPARATOR: Final = ";"


class CellProblem(ValueError):
    """A cell that cannot be read as its column's kind; ``str(error)`` is the message for the officer."""


def quoted(value: object) -> str:
    """What was written, in double quotes, as a message shows it."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = printable(str(value))
    if len(text) > 60:
        text = text[:57] + "..."
    return f'"{text}"'


def is_empty(value: object) -> bool:
    """An empty cell (or one holding only spaces)."""
    return value is None or (isinstance(value, str) and not value.strip())


def read_cell(column: Column, value: object, zone: tzinfo) -> object:
    """The plain value of a non-empty cell, for the shared converter to structure; raises :class:`CellProblem`."""
    kind = column.kind
    if kind is Kind.TEXT:
        return _text(value)
    if kind is Kind.CHOICE:
        text = _text(value).strip()
        if column.choices is None:  # pragma: no cover - every choice column names its choices
            return text
        found = choice_value(column.choices, text)
        return text if found is None else found  # a wrong choice is reported by the converter, with the choices
    if kind is Kind.DATE:
        return read_date(value)
    if kind is Kind.DATETIME:
        return read_datetime(value, zone)
    if kind is Kind.TIME:
        return read_time(value)
    if kind is Kind.FLAG:
        return read_flag(value)
    if kind is Kind.WHOLE:
        return read_whole(value)
    if kind is Kind.AMOUNT:
        return read_amount(value)
    return read_list(column, value)


def reader_for(column: Column, zone: tzinfo) -> Callable[[object], object]:
    """:func:`read_cell` for one column, with the column's kind looked up once (a county register has 180,000
    cells)."""
    kind = column.kind
    if kind is Kind.TEXT:
        return _text
    if kind is Kind.CHOICE and column.choices is not None:
        index = _choice_lookup(column.choices)

        def choice(value: object) -> object:
            text = _text(value).strip()
            return index.get(text) or choice_value(column.choices, text) or text  # type: ignore[arg-type]

        return choice
    if kind is Kind.DATE:
        return read_date
    if kind is Kind.DATETIME:
        return lambda value: read_datetime(value, zone)
    if kind is Kind.FLAG:
        return read_flag
    if kind is Kind.WHOLE:
        return read_whole
    if kind is Kind.AMOUNT:
        return read_amount
    if kind is Kind.TIME:
        return read_time
    return lambda value: read_list(column, value)


def exact_choices(choices: type[Enum]) -> dict[str, str]:
    """Each choice's human form and file form, to its file form: found without normalising what was written."""
    return _choice_lookup(choices)


def _choice_lookup(choices: type[Enum]) -> dict[str, str]:
    """Choices exactly as the writer writes them (labels and file forms), found without normalising."""
    found = _EXACT.get(choices)
    if found is None:
        found = {}
        for member in choices:
            found[label(member)] = str(member.value)
            found[str(member.value)] = str(member.value)
        _EXACT[choices] = found
    return found


_EXACT: dict[type[Enum], dict[str, str]] = {}


def text_of(value: object) -> str:
    """A cell in a text column as text: a number typed into an ID column (``1001``) is its digits."""
    return _text(value)


def _text(value: object) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, date | time):
        return value.isoformat()
    return str(value)


def _serial(value: float) -> datetime:
    if not 0 <= value <= _LAST_SERIAL:
        raise CellProblem(f"{quoted(value)} is not a date; as a date number it is out of range")
    moment = EXCEL_EPOCH + timedelta(days=value)
    return _whole_second(moment)


def _whole_second(moment: datetime) -> datetime:
    """A date-time read from a floating-point serial number, rounded to the second it names (float noise)."""
    if moment.microsecond:
        moment = (moment + timedelta(microseconds=500_000)).replace(microsecond=0)
    return moment


def read_date(value: object) -> date:
    """A date cell, ``25/11/2026``, ``2026-11-25`` or a serial number."""
    if value.__class__ is date:
        return value
    if isinstance(value, datetime):
        if value.time() != time():
            raise CellProblem(f"{quoted(value)} is not a date; it has a time of day too; give the date only")
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, bool):
        raise CellProblem(f"{quoted(value)} is not a date; write it as 25/11/2026 or 2026-11-25")
    if isinstance(value, int | float):
        moment = _serial(float(value))
        if moment.time() != time():
            raise CellProblem(f"{quoted(value)} is not a date; it has a time of day too; give the date only")
        return moment.date()
    text = str(value).strip()
    match = _DAY_FIRST.match(text)
    try:
        if match:
            day, month, year = (int(part) for part in match.groups())
            return date(year, month, day)
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            return date.fromisoformat(text)
        if _WHOLE.match(text) and 1 <= int(text) <= _LAST_SERIAL and len(text) <= 7:
            return read_date(int(text))
    except ValueError:
        raise CellProblem(f"{quoted(value)} is not a date; there is no such day") from None
    raise CellProblem(f"{quoted(value)} is not a date; write it as 25/11/2026 or 2026-11-25")


def localise(moment: datetime, zone: tzinfo) -> datetime:
    """A wall-clock time in ``zone`` as a date-time with that zone's fixed offset on the day (as a register file
    writes it: ``2026-06-01T10:00:00+01:00`` for 10:00 in London in summer)."""
    offset = moment.replace(tzinfo=zone).utcoffset()
    assert offset is not None
    return moment.replace(tzinfo=timezone(offset) if offset else UTC)


def read_datetime(value: object, zone: tzinfo) -> datetime:
    """A date-and-time cell, ``06/01/2026 10:00``, ``2026-01-06 10:00`` (in ``zone``) or ISO 8601 with an offset."""
    if isinstance(value, datetime):
        return localise(_whole_second(value), zone)
    if isinstance(value, date):
        raise CellProblem(f"{quoted(value)} has no time of day; write it like 06/01/2026 10:00")
    if isinstance(value, bool):
        raise CellProblem(f"{quoted(value)} is not a date and time; write it like 06/01/2026 10:00")
    if isinstance(value, int | float):
        return localise(_serial(float(value)), zone)
    text = str(value).strip()
    match = _DATE_TIME.match(text)
    if match:
        day_text, hour, minute, second, fraction = match.groups()
        day = read_date(day_text)
        try:
            moment = datetime.combine(
                day,
                time(int(hour), int(minute), int(second or 0), int((fraction or ".0")[1:].ljust(6, "0"))),
            )
        except ValueError:
            raise CellProblem(f"{quoted(value)} is not a date and time; there is no such time of day") from None
        return localise(moment, zone)
    try:
        parsed: datetime | None = datetime.fromisoformat(text)
    except ValueError:
        parsed = None
    if parsed is not None and parsed.tzinfo is not None and len(text) > 10:
        return parsed
    if parsed is not None and len(text) > 10:
        return localise(parsed, zone)
    if parsed is not None or _DAY_FIRST.match(text):
        raise CellProblem(f"{quoted(value)} has no time of day; write it like 06/01/2026 10:00")
    raise CellProblem(f"{quoted(value)} is not a date and time; write it like 06/01/2026 10:00")


def read_time(value: object) -> time:
    """A time cell, ``10:00``, ``10:00:30`` or a fraction of a day."""
    if isinstance(value, datetime):
        return _whole_second(value).time()
    if isinstance(value, time):
        return value
    if isinstance(value, timedelta) and timedelta(0) <= value < timedelta(days=1):
        return (datetime.min + value).time()
    if isinstance(value, float | int) and not isinstance(value, bool) and 0 <= value < 1:
        return _whole_second(datetime.min + timedelta(days=float(value))).time()
    text = str(value).strip()
    if re.fullmatch(r"\d{1,2}[:.]\d{2}", text):
        text = text.replace(".", ":").zfill(5)
    try:
        if re.fullmatch(r"\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?", text):
            return time.fromisoformat(text)
    except ValueError:
        raise CellProblem(f"{quoted(value)} is not a time of day; there is no such time") from None
    raise CellProblem(f"{quoted(value)} is not a time of day; write it like 09:30")


def read_flag(value: object) -> bool:
    """Yes/No, True/False, Y/N, 1/0 (a tick-box cell is True or False)."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float) and value in (0, 1):
        return bool(value)
    word = str(value).strip().lower()
    if word in _YES:
        return True
    if word in _NO:
        return False
    raise CellProblem(f"{quoted(value)} is not Yes or No; write Yes or No")


def read_whole(value: object) -> int:
    """A whole number: a number cell without a fraction, or its digits as text."""
    if isinstance(value, bool):
        raise CellProblem(f"{quoted(value)} is not a whole number")
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    text = str(value).strip()
    if _WHOLE.match(text) and len(text) < 20:
        return int(text)
    raise CellProblem(f"{quoted(value)} is not a whole number")


def read_amount(value: object) -> str | int:
    """An amount of money in pounds: a number cell, or text such as ``40.00``, ``£40`` or ``1,200.50``."""
    if isinstance(value, bool):
        raise CellProblem(f"{quoted(value)} is not an amount; write it like 12.50")
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        cents = value * 100
        if cents.is_integer() and abs(cents) < 1e15 and float(f"{value:.2f}") == value:
            return f"{value:.2f}"  # 40.0 was 40.00 in a currency cell
        number = Decimal(repr(value))
        exponent = number.as_tuple().exponent
        if isinstance(exponent, int) and exponent > -2:  # 40.0 was 40.00 in a currency cell
            number = number.quantize(Decimal("0.01"))
        return str(number)
    text = str(value).strip().removeprefix("£").replace(",", "").strip()
    try:
        if re.fullmatch(r"[+-]?(\d+(\.\d*)?|\.\d+)", text):
            return str(Decimal(text))
    except InvalidOperation:  # pragma: no cover - the pattern allows only numbers
        pass
    raise CellProblem(f"{quoted(value)} is not an amount; write it like 12.50")


def read_list(column: Column, value: object) -> list[str]:
    """Items separated by ``;`` in one cell; choices in either form; the column's empty word for an empty list."""
    text = _text(value)
    if column.empty_word is not None and loose(text) == loose(column.empty_word):
        return []
    items = [item.strip() for item in text.split(SEPARATOR)]
    items = [item for item in items if item]
    if column.kind is Kind.CHOICES and column.choices is not None:
        choices = column.choices
        exact = _choice_lookup(choices)
        return [exact.get(item) or choice_value(choices, item) or item for item in items]
    return items


__all__ = [
    "EXCEL_EPOCH",
    "SEPARATOR",
    "CellProblem",
    "exact_choices",
    "is_empty",
    "localise",
    "quoted",
    "read_cell",
    "read_date",
    "read_datetime",
    "read_flag",
    "read_list",
    "read_time",
    "read_whole",
    "reader_for",
    "text_of",
]
