"""Registers kept in spreadsheets: an ``.xlsx`` or ``.ods`` workbook, or a folder of ``.csv`` files.

The layout (one sheet per section: Register, Members, Groups, Memberships, Meetings, and a sheet for each thing
a member, group or meeting holds several of) is in :mod:`coproduction.io.spreadsheet.layout` and, for officers,
``docs/spreadsheets.md``. Reading builds the plain data a YAML register gives and hands it to the shared loader,
so every rule and message is the same, placed at its sheet, row and column. Writing (``coproduction convert``,
``coproduction template``) is in :mod:`coproduction.io.spreadsheet.writer`.

Only the checks on a path are imported with this package; the readers load on first use.
"""

from __future__ import annotations

import os
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from coproduction.errors import Problem, RegisterError
from coproduction.io.formats import DEFAULT_LIMITS, LoadLimits
from coproduction.models.register import Register

#: Suffixes of workbooks: read (``.xlsx``, ``.ods``) or refused with advice (macro-enabled and old formats).
WORKBOOK_SUFFIXES = (".xlsx", ".ods", ".xlsm", ".xltm", ".xlam", ".xls", ".xlsb", ".xlt")
#: The time zone of times written without an offset, when the caller names none (the policy's default).
DEFAULT_TIME_ZONE = "Europe/London"


def is_workbook_path(path: str | os.PathLike[str]) -> bool:
    """Whether ``path`` names a workbook by its suffix (any case)."""
    return Path(path).suffix.lower() in WORKBOOK_SUFFIXES


def has_csv_files(folder: Path) -> bool:
    """Whether ``folder`` holds ``.csv`` files (a register kept as CSV files, one per sheet)."""
    try:
        return any(
            entry.suffix.lower() == ".csv" and not entry.name.startswith(".") for entry in folder.iterdir()
        )
    except OSError:
        return False


def zone_named(name: str | None, source: str) -> ZoneInfo:
    """The IANA time zone ``name`` (default Europe/London), or :class:`RegisterError`."""
    try:
        return ZoneInfo(name or DEFAULT_TIME_ZONE)
    except (ZoneInfoNotFoundError, ValueError):
        message = f"unknown time zone {name!r}; use a name such as Europe/London"
        raise RegisterError([Problem(source, "", message)]) from None


def load_spreadsheet(
    path: str | os.PathLike[str], *, limits: LoadLimits = DEFAULT_LIMITS, time_zone: str | None = None
) -> Register:
    """The register in a workbook or a folder of CSV files; :class:`RegisterError` with every problem, each at its
    sheet, row and column. ``limits.max_bytes``, when set, caps each file's size."""
    from coproduction.io.spreadsheet.reader import register_from_tables
    from coproduction.io.spreadsheet.workbook import DEFAULT_SHEET_LIMITS, SheetLimits, read_csv_folder, read_workbook

    target = Path(path)
    zone = zone_named(time_zone, str(target))
    sheet_limits = DEFAULT_SHEET_LIMITS
    if limits.max_bytes is not None and limits.max_bytes < sheet_limits.max_file_bytes:
        sheet_limits = SheetLimits(max_file_bytes=limits.max_bytes)
    tables = read_csv_folder(target, sheet_limits) if target.is_dir() else read_workbook(target, sheet_limits)
    return register_from_tables(tables, str(target), zone)


__all__ = ["DEFAULT_TIME_ZONE", "WORKBOOK_SUFFIXES", "has_csv_files", "is_workbook_path", "load_spreadsheet"]
