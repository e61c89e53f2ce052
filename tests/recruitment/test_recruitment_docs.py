"""docs/recruitment.md stays true: its commands run, its Python prints what the page shows, and the outputs it
quotes are what the command prints for the example round."""

from __future__ import annotations

import contextlib
import io
import re
import shlex
from pathlib import Path

import pytest
import yaml

from coproduction.cli import main

ROOT = Path(__file__).resolve().parents[2]
PAGE = ROOT / "docs" / "recruitment.md"
BLOCK = re.compile(r"^```(?P<language>\w*)\n(?P<code>.*?)^```$", flags=re.MULTILINE | re.DOTALL)


def _blocks() -> list[tuple[str, str]]:
    return [(b.group("language"), b.group("code")) for b in BLOCK.finditer(PAGE.read_text(encoding="utf-8"))]


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    capsys.readouterr()
    status = main(argv)
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_the_commands_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(ROOT)
    commands = [line for lang, code in _blocks() if lang == "sh" for line in code.splitlines()]
    assert len(commands) == 4
    for command in commands:
        argv = shlex.split(command)[1:]
        written = []
        for option in ("-o", "--register-out"):
            if option in argv:
                at = argv.index(option) + 1
                argv[at] = str(tmp_path / argv[at])
                written.append(Path(argv[at]))
        status, _, _ = _run(argv, capsys)
        assert status == 0, command
        assert all(path.exists() for path in written), command


def test_the_python_prints_what_the_page_shows(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    blocks = _blocks()
    shown = [
        (code, blocks[n + 1][1])
        for n, (lang, code) in enumerate(blocks)
        if lang == "python" and n + 1 < len(blocks) and blocks[n + 1][0] == "text"
    ]
    assert len(shown) == 3
    for code, expected in shown:
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            exec(compile(code, str(PAGE), "exec"), {})
        assert out.getvalue() == expected


def test_the_quoted_opening_is_what_the_command_prints(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(ROOT)
    opening = next(code for lang, code in _blocks() if lang == "text" and code.startswith("Recruitment round"))
    argv = shlex.split(next(code for lang, code in _blocks() if lang == "sh").splitlines()[0])[1:]
    _, out, _ = _run([*argv, "--publishable"], capsys)
    assert out.startswith(opening)


def test_the_quoted_conflict_is_what_the_command_says(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(ROOT)
    quoted = next(code for lang, code in _blocks() if lang == "text" and code.startswith("No panel"))
    data = yaml.safe_load((ROOT / "examples" / "recruitment" / "board-round.yaml").read_text(encoding="utf-8"))
    data["quotas"] = [{"characteristic": "age", "category": "16-24", "at_least": 7}]
    data["quotas_from_audit"] = False
    path = tmp_path / "round.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    argv = ["recruit", str(path), "--register", "examples/oxfordshire", "--group", "team-up-board", "--seed", "1"]
    status, _, err = _run(argv, capsys)
    assert status == 2
    assert err == f"coproduction: error: {quoted}"
