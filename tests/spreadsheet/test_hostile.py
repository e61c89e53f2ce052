"""Hostile and broken workbooks are refused with a message (or read safely), never read into memory unbounded,
never run: zip bombs, false sizes, huge and sparse sheets, macros, links to other workbooks, encryption, files
that are not workbooks at all, repeated cells in ODS."""

from __future__ import annotations

import struct
import zipfile
from pathlib import Path

import pytest
import xlsxwriter  # type: ignore[import-untyped]
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coproduction.cli import main
from coproduction.errors import RegisterError
from coproduction.io import load_register
from coproduction.io.spreadsheet.workbook import SheetLimits, read_workbook
from tests.spreadsheet.helpers import REGISTER_SHEET, minimal, ods, with_parts, workbook


def _refusal(path: Path, limits: SheetLimits | None = None) -> str:
    def read() -> object:
        return load_register(path) if limits is None else read_workbook(path, limits)

    with pytest.raises(RegisterError) as caught:
        read()
    (problem,) = caught.value.problems
    assert problem.file == str(path)
    return problem.message


@pytest.fixture
def good(tmp_path: Path) -> Path:
    return minimal(tmp_path / "good.xlsx", Members=[["ID", "Name"], ["ann", "Ann"]])


def test_a_good_workbook_passes_every_check(good: Path) -> None:
    assert read_workbook(good)  # the control: the checks below fire on what they are meant to, not on any file


def test_a_zip_bomb_is_refused_before_reading(tmp_path: Path, good: Path) -> None:
    bomb = with_parts(good, tmp_path / "bomb.xlsx", {"xl/media/padding.bin": b"\0" * 3_000_000})
    assert bomb.stat().st_size < 40_000
    message = _refusal(bomb, SheetLimits(max_uncompressed_bytes=2_000_000))
    assert "zip bomb" in message
    assert read_workbook(bomb, SheetLimits(max_uncompressed_bytes=4_000_000))  # under the limit: read


def _lie_about_size(path: Path, name: str, size: int) -> None:
    """Write ``size`` as ``name``'s uncompressed size in the archive's central directory and local header."""
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo(name)
    struct.pack_into("<I", data, info.header_offset + 22, size)
    position = data.find(b"PK\x01\x02")
    while position != -1:
        name_length = struct.unpack_from("<H", data, position + 28)[0]
        if data[position + 46 : position + 46 + name_length].decode() == name:
            struct.pack_into("<I", data, position + 24, size)
        position = data.find(b"PK\x01\x02", position + 4)
    path.write_bytes(bytes(data))


def test_a_part_that_inflates_past_its_declared_size_is_refused(tmp_path: Path, good: Path) -> None:
    liar = with_parts(good, tmp_path / "liar.xlsx", {"xl/media/padding.bin": b"\0" * 3_000_000})
    _lie_about_size(liar, "xl/media/padding.bin", 100)
    message = _refusal(liar)
    assert "damaged" in message or "zip bomb" in message


def test_cells_far_apart_are_refused_before_a_reader_lays_them_out(tmp_path: Path) -> None:
    book = xlsxwriter.Workbook(str(tmp_path / "sparse.xlsx"))
    page = book.add_worksheet("Members")
    page.write_string(0, 0, "ID")
    page.write_string(1_000, 16_383, "far away")
    page = book.add_worksheet("Meetings")
    page.write_string(1_048_575, 0, "far down")
    book.close()
    with pytest.raises(RegisterError) as caught:
        read_workbook(tmp_path / "sparse.xlsx")
    (problem,) = caught.value.problems  # the first sheet found too large is reported
    assert "1,001 rows and 16,384 columns" in problem.message or "1,048,576 rows" in problem.message


def test_too_many_rows_are_refused(tmp_path: Path) -> None:
    path = minimal(tmp_path / "rows.xlsx", Members=[["ID", "Name"], *([f"m{n}", "M"] for n in range(300))])
    assert "rows; the limit is 100" in _refusal(path, SheetLimits(max_rows=100))
    assert read_workbook(path, SheetLimits(max_rows=1_000))


def test_a_macro_enabled_workbook_is_refused(tmp_path: Path, good: Path) -> None:
    macro = tmp_path / "register.xlsm"
    macro.write_bytes(good.read_bytes())
    assert "macro-enabled" in _refusal(macro)
    hidden = with_parts(good, tmp_path / "hidden.xlsx", {"xl/vbaProject.bin": b"\xd0\xcf\x11\xe0 macros"})
    assert "macros" in _refusal(hidden)


def test_links_to_other_workbooks_are_refused(tmp_path: Path, good: Path) -> None:
    linked = with_parts(good, tmp_path / "linked.xlsx", {"xl/externalLinks/externalLink1.xml": b"<externalLink/>"})
    assert "Break Link" in _refusal(linked)


def test_a_file_that_is_not_a_zip(tmp_path: Path) -> None:
    text = tmp_path / "register.xlsx"
    text.write_text("organisation: O\narea: A\n", encoding="utf-8")
    assert "not a workbook: a .xlsx file is a zip archive" in _refusal(text)
    empty = tmp_path / "empty.xlsx"
    empty.write_bytes(b"")
    assert "not a workbook" in _refusal(empty)


def test_an_encrypted_workbook(tmp_path: Path) -> None:
    encrypted = tmp_path / "secret.xlsx"  # a password-protected .xlsx is an OLE compound file, [MS-OFFCRYPTO]
    encrypted.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504 + "EncryptionInfo".encode("utf-16-le"))
    assert "password-protected" in _refusal(encrypted)


def test_an_old_excel_file_is_refused_with_advice(tmp_path: Path) -> None:
    old = tmp_path / "register.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")
    assert "save a copy as .xlsx" in _refusal(old)


def test_a_damaged_zip(tmp_path: Path, good: Path) -> None:
    damaged = tmp_path / "damaged.xlsx"
    damaged.write_bytes(good.read_bytes()[:2000])
    assert "damaged" in _refusal(damaged) or "cannot read the workbook" in _refusal(damaged)


def test_an_ods_repeating_a_value_in_millions_of_cells(tmp_path: Path) -> None:
    repeated = (
        '<table:table table:name="Members"><table:table-row table:number-rows-repeated="1000000">'
        '<table:table-cell table:number-columns-repeated="16000" office:value-type="string"><text:p>x</text:p>'
        "</table:table-cell></table:table-row></table:table>"
    )
    path = ods(tmp_path / "bomb.ods", {"Register": REGISTER_SHEET}, raw=repeated)
    assert "repeats one value in 16,000 cells" in _refusal(path)


def test_an_encrypted_ods(tmp_path: Path) -> None:
    path = ods(tmp_path / "secret.ods", {"Register": REGISTER_SHEET})
    patched = tmp_path / "patched.ods"
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(patched, "w") as target:
        for info in source.infolist():
            content = source.read(info)
            if info.filename == "META-INF/manifest.xml":
                content = content.replace(b"</manifest:manifest>", b"<manifest:encryption-data/></manifest:manifest>")
            target.writestr(info, content)
    assert "password-protected" in _refusal(patched)


def test_the_command_line_refuses_with_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "register.xlsm"
    path.write_bytes(b"PK\x03\x04")
    assert main(["check", str(path), "--as-of", "2026-11-25"]) == 2
    err = capsys.readouterr().err
    assert "macro-enabled" in err
    assert "Traceback" not in err


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cut=st.integers(min_value=0, max_value=10_000), flip=st.integers(min_value=0, max_value=255))
def test_any_damage_to_a_workbook_gives_a_register_or_a_located_error(tmp_path: Path, cut: int, flip: int) -> None:
    source = tmp_path / "source.xlsx"
    if not source.exists():
        workbook(source, {"Register": REGISTER_SHEET, "Members": [["ID", "Name"], ["ann", "Ann"]]})
    data = bytearray(source.read_bytes())
    data[cut % len(data)] ^= flip
    damaged = tmp_path / "damaged.xlsx"
    damaged.write_bytes(bytes(data))
    problems: tuple[object, ...] = ()
    try:
        load_register(damaged)
    except RegisterError as error:
        problems = tuple(problem.file for problem in error.problems)
    assert all(str(file).startswith(str(tmp_path)) for file in problems)
