"""Input files are never modified: no command writes its output over the register it read (issue 6)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from coproduction.cli import main

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "oxfordshire"


@pytest.fixture
def register_copy(tmp_path: Path) -> Path:
    return Path(shutil.copytree(EXAMPLE, tmp_path / "register"))


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


@pytest.mark.parametrize(
    "command",
    [
        ["check", "--as-of", "2026-11-25"],
        ["calendar"],
        ["audit", "--group", "team-up-board"],
    ],
    ids=["check", "calendar", "audit"],
)
@pytest.mark.parametrize("target", ["members.yaml", "register.yaml"])
def test_output_into_the_register_folder_is_refused(
    register_copy: Path, command: list[str], target: str, capsys: pytest.CaptureFixture[str]
) -> None:
    before = _snapshot(register_copy)
    status = main([command[0], str(register_copy), *command[1:], "-o", str(register_copy / target)])
    err = capsys.readouterr().err
    assert status == 2
    assert "would overwrite the register" in err
    assert _snapshot(register_copy) == before


def test_output_over_a_single_file_register_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    register = tmp_path / "team-up.yaml"
    register.write_text("organisation: Council\narea: Shire\n")
    status = main(["calendar", str(register), "-o", str(register)])
    assert status == 2
    assert register.read_text() == "organisation: Council\narea: Shire\n"
    assert "would overwrite" in capsys.readouterr().err


def test_internal_audit_file_is_owner_only(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import os

    target = tmp_path / "internal.json"
    old = os.umask(0o022)
    try:
        status = main(["audit", str(EXAMPLE), "--group", "team-up-board", "--format", "json", "-o", str(target)])
    finally:
        os.umask(old)
    assert status == 0
    assert target.stat().st_mode & 0o777 == 0o600
    assert "special category data" in capsys.readouterr().err
