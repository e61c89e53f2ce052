"""docs/python-api.md stays true: its Python runs, block after block, and prints exactly what the page shows.

Each ``python`` block runs in one namespace, in the page's order (later blocks use what earlier ones built), in a
temporary folder (the page writes files). A ``text`` block right after a ``python`` block is that block's output.
"""

from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PAGE = ROOT / "docs" / "python-api.md"
BLOCK = re.compile(r"^```(?P<language>\w*)\n(?P<code>.*?)^```$", flags=re.MULTILINE | re.DOTALL)


def runs() -> list[tuple[str, str | None]]:
    """(python code, the output the page shows for it or None), in the page's order."""
    text = PAGE.read_text(encoding="utf-8")
    blocks = list(BLOCK.finditer(text))
    found: list[tuple[str, str | None]] = []
    for number, block in enumerate(blocks):
        if block.group("language") != "python":
            continue
        following = blocks[number + 1] if number + 1 < len(blocks) else None
        shows = (
            following is not None
            and following.group("language") == "text"
            and not text[block.end() : following.start()].strip()
        )
        found.append((block.group("code"), following.group("code") if shows and following else None))
    return found


def test_every_block_is_python_or_its_output() -> None:
    languages = [block.group("language") for block in BLOCK.finditer(PAGE.read_text(encoding="utf-8"))]
    assert set(languages) == {"python", "text"}
    assert len(runs()) >= 7


def test_the_pages_python_runs_and_prints_what_it_shows(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    namespace: dict[str, object] = {"__name__": "python_api_page"}
    for number, (code, shown) in enumerate(runs(), start=1):
        printed = io.StringIO()
        with contextlib.redirect_stdout(printed):
            exec(compile(code, f"{PAGE}, block {number}", "exec"), namespace)
        if shown is not None:
            assert printed.getvalue() == shown, f"block {number} prints something else than the page shows"
    # What the page says it writes, it writes.
    assert (tmp_path / "board.ics").read_bytes().startswith(b"BEGIN:VCALENDAR")
    assert (tmp_path / "register.json").is_file()


def test_the_readme_links_the_page() -> None:
    assert "(docs/python-api.md)" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_the_register_format_says_what_an_empty_expected_list_means() -> None:
    text = (ROOT / "docs" / "register-format.md").read_text(encoding="utf-8")
    assert re.search(r"`expected: \[\]`[^\n]*all[^\n]*current members", text)
