"""Open a workbook (``.xlsx``, ``.ods``) or a folder of CSV files safely, as tables of cells.

A workbook is a zip archive of XML; before python-calamine (https://github.com/dimastbk/python-calamine) reads it,
the archive is checked here, so that a hostile file is refused with a message rather than read:

* not a zip archive at all, or a password-protected workbook (an OLE container, Microsoft's [MS-OFFCRYPTO]);
* macros (``.xlsm``, a ``vbaProject.bin`` part; LibreOffice ``Basic/`` and ``Scripts/``) and links to other
  workbooks (``xl/externalLinks/``): refused, never run or followed;
* a zip bomb: every part is inflated here, counting, with the total capped (the sizes an archive declares can be
  false, so they are not trusted);
* a huge sheet: rows and cells are counted in the sheet's XML before the reader lays the sheet out in memory,
  including cells placed far apart (``A1`` and ``XFD1048576``) and LibreOffice's repeated cells.

Formulas are read as the value the spreadsheet last calculated and saved with the file (the cached value); a
formula is never calculated here.
"""

from __future__ import annotations

import csv
import io
import re
import struct
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO, Final

import attrs

from coproduction.errors import Problem, RegisterError
from coproduction.io.special import not_regular_message
from coproduction.io.spreadsheet.reader import Table


@attrs.frozen
class SheetLimits:
    """Limits that keep a hostile or broken workbook from exhausting memory or time.

    ``max_file_bytes``: the largest workbook or CSV file read. ``max_uncompressed_bytes``: the most a workbook's
    parts may inflate to, in all. ``max_parts``: files inside one workbook. ``max_rows``: rows in one sheet.
    ``max_cells``: the cells one sheet spans (rows times columns, as a reader lays them out).
    """

    max_file_bytes: int = 200_000_000
    max_uncompressed_bytes: int = 400_000_000
    max_parts: int = 10_000
    max_rows: int = 500_000
    max_cells: int = 10_000_000


DEFAULT_SHEET_LIMITS: Final = SheetLimits()

_OLE: Final = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP: Final = b"PK\x03\x04"
_MACRO_SUFFIXES: Final = {".xlsm", ".xltm", ".xlam", ".ods#"}
_OLD_SUFFIXES: Final = {".xls", ".xlsb", ".xlt"}
WORKBOOK_SUFFIXES: Final = (".xlsx", ".ods", *sorted(_MACRO_SUFFIXES - {".ods#"}), *sorted(_OLD_SUFFIXES))


class _Refused(Exception):
    """A workbook refused before reading; ``str(error)`` says why and what to do."""


def _refuse(source: str, message: str) -> RegisterError:
    return RegisterError([Problem(source, "", message)])


def read_workbook(path: Path, limits: SheetLimits = DEFAULT_SHEET_LIMITS) -> list[Table]:
    """Every sheet of an ``.xlsx`` or ``.ods`` workbook, or :class:`RegisterError` saying why it is refused."""
    source = str(path)
    suffix = path.suffix.lower()
    if suffix in _MACRO_SUFFIXES:
        raise _refuse(
            source, "a macro-enabled workbook; macros are never run here: save a copy as .xlsx (Excel Workbook)"
        )
    if suffix in _OLD_SUFFIXES:
        raise _refuse(source, f"an old or binary Excel format ({suffix}); save a copy as .xlsx (Excel Workbook)")
    refused = not_regular_message(path)
    if refused is not None:
        raise _refuse(source, refused)
    try:
        size = path.stat().st_size
        if size > limits.max_file_bytes:
            raise _refuse(source, f"larger than the limit of {limits.max_file_bytes:,} bytes for a workbook")
        with path.open("rb") as handle:
            start = handle.read(8)
            if start == _OLE:
                raise _refuse(
                    source,
                    "password-protected (encrypted), or an old .xls file: remove the password (in Excel: File > "
                    "Info > Protect Workbook > Encrypt with Password, and clear it) and save as .xlsx",
                )
            if not start.startswith(_ZIP):
                raise _refuse(
                    source,
                    f"not a workbook: a {suffix} file is a zip archive, and this is not one; save it from Excel or "
                    "LibreOffice as .xlsx or .ods",
                )
            _check_archive(handle, suffix, limits)
    except _Refused as error:
        raise _refuse(source, str(error)) from None
    except OSError as error:
        raise _refuse(source, f"cannot read: {error.strerror or error}") from None
    return _sheets(path, source)


def _check_archive(handle: BinaryIO, suffix: str, limits: SheetLimits) -> None:
    try:
        archive = zipfile.ZipFile(handle)
        parts = archive.infolist()
    except (zipfile.BadZipFile, ValueError, EOFError, struct.error) as error:
        raise _Refused(f"not a readable workbook: the zip archive is damaged ({error})") from None
    if len(parts) > limits.max_parts:
        raise _Refused(f"holds {len(parts):,} files; a workbook holds at most {limits.max_parts:,}")
    names = [part.filename for part in parts]
    lowered = [name.lower() for name in names]
    if any(name.endswith("vbaproject.bin") or name.startswith(("basic/", "scripts/")) for name in lowered):
        raise _Refused("contains macros, which are never run here; save a copy as .xlsx (Excel Workbook)")
    if any(name.startswith("xl/externallinks/") for name in lowered):
        raise _Refused(
            "links to other workbooks; break the links (in Excel: Data > Edit Links > Break Link) and save again"
        )
    if any(part.flag_bits & 0x1 for part in parts):
        raise _Refused("password-protected (encrypted); remove the password and save again")
    budget = limits.max_uncompressed_bytes
    for part in parts:
        keep = _is_sheet_part(part.filename)
        data = _inflate(handle, part, budget, keep, limits.max_uncompressed_bytes)
        budget -= data[0]
        if keep:
            _check_sheet_xml(data[1], part.filename, limits)
    if suffix == ".ods" and "meta-inf/manifest.xml" in lowered:
        manifest = archive.read(names[lowered.index("meta-inf/manifest.xml")])
        if b"encryption-data" in manifest:
            raise _Refused("password-protected (encrypted); remove the password and save again")


def _is_sheet_part(name: str) -> bool:
    return (name.startswith("xl/worksheets/") and name.endswith(".xml")) or name == "content.xml"


def _inflate(handle: BinaryIO, part: zipfile.ZipInfo, budget: int, keep: bool, limit: int) -> tuple[int, bytes]:
    """Inflate one part of the archive, counting what comes out (the sizes it declares are not trusted)."""
    too_big = _Refused(
        f"inflates to more than the limit for a workbook ({limit:,} bytes of XML in all): it may be a zip bomb"
    )
    if part.file_size > budget:
        raise too_big
    handle.seek(part.header_offset)
    header = handle.read(30)
    if len(header) < 30 or not header.startswith(_ZIP):
        raise _Refused("not a readable workbook: the zip archive is damaged")
    name_length, extra_length = struct.unpack("<HH", header[26:30])
    handle.seek(part.header_offset + 30 + name_length + extra_length)
    remaining = part.compress_size
    pieces: list[bytes] = []
    total = 0
    if part.compress_type == zipfile.ZIP_STORED:
        if remaining > budget:
            raise too_big
        data = handle.read(remaining) if keep else b""
        return remaining, data
    if part.compress_type != zipfile.ZIP_DEFLATED:
        raise _Refused("not a readable workbook: a part is compressed in a way workbooks do not use")
    inflater = zlib.decompressobj(-15)
    try:
        while remaining > 0:
            chunk = handle.read(min(remaining, 1 << 20))
            if not chunk:
                break
            remaining -= len(chunk)
            data = inflater.decompress(chunk, budget - total + 1)
            while True:
                total += len(data)
                if total > budget:
                    raise too_big
                if keep:
                    pieces.append(data)
                if not inflater.unconsumed_tail:
                    break
                data = inflater.decompress(inflater.unconsumed_tail, budget - total + 1)
        rest = inflater.flush()
    except zlib.error:
        raise _Refused("not a readable workbook: the zip archive is damaged") from None
    total += len(rest)
    if total > budget:
        raise too_big
    if total != part.file_size:
        raise _Refused("not a readable workbook: the zip archive is damaged (a part's size is wrong)")
    if keep:
        pieces.append(rest)
    return total, b"".join(pieces)


_ROW: Final = re.compile(rb"<(?:\w+:)?row\b[^>]*?\sr=\"(\d+)\"")
_CELL_REF: Final = re.compile(rb"<(?:\w+:)?c\s[^>]*?\br=\"([A-Z]+)\d")
_PLAIN_ROW: Final = re.compile(rb'<row r="(\d+)"')
_PLAIN_CELL_REF: Final = re.compile(rb'<c r="([A-Z]+)')
_ODS_REPEAT: Final = re.compile(
    rb"<table:table-(row|cell)\b([^>]*?)table:number-(?:rows|columns)-repeated=\"(\d+)\"([^>]*)>"
)


def _check_sheet_xml(data: bytes, name: str, limits: SheetLimits) -> None:
    """Refuse a sheet whose rows or cells, as a reader lays them out, pass the limits.

    Excel, LibreOffice and XlsxWriter write each row and cell with its position first (``<row r="2"``,
    ``<c r="B2"``); those are counted with plain searches. Any other form is counted the thorough way."""
    if name == "content.xml":
        _check_ods(data, limits)
        return
    cells = data.count(b"<c ") + data.count(b"<c>")
    rows_written = data.count(b"<row ") + data.count(b"<row>")
    plain = b":row" not in data and b":c " not in data and data.count(b'<c r="') == cells
    if plain:
        numbered = [int(number) for number in _PLAIN_ROW.findall(data)]
        letters = set(_PLAIN_CELL_REF.findall(data))
    else:
        cells = len(re.findall(rb"<(?:\w+:)?c[\s>/]", data))
        rows_written = len(re.findall(rb"<(?:\w+:)?row[\s>/]", data))
        numbered = [int(number) for number in _ROW.findall(data)]
        letters = set(_CELL_REF.findall(data))
        if sum(1 for _ in _CELL_REF.finditer(data)) < cells:
            raise _Refused(
                "a sheet has cells without their positions; open it in Excel or LibreOffice and save it again"
            )
    rows = max([rows_written, *numbered])
    columns = max((_column_number(text) for text in letters), default=0)
    _within(rows, columns, limits)


def _check_ods(data: bytes, limits: SheetLimits) -> None:
    largest = 0
    for match in _ODS_REPEAT.finditer(data):
        kind, before, count, after = match.groups()
        attributes = before + after
        if int(count) > 1024 and (kind == b"cell" and b"value-type" in attributes):
            largest = max(largest, int(count))
    if largest:
        raise _Refused(
            f"a sheet repeats one value in {largest:,} cells; delete the repeated cells and save again"
        )
    rows = len(re.findall(rb"<table:table-row[\s>]", data))
    if rows > limits.max_rows:
        _within(rows, 1, limits)


def _within(rows: int, columns: int, limits: SheetLimits) -> None:
    if rows > limits.max_rows:
        raise _Refused(f"a sheet has {rows:,} rows; the limit is {limits.max_rows:,}")
    if rows * columns > limits.max_cells:
        raise _Refused(
            f"a sheet spans {rows:,} rows and {columns:,} columns, more than the limit of {limits.max_cells:,} "
            "cells; delete what is far from the table (check for stray values far below or to the right)"
        )


def _column_number(letters: bytes) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + letter - 64
    return number


def _sheets(path: Path, source: str) -> list[Table]:
    from python_calamine import CalamineWorkbook, SheetTypeEnum

    try:
        with CalamineWorkbook.from_path(path) as workbook:
            tables = []
            for metadata in workbook.sheets_metadata:
                if metadata.typ is not SheetTypeEnum.WorkSheet:
                    if metadata.typ in (SheetTypeEnum.MacroSheet, SheetTypeEnum.Vba):
                        raise _refuse(source, "contains macros, which are never run here; save a copy as .xlsx")
                    continue
                sheet = workbook.get_sheet_by_name(metadata.name)
                rows: list[list[Any]] = sheet.to_python(skip_empty_area=False)
                tables.append(Table(metadata.name, source, True, rows))
            return tables
    except RegisterError:
        raise
    except Exception as error:  # calamine's errors (zip, XML, password) and anything odd in a hostile file
        reason = str(error).splitlines()[0] if str(error) else type(error).__name__
        advice = "open it in Excel or LibreOffice and save it again"
        raise _refuse(source, f"cannot read the workbook ({reason}); {advice}") from None


# -- CSV folders ----------------------------------------------------------------------------------------------


def csv_files(folder: Path) -> list[Path]:
    """The ``.csv`` files directly in ``folder``, by name (hidden files skipped)."""
    return sorted(
        (
            entry
            for entry in folder.iterdir()
            if not entry.name.startswith(".") and entry.suffix.lower() == ".csv" and entry.is_file()
        ),
        key=lambda entry: entry.name,
    )


def read_csv_folder(folder: Path, limits: SheetLimits = DEFAULT_SHEET_LIMITS) -> list[Table]:
    """Every ``.csv`` file in ``folder`` as a table named by its file name (``members.csv`` is Members)."""
    tables: list[Table] = []
    problems: list[Problem] = []
    for file in csv_files(folder):
        try:
            tables.append(Table(file.stem, str(file), False, list(_csv_rows(file, limits))))
        except _Refused as error:
            problems.append(Problem(str(file), "", str(error)))
    if problems:
        raise RegisterError(problems)
    return tables


def _csv_rows(file: Path, limits: SheetLimits) -> Iterator[list[Any]]:
    refused = not_regular_message(file)
    if refused is not None:
        raise _Refused(refused)
    try:
        if file.stat().st_size > limits.max_file_bytes:
            raise _Refused(f"larger than the limit of {limits.max_file_bytes:,} bytes for a CSV file")
        data = file.read_bytes()
    except OSError as error:
        raise _Refused(f"cannot read: {error.strerror or error}") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise _Refused(
            f"not UTF-8 text (byte 0x{data[error.start]:02x} on line {line}); in Excel, save as "
            '"CSV UTF-8 (Comma delimited)"'
        ) from None
    if text.startswith("PK\x03\x04"):
        raise _Refused("not a CSV file but a workbook (a zip archive): name it .xlsx or .ods, or save it as CSV")
    reader = csv.reader(io.StringIO(text, newline=""))
    rows = 0
    try:
        for row in reader:
            rows += 1
            if rows > limits.max_rows:
                raise _Refused(f"more than {limits.max_rows:,} rows; the limit is {limits.max_rows:,}")
            yield row
    except csv.Error as error:
        raise _Refused(f"not a valid CSV file (line {reader.line_num}: {error})") from None


__all__ = [
    "DEFAULT_SHEET_LIMITS",
    "WORKBOOK_SUFFIXES",
    "SheetLimits",
    "csv_files",
    "read_csv_folder",
    "read_workbook",
]
