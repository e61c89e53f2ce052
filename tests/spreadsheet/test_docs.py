"""docs/spreadsheets.md stays true: its commands run, its Python prints what the page shows, the problem it quotes
is what reading gives, and its tables list every sheet and column of the layout."""

from __future__ import annotations

import contextlib
import io
import re
import shlex
from pathlib import Path

import pytest

from coproduction.cli import main
from coproduction.errors import RegisterError
from coproduction.io import load_register
from coproduction.io.spreadsheet.layout import SHEETS
from tests.spreadsheet.helpers import minimal

ROOT = Path(__file__).resolve().parents[2]
PAGE = ROOT / "docs" / "spreadsheets.md"
BLOCK = re.compile(r"^```(?P<language>\w*)\n(?P<code>.*?)^```$", flags=re.MULTILINE | re.DOTALL)


def _blocks() -> list[tuple[str, str]]:
    return [(b.group("language"), b.group("code")) for b in BLOCK.finditer(PAGE.read_text(encoding="utf-8"))]


def test_the_commands_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(ROOT)
    commands = [line for lang, code in _blocks() if lang == "sh" for line in code.splitlines() if line]
    assert len(commands) == 4
    for command in commands:
        argv = shlex.split(command)[1:]
        if argv[0] == "template":
            argv[1] = str(tmp_path / argv[1])
        if "-o" in argv:
            at = argv.index("-o") + 1
            argv[at] = str(tmp_path / argv[at])
        capsys.readouterr()
        status = main(argv)
        assert status in (0, 1), command  # check exits 1: the example has findings at error level on purpose
        assert "Traceback" not in capsys.readouterr().err
    assert load_register(tmp_path / "register.xlsx").organisation == "Oxfordshire County Council"
    assert load_register(tmp_path / "oxfordshire.yaml") == load_register(ROOT / "examples" / "oxfordshire")


def test_the_python_prints_what_the_page_shows(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    blocks = _blocks()
    shown = [
        (code, blocks[n + 1][1])
        for n, (lang, code) in enumerate(blocks)
        if lang == "python" and n + 1 < len(blocks) and blocks[n + 1][0] == "text"
    ]
    assert len(shown) == 1
    for code, expected in shown:
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            exec(compile(code, str(PAGE), "exec"), {})
        assert out.getvalue() == expected


def test_the_quoted_problem_is_what_reading_says(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    quoted = next(code for lang, code in _blocks() if lang == "text" and code.startswith("members.xlsx"))
    monkeypatch.chdir(tmp_path)
    rows = [["ID", "Name", "Joined"], *([f"m{n}", "M", "01/02/2025"] for n in range(2, 14)), ["x", "X", "31/02/2025"]]
    minimal(tmp_path / "members.xlsx", Members=rows)
    with pytest.raises(RegisterError) as caught:
        load_register("members.xlsx")
    assert [str(problem) for problem in caught.value.problems] == quoted.splitlines()


def test_the_tables_list_every_sheet_and_column() -> None:
    text = PAGE.read_text(encoding="utf-8")
    for sheet in SHEETS:
        section = text.split(f"### {sheet.name}\n", 1)[1].split("\n### ", 1)[0].split("\n## ", 1)[0]
        assert f"`{sheet.file_name}`" in section
        headings = re.findall(r"^\| ([^|]+?) \|", section, flags=re.MULTILINE)
        assert headings[2:] == [column.header for column in sheet.columns], sheet.name
