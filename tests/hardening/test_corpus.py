"""Hostile and broken input (issue 6, item 1): every file of the corpus gives exit status 2 and a message naming
the file and the place, never a traceback, never a hang, and is left byte for byte as it was.

The corpus is tests/hardening/corpus, written by its generate.py; EXPECTED.toml beside it says what each file
must report. The simpler cases of tests/data/invalid (tests/io/test_invalid_files.py) are not repeated here.
"""

from __future__ import annotations

import hashlib
import subprocess
import sys
import time
import tomllib
from pathlib import Path
from typing import Any

import pytest

from coproduction.cli import main

CORPUS = Path(__file__).resolve().parent / "corpus"
TABLE: dict[str, dict[str, Any]] = tomllib.loads((CORPUS / "EXPECTED.toml").read_text(encoding="utf-8"))
NOT_CASES = {"generate.py", "EXPECTED.toml", "__pycache__"}
AS_OF = "2026-11-25"
#: Seconds a case may take in-process; the slowest (10,000 nested YAML lists) takes about 1.5 s here.
IN_PROCESS_SECONDS = 10.0
#: Seconds a child process may take, start-up included, before the case counts as a hang.
SUBPROCESS_SECONDS = 20.0


def _params(names: list[str]) -> list[Any]:
    params = []
    for name in names:
        reason = TABLE[name].get("xfail")
        marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
        params.append(pytest.param(name, marks=marks, id=name))
    return params


ERROR_CASES = sorted(name for name, spec in TABLE.items() if not spec.get("loads"))
LOADING_CASES = sorted(name for name, spec in TABLE.items() if spec.get("loads"))
# The bombs and the deep files, and one of each other sort, run as real processes too.
SUBPROCESS_CASES = sorted(
    {name for name, spec in TABLE.items() if spec.get("subprocess")}
    | {
        "utf16-bom.yaml",
        "truncated-mid-document.json",
        "python-object-new.yaml",
        "folder-dangling-across-files",
        "dangling-every-kind.toml",
        "nul-byte.json",
    }
)


def digest(target: Path) -> str:
    """A hash of a file, or of every file (names and bytes) under a folder."""
    hashed = hashlib.sha256()
    files = sorted(p for p in target.rglob("*") if p.is_file()) if target.is_dir() else [target]
    for file in files:
        hashed.update(str(file.relative_to(target.parent)).encode())
        hashed.update(file.read_bytes())
    return hashed.hexdigest()


def expectations(name: str) -> list[tuple[str, str]]:
    spec = TABLE[name]
    return [(spec["path"], spec["message"]), *((path, message) for path, message in spec.get("also", []))]


def assert_reported(name: str, stderr: str) -> None:
    """stderr names the file and, where there is one, the place ($.path), with the expected message."""
    target = CORPUS / name
    file = target / TABLE[name]["file"] if "file" in TABLE[name] else target
    assert "Traceback" not in stderr
    lines = stderr.splitlines()
    for path, message in expectations(name):
        where = f"{file}: {path}: " if path else f"{file}: "
        matching = [line for line in lines if where in line and message in line]
        assert matching, f"no line with {where!r} and {message!r} in:\n{stderr}"


def test_table_and_corpus_agree() -> None:
    on_disk = sorted(entry.name for entry in CORPUS.iterdir() if entry.name not in NOT_CASES)
    assert on_disk == sorted(TABLE)
    assert len(ERROR_CASES) >= 50
    for spec in TABLE.values():
        assert set(spec) <= {"path", "message", "also", "file", "loads", "subprocess", "xfail"}
        assert spec.get("loads") or spec["message"] or spec["path"], "an error case must say what it reports"


@pytest.mark.parametrize("name", _params(ERROR_CASES))
def test_hostile_file_gives_status_2_and_a_located_message(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    target = CORPUS / name
    before = digest(target)
    started = time.perf_counter()
    status = main(["check", str(target), "--as-of", AS_OF])
    elapsed = time.perf_counter() - started
    out, err = capsys.readouterr()
    assert digest(target) == before, "the input was modified"
    assert elapsed < IN_PROCESS_SECONDS
    assert status == 2, err
    assert out == ""
    assert_reported(name, err)


@pytest.mark.parametrize("name", _params(LOADING_CASES))
def test_a_utf8_byte_order_mark_is_harmless(name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Windows editors save UTF-8 with a byte-order mark; such a file checks exactly as the same file without."""
    target = CORPUS / name
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    plain = tmp_path / name
    plain.write_bytes(data.removeprefix(b"\xef\xbb\xbf"))
    outputs = []
    for file in (target, plain):
        status = main(["check", str(file), "--as-of", AS_OF, "--format", "json"])
        out, err = capsys.readouterr()
        assert status in (0, 1)
        assert err == ""
        outputs.append(out)
    assert outputs[0] == outputs[1]
    assert '"findings"' in outputs[0]


@pytest.mark.parametrize("name", _params(SUBPROCESS_CASES))
def test_hostile_file_in_a_child_process(name: str) -> None:
    """A real process: exit status 2 and a message, within the time bound (a hang is killed and fails)."""
    target = CORPUS / name
    before = digest(target)
    done = subprocess.run(
        [sys.executable, "-m", "coproduction", "check", str(target), "--as-of", AS_OF],
        capture_output=True,
        text=True,
        timeout=SUBPROCESS_SECONDS,
        check=False,
    )
    assert digest(target) == before
    assert done.returncode == 2, done.stderr
    assert done.stdout == ""
    assert_reported(name, done.stderr)


OTHER_COMMAND_CASES = sorted(
    {
        "truncated-mid-document.json",
        "utf16-bom.toml",
        "billion-laughs-flow.yaml",
        "deep-mappings.json",
        "impossible-meeting-start.json",
        "dangling-every-kind.toml",
        "folder-area-twice",
        "lone-surrogate-escape.yaml",
        "empty.toml",
        "python-object-new.yaml",
    }
)


@pytest.mark.parametrize("command", ["calendar", "audit"])
@pytest.mark.parametrize("name", _params(OTHER_COMMAND_CASES))
def test_other_commands_that_read_a_register_report_the_same_way(
    name: str, command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`calendar` and `audit` read registers with the same loader: status 2, the same located message, and no
    output file left behind."""
    target = CORPUS / name
    before = digest(target)
    output = tmp_path / "out"
    extra = ["--group", "board", "--as-of", AS_OF] if command == "audit" else []
    status = main([command, str(target), *extra, "-o", str(output)])
    out, err = capsys.readouterr()
    assert digest(target) == before
    assert status == 2, err
    assert out == ""
    assert not output.exists()
    assert_reported(name, err)
