"""examples/oxfordshire.xlsx is examples/oxfordshire written as a workbook, and checks the same."""

from __future__ import annotations

from pathlib import Path

import pytest

from coproduction.cli import main
from coproduction.io import load_register
from coproduction.io.spreadsheet.writer import save_spreadsheet

ROOT = Path(__file__).resolve().parents[2]
FOLDER = ROOT / "examples" / "oxfordshire"
WORKBOOK = ROOT / "examples" / "oxfordshire.xlsx"


def test_the_committed_workbook_is_what_convert_writes(tmp_path: Path) -> None:
    fresh = tmp_path / "oxfordshire.xlsx"
    save_spreadsheet(load_register(FOLDER), fresh)
    assert WORKBOOK.read_bytes() == fresh.read_bytes(), (
        "examples/oxfordshire.xlsx is stale: run coproduction convert examples/oxfordshire -o examples/oxfordshire.xlsx"
    )


def test_the_workbook_holds_the_same_register() -> None:
    assert load_register(WORKBOOK) == load_register(FOLDER)


@pytest.mark.parametrize("output", ["text", "json", "markdown"])
def test_the_check_gives_the_same_findings(
    output: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(ROOT)
    printed = []
    for path in ("examples/oxfordshire", "examples/oxfordshire.xlsx"):
        capsys.readouterr()
        status = main(["check", path, "--as-of", "2026-11-25", "--format", output])
        printed.append((status, capsys.readouterr().out))
    assert printed[0] == printed[1]
    assert printed[0][0] == 1  # the example has findings at error level on purpose
