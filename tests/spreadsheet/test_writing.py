"""Writing registers as workbooks and CSV folders: lossless round trips (Hypothesis), the same bytes for the same
register, what a cell cannot hold refused, and the template."""

from __future__ import annotations

import io
import zipfile
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from coproduction.errors import OutputError
from coproduction.io import load_register
from coproduction.io.spreadsheet.layout import HOW_TO, SHEETS
from coproduction.io.spreadsheet.writer import save_spreadsheet, sheet_rows, workbook_bytes
from coproduction.models import Group, GroupKind, Meeting, Member, Register
from tests.spreadsheet.helpers import safe_register
from tests.strategies import registers

ZONES = ("Europe/London", "America/New_York", "Asia/Kolkata")
EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "oxfordshire"


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(registers())
def test_a_workbook_reads_back_as_an_equal_register(tmp_path: Path, register: Register) -> None:
    register = safe_register(register)
    path = tmp_path / "register.xlsx"
    save_spreadsheet(register, path)
    assert load_register(path) == register


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(registers())
def test_a_csv_folder_reads_back_as_an_equal_register(tmp_path: Path, register: Register) -> None:
    register = safe_register(register)
    folder = tmp_path / "register"
    save_spreadsheet(register, folder)
    assert load_register(folder) == register


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(registers())
def test_times_keep_their_offsets_in_any_zone(tmp_path: Path, register: Register) -> None:
    register = safe_register(register)
    for zone in ZONES:
        path = tmp_path / f"{zone.replace('/', '-')}.xlsx"
        save_spreadsheet(register, path, time_zone=zone)
        again = load_register(path, time_zone=zone)
        assert again == register
        assert [m.start.utcoffset() for m in again.meetings] == [m.start.utcoffset() for m in register.meetings]


@settings(max_examples=10, deadline=None)
@given(registers())
def test_the_same_register_gives_the_same_bytes(register: Register) -> None:
    register = safe_register(register)
    zone = UTC
    assert workbook_bytes(sheet_rows(register, zone)) == workbook_bytes(sheet_rows(register, zone))


def test_the_example_round_trips_through_every_format(tmp_path: Path) -> None:
    register = load_register(EXAMPLE)
    from coproduction.cli import main

    previous = str(EXAMPLE)
    for name in ("a.xlsx", "b.yaml", "c", "d.json", "e.xlsx", "f.toml", "g"):
        target = tmp_path / name
        assert main(["convert", previous, "-o", str(target)]) == 0
        assert load_register(target) == register
        previous = str(target)


def test_meeting_times_are_real_cells_on_the_local_clock(tmp_path: Path) -> None:
    from python_calamine import CalamineWorkbook

    summer = datetime(2026, 6, 2, 10, 0, tzinfo=timezone(timedelta(hours=1)))
    odd = datetime(2026, 6, 2, 10, 0, tzinfo=UTC)  # recorded at another offset than London's on the day
    register = Register(
        organisation="O",
        area="A",
        groups=(Group(id="g", name="G", kind=GroupKind.BOARD),),
        meetings=(
            Meeting(id="m1", group="g", title="T", start=summer, end=summer + timedelta(hours=1)),
            Meeting(id="m2", group="g", title="T", start=odd, end=odd + timedelta(hours=1)),
        ),
    )
    path = tmp_path / "r.xlsx"
    save_spreadsheet(register, path)
    rows = CalamineWorkbook.from_path(path).get_sheet_by_name("Meetings").to_python()
    assert rows[1][3] == datetime(2026, 6, 2, 10, 0)
    assert rows[2][3] == "2026-06-02T10:00:00+00:00"
    assert load_register(path) == register


def test_what_a_cell_cannot_hold_is_refused_with_its_path(tmp_path: Path) -> None:
    empty_name = Register(organisation="O", area="A", members=(Member(id="ann", name=" "),))
    with pytest.raises(OutputError, match=r"\$\.members\[0\]\.name: empty text cannot be kept"):
        save_spreadsheet(empty_name, tmp_path / "r.xlsx")
    semicolon = Register(organisation="O", area="A", members=(Member(id="ann", name="Ann", service_areas={"a;b"}),))
    with pytest.raises(OutputError, match=r"\$\.members\[0\]\.service_areas: the item 'a;b'"):
        save_spreadsheet(semicolon, tmp_path / "r.xlsx")
    assert not (tmp_path / "r.xlsx").exists()  # nothing half-written


def test_a_failed_write_leaves_the_old_file_whole(tmp_path: Path) -> None:
    path = tmp_path / "r.xlsx"
    save_spreadsheet(Register(organisation="O", area="A"), path)
    before = path.read_bytes()
    with pytest.raises(OutputError):
        save_spreadsheet(Register(organisation=" ", area="A"), path)
    assert path.read_bytes() == before


def test_a_csv_folder_replaces_only_a_folder_of_csv_files(tmp_path: Path) -> None:
    folder = tmp_path / "register"
    save_spreadsheet(Register(organisation="O", area="A"), folder)
    save_spreadsheet(Register(organisation="P", area="A"), folder)
    assert load_register(folder).organisation == "P"
    (folder / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(OutputError, match="holds other files"):
        save_spreadsheet(Register(organisation="Q", area="A"), folder)
    assert load_register(folder).organisation == "P"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["register"]  # no staging folders left behind


def _parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(path.read_bytes())) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def test_the_template(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from python_calamine import CalamineWorkbook

    from coproduction.cli import main

    path = tmp_path / "register.xlsx"
    assert main(["template", str(path), "--organisation", "Oxfordshire County Council", "--area", "Oxfordshire"]) == 0
    assert capsys.readouterr().out.startswith("Wrote an empty register workbook")
    register = load_register(path)
    assert register == Register(organisation="Oxfordshire County Council", area="Oxfordshire")
    book = CalamineWorkbook.from_path(path)
    assert book.sheet_names == [HOW_TO, *(sheet.name for sheet in SHEETS)]
    for sheet in SHEETS:
        assert book.get_sheet_by_name(sheet.name).to_python()[0] == [c.header for c in sheet.columns]
    how_to = [row[0] for row in book.get_sheet_by_name(HOW_TO).to_python()]
    assert how_to[0] == "How to fill this in"
    assert "Sheet Meetings" in how_to
    members = _parts(path)["xl/worksheets/sheet3.xml"].decode()
    assert '<dataValidation type="list"' in members
    assert "<formula1>\"Payment,Expenses only,Declined\"</formula1>" in members
    template = path.read_bytes()
    again = tmp_path / "again.xlsx"
    assert main(["template", str(again), "--organisation", "Oxfordshire County Council", "--area", "Oxfordshire"]) == 0
    assert again.read_bytes() == template  # deterministic
    assert main(["template", str(path)]) == 2  # never replaces a file
    assert path.read_bytes() == template


def test_a_csv_template(tmp_path: Path) -> None:
    from coproduction.cli import main

    folder = tmp_path / "register"
    assert main(["template", str(folder)]) == 0
    assert sorted(p.name for p in folder.iterdir()) == sorted(sheet.file_name for sheet in SHEETS)
    assert load_register(folder) == Register(organisation="Your council", area="Your area")


def test_convert_never_changes_its_input_and_refuses_to_overwrite_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from coproduction.cli import main

    source = tmp_path / "r.xlsx"
    save_spreadsheet(load_register(EXAMPLE), source)
    before = source.read_bytes()
    assert main(["convert", str(source), "-o", str(source)]) == 2
    assert main(["convert", str(source), "-o", str(tmp_path / "r.txt")]) == 2
    assert "cannot tell the format" in capsys.readouterr().err
    assert main(["convert", str(source), "-o", str(tmp_path / "out.yaml")]) == 0
    assert "Converted" in capsys.readouterr().out
    assert source.read_bytes() == before
    assert main(["convert", str(tmp_path / "missing.xlsx"), "-o", str(tmp_path / "x.json")]) == 2
    assert not (tmp_path / "x.json").exists()
