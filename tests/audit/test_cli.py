"""``coproduction audit``: formats, files, baselines by name or file, and exit status 2 with a clear message."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from coproduction.cli import main
from coproduction.io.saver import save_register
from coproduction.models import Characteristic
from tests.audit.helpers import answers, board

ETHNIC = Characteristic.ETHNIC_GROUP
BASELINE = """
name: testshire
area: Testshire
characteristics:
  ethnic_group:
    source: {table: TEST01, title: Ethnic group}
    counts: {white: 70, asian: 20, black: 10, mixed: 0, other: 0}
"""


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    register = tmp_path / "register.yaml"
    save_register(board(answers(ETHNIC, {"white": 16, "asian": 4})), register)
    baseline = tmp_path / "testshire.yaml"
    baseline.write_text(BASELINE, encoding="utf-8")
    return register, baseline


def audit(*args: str) -> int:
    return main(["audit", *args, "--as-of", "2026-11-25"])


def test_json_to_stdout(files: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    register, baseline = files
    assert audit(str(register), "--group", "board", "--baseline", str(baseline), "--format", "json") == 0
    data = json.loads(capsys.readouterr().out)
    assert data["mode"] == "internal"
    assert data["recruitment"]["sentence"] == "Recruit at least 2 more members from a Black ethnic group."


def test_internal_report_to_a_file_warns(files: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    register, baseline = files
    output = register.parent / "out.md"
    args = [str(register), "--group", "board", "--baseline", str(baseline), "--format", "markdown"]
    assert audit(*args, "-o", str(output)) == 0
    assert output.read_text(encoding="utf-8").startswith("# Diversity audit: Testshire Board")
    assert "special category data, not for publication" in capsys.readouterr().err


def test_publishable_text_with_target_size(files: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    register, baseline = files
    args = [str(register), "--group", "board", "--baseline", str(baseline), "--publishable", "--target-size", "30"]
    assert audit(*args) == 0
    out = capsys.readouterr().out
    assert "Publishable version" in out
    assert "fewer than 5" in out  # the 4 Asian members
    assert "To grow to 30 members" not in out  # numbers withheld: some counts are small


def test_unknown_group_exits_2_without_a_traceback(
    files: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    register, baseline = files
    assert audit(str(register), "--group", "nope", "--baseline", str(baseline)) == 2
    err = capsys.readouterr().err
    assert "no group has id 'nope'" in err
    assert "Traceback" not in err


def test_bad_baseline_file_exits_2_naming_the_place(
    files: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    register, baseline = files
    baseline.write_text(BASELINE.replace("black: 10", "black: ten"), encoding="utf-8")
    assert audit(str(register), "--group", "board", "--baseline", str(baseline)) == 2
    assert "$.characteristics.ethnic_group.counts.black: expected a whole number" in capsys.readouterr().err


def test_unknown_baseline_name_exits_2(files: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    register, _ = files
    assert audit(str(register), "--group", "board", "--baseline", "atlantis") == 2
    assert "no bundled baseline is called 'atlantis'" in capsys.readouterr().err


def test_bad_target_size_is_a_usage_error(files: tuple[Path, Path]) -> None:
    register, _ = files
    with pytest.raises(SystemExit) as raised:
        audit(str(register), "--group", "board", "--target-size", "0")
    assert raised.value.code == 2


def test_policy_baseline_is_the_default(files: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    register, _ = files
    assert audit(str(register), "--group", "board", "--format", "json", "--set", "baseline=england-and-wales") == 0
    assert json.loads(capsys.readouterr().out)["baseline"]["name"] == "england-and-wales"
