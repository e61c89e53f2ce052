"""docs/report.md stays true: its commands run, its Python runs, the samples it quotes are what the command writes,
and the readability figures it gives are the ones measured."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from coproduction.cli import main
from coproduction.reports.board import content
from coproduction.reports.board.readability import measure
from tests.report.helpers import ROOT, example_page, example_report

PAGE = ROOT / "docs" / "report.md"


def blocks(language: str) -> list[str]:
    text = PAGE.read_text(encoding="utf-8")
    return re.findall(rf"^```{language}\n(.*?)^```$", text, flags=re.MULTILINE | re.DOTALL)


def test_the_commands_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(ROOT)
    commands = [line for block in blocks("sh") for line in block.splitlines() if line.startswith("coproduction ")]
    assert len(commands) >= 4
    for command in commands:
        argv = shlex.split(command)[1:]
        if "-o" in argv:
            at = argv.index("-o") + 1
            argv[at] = str(tmp_path / argv[at])
        assert main([*argv, "--quiet"]) == 0, command
    capsys.readouterr()


def test_the_python_runs(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(ROOT)
    (snippet,) = blocks("python")
    capsys.readouterr()
    exec(compile(snippet, str(PAGE), "exec"), {})
    assert capsys.readouterr().out == "# Team-Up Co-production Board: how we are doing\n"


def test_the_samples_are_what_the_command_writes() -> None:
    plain_summary, plain_finding, easy = blocks("markdown")
    plain = example_page("plain", "markdown").splitlines()
    for line in [*plain_summary.splitlines(), *plain_finding.splitlines()]:
        if line.strip():
            assert line in plain, f"docs/report.md quotes a line the plain report no longer has: {line}"
    easy_lines = example_page("easy-read", "markdown").splitlines()
    for line in easy.splitlines():
        if line.strip():
            assert line in easy_lines, f"docs/report.md quotes a line the Easy Read report no longer has: {line}"


def test_the_figures_given_are_the_ones_measured() -> None:
    text = PAGE.read_text(encoding="utf-8")
    easy = measure(content.page_text(content.easy_read(example_report())))
    plain = measure(content.page_text(content.standard(example_report())))
    assert f"{easy.words_per_sentence:.1f} words a sentence, reading ease {easy.flesch:.0f}" in text
    assert f"version's: {plain.words_per_sentence:.1f} and {plain.flesch:.0f})" in text
