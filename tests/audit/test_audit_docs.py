"""docs/audit.md stays true: its commands run, its Python runs, and the report opening it quotes is what the
command prints for the example."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from coproduction.cli import main

ROOT = Path(__file__).resolve().parents[2]
PAGE = ROOT / "docs" / "audit.md"


def blocks(language: str) -> list[str]:
    text = PAGE.read_text(encoding="utf-8")
    return re.findall(rf"^```{language}\n(.*?)^```$", text, flags=re.MULTILINE | re.DOTALL)


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    capsys.readouterr()
    status = main(argv)
    return status, capsys.readouterr().out


def test_the_commands_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(ROOT)
    commands = [line for block in blocks("sh") for line in block.splitlines() if line.startswith("coproduction ")]
    assert len(commands) >= 2
    for command in commands:
        argv = shlex.split(command)[1:]
        for option in ("-o", "--previous"):  # files the page writes, and reads back, go somewhere harmless
            if option in argv:
                at = argv.index(option) + 1
                argv[at] = str(tmp_path / argv[at])
        status, _ = run(argv, capsys)
        assert status == 0, command


def test_the_python_runs_and_prints_a_publishable_report(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(ROOT)
    (snippet,) = blocks("python")
    capsys.readouterr()
    exec(compile(snippet, str(PAGE), "exec"), {})
    printed = capsys.readouterr().out
    assert printed.startswith("# Diversity audit: Team-Up Co-production Board")
    assert "## What the audit found" in printed
    assert "Publishable version" in printed


def test_the_quoted_opening_is_what_the_command_prints(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(ROOT)
    argv = ["audit", "examples/oxfordshire", "--group", "champions", "--as-of", "2026-11-25", "--publishable"]
    status, out = run(argv, capsys)
    assert status == 0
    quoted = [line for block in blocks("text") for line in block.splitlines() if line.strip()]
    assert len(quoted) >= 3
    lines = out.splitlines()
    opening = lines[: lines.index("Age")]
    for line in quoted:
        assert line in opening, f"docs/audit.md quotes a line the report no longer opens with: {line}"
