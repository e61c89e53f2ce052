"""A path that is neither a regular file nor a folder (a FIFO, a device) is refused at once, located, exit 2.

Each command runs in a child process with a timeout, so a regression (reading a FIFO blocks until a writer comes)
fails the test instead of hanging the suite.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from coproduction.errors import RegisterError
from coproduction.io.loader import load_register
from coproduction.io.special import not_regular_message, special_kind

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "oxfordshire"
ROUND = ROOT / "examples" / "recruitment" / "board-round.yaml"
TIMEOUT = 60

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")


def fifo(tmp_path: Path, name: str) -> Path:
    path = tmp_path / name
    os.mkfifo(path)
    return path


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("COPRODUCTION_")}
    return subprocess.run(
        [sys.executable, "-m", "coproduction", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        stdin=subprocess.DEVNULL,
        env=env,
        check=False,
    )


def assert_refused(result: subprocess.CompletedProcess[str], path: Path | str) -> None:
    assert result.returncode == 2, result.stderr
    assert str(path) in result.stderr
    assert "not a regular file or folder" in result.stderr
    assert "Traceback" not in result.stderr


def test_kinds_are_named(tmp_path: Path) -> None:
    assert special_kind(fifo(tmp_path, "pipe.yaml")) == "a named pipe (FIFO)"
    assert special_kind("/dev/null") == "a character device"
    assert special_kind(tmp_path) is None
    regular = tmp_path / "file.yaml"
    regular.write_text("x: 1\n", encoding="utf-8")
    assert special_kind(regular) is None
    assert special_kind(tmp_path / "missing.yaml") is None
    assert not_regular_message(regular) is None


def test_the_loader_refuses_a_fifo_without_opening_it(tmp_path: Path) -> None:
    pipe = fifo(tmp_path, "register.yaml")
    with pytest.raises(RegisterError) as caught:
        load_register(pipe)  # would block for ever if it opened the pipe
    [problem] = caught.value.problems
    assert problem.file == str(pipe)
    assert "named pipe" in problem.message


@pytest.mark.parametrize("suffix", ["yaml", "json", "toml"])
def test_check_refuses_a_fifo(tmp_path: Path, suffix: str) -> None:
    pipe = fifo(tmp_path, f"register.{suffix}")
    assert_refused(run("check", pipe, "--as-of", "2026-11-25"), pipe)


def test_check_refuses_a_device() -> None:
    result = run("check", "/dev/zero", "--as-of", "2026-11-25")
    assert_refused(result, "/dev/zero")
    assert "character device" in result.stderr


def test_a_fifo_in_a_register_folder_is_not_read(tmp_path: Path) -> None:
    folder = tmp_path / "register"
    folder.mkdir()
    for file in EXAMPLE.glob("*.yaml"):
        (folder / file.name).write_bytes(file.read_bytes())
    os.mkfifo(folder / "zz-extra.yaml")
    result = run("check", folder, "--as-of", "2026-11-25", "--format", "json")
    assert result.returncode in (0, 1), result.stderr


def test_policy_file_fifo_is_refused(tmp_path: Path) -> None:
    pipe = fifo(tmp_path, "policy.toml")
    assert_refused(run("check", EXAMPLE, "--as-of", "2026-11-25", "--policy", pipe), pipe)
    assert_refused(run("policy", "--policy", pipe), pipe)


def test_calendar_refuses_fifos(tmp_path: Path) -> None:
    pipe = fifo(tmp_path, "register.yaml")
    assert_refused(run("calendar", pipe), pipe)
    previous = fifo(tmp_path, "previous.ics")
    assert_refused(run("calendar", EXAMPLE, "--previous", previous, "-o", tmp_path / "out.ics"), previous)
    assert not (tmp_path / "out.ics").exists()


def test_audit_refuses_fifos(tmp_path: Path) -> None:
    register = fifo(tmp_path, "register.yaml")
    assert_refused(run("audit", register, "--group", "team-up-board"), register)
    baseline = fifo(tmp_path, "baseline.yaml")
    assert_refused(run("audit", EXAMPLE, "--group", "team-up-board", "--baseline", baseline), baseline)
    previous = fifo(tmp_path, "previous.json")
    result = run("audit", EXAMPLE, "--group", "team-up-board", "--publishable", "--previous", previous)
    assert_refused(result, previous)


def test_baselines_import_refuses_a_fifo(tmp_path: Path) -> None:
    pipe = fifo(tmp_path, "census.csv")
    assert_refused(run("baselines", "import", pipe, "--name", "x", "-o", tmp_path / "x.yaml"), pipe)
    assert not (tmp_path / "x.yaml").exists()


def test_recruit_refuses_fifos(tmp_path: Path) -> None:
    pipe = fifo(tmp_path, "round.yaml")
    args = ("--group", "team-up-board", "--seed", "1")
    assert_refused(run("recruit", pipe, "--register", EXAMPLE, *args), pipe)
    register = fifo(tmp_path, "register.yaml")
    assert_refused(run("recruit", ROUND, "--register", register, *args), register)
