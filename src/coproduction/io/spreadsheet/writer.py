"""Write a register as a workbook (``.xlsx``, with XlsxWriter) or a folder of CSV files, in the documented layout.

What is written reads back as an equal register (``coproduction convert``): dates as real date cells, meeting
times as date-and-time cells on the wall clock of the time zone (or, for one recorded at another offset, as ISO
8601 text with its offset), choices in their human form, lists in one cell separated by ``;``. What a cell cannot
hold is refused with the field's path (:class:`~coproduction.errors.OutputError`) rather than written wrongly:
empty text (an empty cell means "not given") and list items with ``;`` or spaces at their ends.

The workbook is the same bytes for the same register: XlsxWriter is given fixed document properties
(https://xlsxwriter.readthedocs.io/workbook.html#set_properties), so no clock gets into the file.
"""

from __future__ import annotations

import io
import os
import shutil
import tempfile
from collections.abc import Iterator, Sequence
from datetime import date, datetime, tzinfo
from decimal import Decimal
from pathlib import Path
from typing import Any, Final

from coproduction.errors import OutputError
from coproduction.io.atomic import write_atomic
from coproduction.io.spreadsheet.cells import SEPARATOR, localise
from coproduction.io.spreadsheet.layout import HOW_TO, REGISTER, SHEETS, Column, Kind, Sheet, label
from coproduction.models.register import Register

#: The document properties every workbook is written with: no clock, no user name.
FIXED_PROPERTIES: Final = {
    "title": "Co-production register",
    "author": "coproduction",
    "created": datetime(2026, 1, 1),
    "comments": "Made by coproduction; the How to fill this in sheet explains each column.",
}
_EXCEL_FIRST_DAY: Final = date(1900, 3, 1)  # before this, Excel's day numbers count a 29 February 1900
_EXCEL_MAX_TEXT: Final = 32_767
_FLAG_WORDS: Final = ("Yes", "No")

Cell = str | int | float | date | datetime | None
Rows = list[list[Cell]]


def _plain(register: Register) -> dict[str, Any]:
    from coproduction.io.converter import make_native_dates_converter
    from coproduction.models.validation import value_problems

    problems = value_problems(register)
    if problems:
        from coproduction.errors import InvalidRegisterError

        raise InvalidRegisterError(problems)
    data: dict[str, Any] = make_native_dates_converter().unstructure(register, Register)
    return data


def _get(item: dict[str, Any], path: tuple[str, ...]) -> Any:
    value: Any = item
    for name in path:
        if not isinstance(value, dict) or name not in value:
            return None
        value = value[name]
    return value


def _text(value: str, where: str) -> str:
    if not value.strip():
        raise OutputError(
            f"{where}: empty text cannot be kept in a spreadsheet (an empty cell means it was not given); "
            "give it words, or keep this register as YAML"
        )
    return value


def _items(values: Sequence[str], where: str) -> str:
    for value in values:
        if not value.strip() or SEPARATOR in value or value != value.strip():
            raise OutputError(
                f"{where}: the item {value!r} cannot be kept in a spreadsheet cell, where items are separated by "
                f"'{SEPARATOR}' and spaces around them are dropped"
            )
    return f"{SEPARATOR} ".join(values)


def cell(column: Column, value: Any, where: str, zone: tzinfo) -> Cell:
    """The cell holding ``value`` (plain data, as the register's converter gives it) in ``column``."""
    kind = column.kind
    if value is None:
        return None
    if kind is Kind.TEXT:
        return _text(str(value), where)
    if kind is Kind.CHOICE:
        assert column.choices is not None
        return label(column.choices(value))
    if kind is Kind.CHOICES:
        assert column.choices is not None
        choices = column.choices
        if not value and column.empty_word is not None:
            return column.empty_word
        return f"{SEPARATOR} ".join(label(choices(item)) for item in value)
    if kind in (Kind.TEXTS, Kind.IDS):
        return _items(list(value), where)
    if kind is Kind.FLAG:
        return _FLAG_WORDS[0] if value else _FLAG_WORDS[1]
    if kind is Kind.WHOLE:
        return int(value)
    if kind is Kind.AMOUNT:
        amount = Decimal(str(value))
        exponent = amount.as_tuple().exponent
        number = float(amount)
        if isinstance(exponent, int) and exponent >= -2 and Decimal(repr(number)) == amount:
            return number
        return str(value)
    if kind is Kind.DATE:
        day = value if isinstance(value, date) else date.fromisoformat(str(value))
        return day if day >= _EXCEL_FIRST_DAY else day.isoformat()
    if kind is Kind.DATETIME:
        moment = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
        wall = moment.replace(tzinfo=None)
        if moment.microsecond == 0 and wall.date() >= _EXCEL_FIRST_DAY and (
            localise(wall, zone).utcoffset() == moment.utcoffset()
        ):
            # A reader gives a cell at midnight as a date alone, which is refused as a meeting time: text then.
            return wall if wall.time() != datetime.min.time() else wall.strftime("%Y-%m-%d %H:%M")
        return moment.isoformat()
    return str(value)  # times of day, as the converter writes them ("10:00")


def sheet_rows(register: Register, zone: tzinfo) -> list[tuple[Sheet, Rows]]:
    """Every sheet of the layout and its rows (headings not included), in workbook order."""
    data = _plain(register)
    out: list[tuple[Sheet, Rows]] = []
    for sheet in SHEETS:
        rows: Rows = []
        if sheet is REGISTER:
            rows.append([cell(c, data.get(c.path[0]), f"$.{c.path[0]}", zone) for c in sheet.columns])
        elif sheet.key is not None:
            for index, item in enumerate(data.get(sheet.key, [])):
                rows.append(_row(sheet.columns, item, f"$.{sheet.key}[{index}]", zone))
        else:
            assert sheet.parent is not None
            id_field = "id"
            for index, parent in enumerate(data.get(sheet.parent, [])):
                held = _get(parent, sheet.inside)
                base = f"$.{sheet.parent}[{index}]." + ".".join(sheet.inside)
                if held is None:
                    continue
                children = [held] if isinstance(held, dict) else held
                for position, child in enumerate(children):
                    where = base if isinstance(held, dict) else f"{base}[{position}]"
                    key = _text(str(parent[id_field]), f"$.{sheet.parent}[{index}].id")
                    rows.append([key, *_row(sheet.columns[1:], child, where, zone)])
        out.append((sheet, rows))
    return out


def _row(columns: Sequence[Column], item: dict[str, Any], where: str, zone: tzinfo) -> list[Cell]:
    return [cell(column, _get(item, column.path), f"{where}.{'.'.join(column.path)}", zone) for column in columns]


# -- xlsx -----------------------------------------------------------------------------------------------------


def workbook_bytes(sheets: Sequence[tuple[Sheet, Rows]]) -> bytes:
    """The workbook: each sheet with a bold heading row, filters, drop-down lists for choices and Yes/No columns,
    and the "How to fill this in" sheet first."""
    import xlsxwriter  # type: ignore[import-untyped]

    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_numbers": False, "strings_to_formulas": False})
    book.set_properties(dict(FIXED_PROPERTIES))
    heading = book.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1, "text_wrap": True})
    day = book.add_format({"num_format": "dd/mm/yyyy"})
    moment = book.add_format({"num_format": "dd/mm/yyyy hh:mm"})
    moment_seconds = book.add_format({"num_format": "dd/mm/yyyy hh:mm:ss"})
    money = book.add_format({"num_format": "0.00"})
    text = book.add_format({"num_format": "@"})
    _how_to(book)
    for sheet, rows in sheets:
        page = book.add_worksheet(sheet.name)
        for number, column in enumerate(sheet.columns):
            page.write_string(0, number, column.header, heading)
            width = max(12, min(40, len(column.header) + 4))
            page.set_column(number, number, width, text if column.kind is Kind.TEXT else None)
            _validation(page, number, column)
        page.freeze_panes(1, 0)
        page.autofilter(0, 0, max(len(rows), 1), len(sheet.columns) - 1)
        for row_number, row in enumerate(rows, start=1):
            for number, value in enumerate(row):
                if value is None:
                    continue
                if isinstance(value, str):
                    if len(value) > _EXCEL_MAX_TEXT:
                        raise OutputError(
                            f"sheet {sheet.name}, row {row_number + 1}: a text of {len(value):,} characters; a "
                            f"spreadsheet cell holds at most {_EXCEL_MAX_TEXT:,}"
                        )
                    page.write_string(row_number, number, value)
                elif isinstance(value, datetime):
                    page.write_datetime(row_number, number, value, moment_seconds if value.second else moment)
                elif isinstance(value, date):
                    page.write_datetime(row_number, number, datetime.combine(value, datetime.min.time()), day)
                elif isinstance(value, float):
                    page.write_number(row_number, number, value, money)
                else:
                    page.write_number(row_number, number, value)
    book.close()
    return buffer.getvalue()


def _validation(page: Any, number: int, column: Column) -> None:
    options: dict[str, Any] | None = None
    if column.kind is Kind.CHOICE and column.choices is not None:
        labels = [label(member) for member in column.choices]
        if sum(len(item) + 1 for item in labels) <= 255:
            options = {"validate": "list", "source": labels}
    elif column.kind is Kind.FLAG:
        options = {"validate": "list", "source": list(_FLAG_WORDS)}
    elif column.kind is Kind.DATE:
        options = {"validate": "date", "criteria": ">=", "value": datetime(1900, 3, 1)}
    elif column.kind is Kind.WHOLE:
        options = {"validate": "integer", "criteria": "between", "minimum": -1, "maximum": 100_000}
    if options is None:
        return
    options.update(
        {
            "error_type": "warning",
            "error_title": column.header,
            "error_message": f"{column.header}: {column.note}"[:255],
            "input_title": column.header[:32],
            "input_message": column.note[:255],
        }
    )
    page.data_validation(1, number, 1_048_575, number, options)


def how_to_lines() -> Iterator[tuple[str, str, str]]:
    """The "How to fill this in" sheet, as (column A, column B, column C) lines."""
    yield ("How to fill this in", "", "")
    yield ("This workbook is a co-production register: who takes part, the groups, and their meetings.", "", "")
    yield ("Each sheet is one part of it. The first row holds the headings; write one thing per row.", "", "")
    yield ("Leave a cell empty when you do not know or it does not apply. Do not rename the headings.", "", "")
    yield ("Dates: a date cell, or 25/11/2026 (day first), or 2026-11-25.", "", "")
    yield ("Meeting times: a date and time, e.g. 06/01/2026 10:00, in your council's local time.", "", "")
    yield ("Lists: separate items with a semicolon, e.g. Uses services; Carer.", "", "")
    yield ("Choices: pick from the drop-down list.", "", "")
    yield ("IDs: a short name for each member, group and meeting that never changes, e.g. ann or team-up. Other "
           "sheets use the ID to say who or which.", "", "")
    yield ("The Diversity sheet holds equality monitoring answers. They are special category personal data: keep "
           "the workbook private.", "", "")
    yield ("When it is filled in, check it: coproduction check register.xlsx", "", "")
    yield ("", "", "")
    for sheet in SHEETS:
        yield (f"Sheet {sheet.name}", sheet.purpose, "")
        for column in sheet.columns:
            need = "required" if column.required else "optional"
            what = column.kind.value
            if column.choices is not None:
                what = f"{what}: " + ", ".join(label(member) for member in column.choices)
            yield (f"  {column.header}", f"{column.note} ({need})", what)
        yield ("", "", "")


def _how_to(book: Any) -> None:
    page = book.add_worksheet(HOW_TO)
    bold = book.add_format({"bold": True})
    title = book.add_format({"bold": True, "font_size": 14})
    wrap = book.add_format({"text_wrap": True, "valign": "top"})
    page.set_column(0, 0, 30)
    page.set_column(1, 1, 70, wrap)
    page.set_column(2, 2, 60, wrap)
    for number, (first, second, third) in enumerate(how_to_lines()):
        style = title if number == 0 else (bold if first.startswith("Sheet ") else None)
        if first:
            page.write_string(number, 0, first, style)
        if second:
            page.write_string(number, 1, second)
        if third:
            page.write_string(number, 2, third)


# -- CSV folders ----------------------------------------------------------------------------------------------


def csv_text(sheet: Sheet, rows: Rows) -> str:
    """One sheet as CSV text: headings first; dates ISO 8601 (``2026-01-06``), meeting times ``2026-01-06 10:00``."""
    import csv

    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([column.header for column in sheet.columns])
    for row in rows:
        writer.writerow([_csv_cell(value) for value in row])
    return buffer.getvalue()


def _csv_cell(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.isoformat(sep=" ", timespec="seconds" if value.second else "minutes")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float):
        return format(Decimal(repr(value)).quantize(Decimal("0.01")), "f")
    return str(value)


def write_csv_folder(target: Path, sheets: Sequence[tuple[Sheet, Rows]]) -> None:
    """Write the CSV files into a new folder beside ``target``, then put it in place of ``target`` at once.

    An existing ``target`` is replaced only when it holds nothing but CSV files (a register written before)."""
    if target.exists():
        if not target.is_dir():
            raise OutputError(f"{target}: is a file; a CSV register is a folder: give a folder's name")
        others = [entry.name for entry in target.iterdir() if entry.suffix.lower() != ".csv"]
        if others:
            raise OutputError(
                f"{target}: the folder holds other files ({', '.join(sorted(others)[:3])}); give a new or empty folder"
            )
    parent = target.parent if str(target.parent) else Path(".")
    try:
        staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".tmp", dir=parent))
    except OSError as error:
        raise OutputError(f"{target}: cannot write here: {error.strerror or error}") from None
    try:
        for sheet, rows in sheets:
            write_atomic(staging / sheet.file_name, csv_text(sheet, rows))
        os.chmod(staging, 0o777 & ~_umask())
        if target.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".old", dir=parent))
            os.rmdir(old)
            os.replace(target, old)
            os.replace(staging, target)
            shutil.rmtree(old, ignore_errors=True)
        else:
            os.replace(staging, target)
    except OSError as error:
        shutil.rmtree(staging, ignore_errors=True)
        raise OutputError(f"{target}: cannot write: {error.strerror or error}") from None
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def save_spreadsheet(register: Register, path: str | os.PathLike[str], *, time_zone: str | None = None) -> None:
    """Write ``register`` to ``path``: a workbook when it ends in ``.xlsx``, else a folder of CSV files.

    Written atomically: a reader never sees half a file. Raises :class:`~coproduction.errors.OutputError`.
    """
    from coproduction.errors import RegisterError
    from coproduction.io.spreadsheet import zone_named

    target = Path(path)
    try:
        zone = zone_named(time_zone, str(target))
    except RegisterError as error:
        raise OutputError(str(error.problems[0])) from None
    sheets = sheet_rows(register, zone)
    if target.suffix.lower() == ".xlsx":
        if target.is_dir():
            raise OutputError(f"{target}: is a folder; give the name of a file to write")
        write_atomic(target, workbook_bytes(sheets))
    elif target.suffix:
        raise OutputError(f"{target}: a spreadsheet register is written as .xlsx, or as a folder of CSV files")
    else:
        write_csv_folder(target, sheets)


__all__ = ["FIXED_PROPERTIES", "cell", "csv_text", "how_to_lines", "save_spreadsheet", "sheet_rows", "workbook_bytes"]
