"""docs/calendar.md stays true: its commands run, its Python runs, and the message it quotes is the one printed."""

from __future__ import annotations

import os
import re
import shlex
from pathlib import Path

import attrs
import pytest

from coproduction.cli import main
from coproduction.io import loader

ROOT = Path(__file__).resolve().parents[2]
DOC = ROOT / "docs" / "calendar.md"


def blocks(language: str) -> list[str]:
    return re.findall(rf"^```{language}\n(.*?)^```$", DOC.read_text(encoding="utf-8"), flags=re.MULTILINE | re.DOTALL)


def test_the_commands_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "examples").symlink_to(ROOT / "examples")
    monkeypatch.chdir(tmp_path)
    commands = [line.removeprefix("$ ") for block in blocks("console") for line in block.splitlines()]
    assert len(commands) == 3
    for command in commands:
        words = shlex.split(command.split(" > ")[0])
        assert words[0] == "coproduction"
        assert main(words[1:]) == 0, command
    assert (tmp_path / "team-up.ics").read_bytes().startswith(b"BEGIN:VCALENDAR")


def test_the_python_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    (code,) = blocks("python")
    namespace: dict[str, object] = {}
    exec(compile(code, str(DOC), "exec"), namespace)  # the documentation's own example
    assert isinstance(namespace["data"], bytes)
    assert namespace["again"] != namespace["data"]  # a later DTSTAMP


def test_the_quoted_message_is_the_one_printed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The docs quote a meeting typed in year 0226; the calendar's own check prints exactly that line."""
    (quoted,) = [block for block in blocks("text") if "outside the years" in block]
    register = loader.load_register(ROOT / "examples" / "oxfordshire")
    meetings = list(register.meetings)
    typo = meetings[3]
    meetings[3] = attrs.evolve(
        typo, id="board-2026-03", start=typo.start.replace(year=226, month=3, day=3, hour=10, minute=0)
    )
    monkeypatch.setattr(loader, "load_register", lambda _, **_options: attrs.evolve(register, meetings=tuple(meetings)))
    target = tmp_path / "meetings-2026.yaml"
    target.write_text("meetings: []\n", encoding="utf-8")
    assert main(["calendar", os.fspath(target)]) == 2
    printed = capsys.readouterr().err.replace(os.fspath(target), "meetings-2026.yaml")
    assert printed == quoted
