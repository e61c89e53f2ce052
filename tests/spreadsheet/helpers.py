"""Workbooks and CSV folders for the spreadsheet tests, written with XlsxWriter or by hand (ODS, hostile zips)."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Mapping, Sequence
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

import attrs
import xlsxwriter  # type: ignore[import-untyped]

from coproduction.models.register import Register

Rows = Sequence[Sequence[Any]]

#: The smallest register sheet: organisation and area.
REGISTER_SHEET: list[list[Any]] = [["Organisation", "Area"], ["Oxfordshire County Council", "Oxfordshire"]]


def workbook(path: Path, sheets: Mapping[str, Rows]) -> Path:
    """An .xlsx with these sheets; dates, date-times and times become real cells, None an empty cell."""
    book = xlsxwriter.Workbook(str(path))
    day = book.add_format({"num_format": "dd/mm/yyyy"})
    moment = book.add_format({"num_format": "dd/mm/yyyy hh:mm"})
    clock = book.add_format({"num_format": "hh:mm"})
    for name, rows in sheets.items():
        page = book.add_worksheet(name)
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                if value is None:
                    continue
                if isinstance(value, datetime):
                    page.write_datetime(r, c, value, moment)
                elif isinstance(value, date):
                    page.write_datetime(r, c, datetime.combine(value, time()), day)
                elif isinstance(value, time):
                    page.write_datetime(r, c, value, clock)
                elif isinstance(value, bool):
                    page.write_boolean(r, c, value)
                elif isinstance(value, int | float):
                    page.write_number(r, c, value)
                else:
                    page.write_string(r, c, value)
    book.close()
    return path


def minimal(path: Path, **sheets: Rows) -> Path:
    """A workbook with the Register sheet and the sheets given (``Ground_rules`` for "Ground rules")."""
    named = {"Register": REGISTER_SHEET, **{name.replace("_", " "): rows for name, rows in sheets.items()}}
    return workbook(path, named)


def csv_folder(folder: Path, files: Mapping[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def _ods_cell(value: Any) -> str:
    if value is None:
        return "<table:table-cell/>"
    if isinstance(value, date):
        return (
            f'<table:table-cell office:value-type="date" office:date-value="{value.isoformat()}">'
            f"<text:p>{value.isoformat()}</text:p></table:table-cell>"
        )
    if isinstance(value, int | float):
        return (
            f'<table:table-cell office:value-type="float" office:value="{value}"><text:p>{value}</text:p>'
            "</table:table-cell>"
        )
    return f'<table:table-cell office:value-type="string"><text:p>{value}</text:p></table:table-cell>'


def ods(path: Path, sheets: Mapping[str, Rows], *, extra: Mapping[str, bytes] | None = None, raw: str = "") -> Path:
    """A minimal OpenDocument spreadsheet (ODF 1.2, part 1, section 9), written by hand."""
    tables = "".join(
        f'<table:table table:name="{name}">'
        + "".join("<table:table-row>" + "".join(_ods_cell(v) for v in row) + "</table:table-row>" for row in rows)
        + "</table:table>"
        for name, rows in sheets.items()
    )
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        f"<office:body><office:spreadsheet>{tables}{raw}</office:spreadsheet></office:body></office:document-content>"
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
        '<manifest:file-entry manifest:full-path="/" '
        'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>"
    )
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
        archive.writestr("META-INF/manifest.xml", manifest, compress_type=zipfile.ZIP_DEFLATED)
        for name, data in (extra or {}).items():
            archive.writestr(name, data, compress_type=zipfile.ZIP_DEFLATED)
    return path


def with_parts(source: Path, target: Path, parts: Mapping[str, bytes]) -> Path:
    """A copy of the workbook ``source`` with more parts in its archive."""
    buffer = io.BytesIO(source.read_bytes())
    with zipfile.ZipFile(buffer, "a", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    target.write_bytes(buffer.getvalue())
    return target


def _safe_text(text: str) -> str:
    return text if text.strip() else f"x{text}"


def _safe_item(text: str) -> str:
    cleaned = text.replace(";", ",").strip()
    return cleaned or "item"


def spreadsheet_safe(value: Any) -> Any:
    """``value`` with what a cell cannot hold changed: empty text given a letter, list items without ``;`` or
    spaces at their ends (docs/spreadsheets.md, "What a spreadsheet cannot hold")."""
    if isinstance(value, str):
        return _safe_text(value)
    if isinstance(value, tuple):
        return tuple(spreadsheet_safe(item) for item in value)
    if isinstance(value, frozenset):
        return frozenset(_safe_item(item) if isinstance(item, str) and type(item) is str else item for item in value)
    if attrs.has(type(value)):
        changes = {
            field.name: spreadsheet_safe(getattr(value, field.name))
            for field in attrs.fields(type(value))
            if field.init
        }
        return attrs.evolve(value, **changes)
    return value


def safe_register(register: Register) -> Register:
    result: Register = spreadsheet_safe(register)
    return result
