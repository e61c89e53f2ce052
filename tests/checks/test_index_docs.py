"""docs/embedding.md's plugin example, which reads the register's index (``context.index``), runs as shown.

Kept apart from tests/checks/test_index.py, which the mutation runner copies without docs/."""

from __future__ import annotations

import re
from pathlib import Path

import pytest


def test_the_plugin_example_in_docs_embedding_runs(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    root = Path(__file__).resolve().parents[2]
    page = (root / "docs" / "embedding.md").read_text(encoding="utf-8")
    section = page[page.index("### What a check may read") :]
    [block] = re.findall(r"^```python\n(.*?)^```$", section, flags=re.MULTILINE | re.DOTALL)
    assert "context.index.current_members" in block
    monkeypatch.chdir(root)
    exec(compile(block, "docs/embedding.md", "exec"), {"__name__": "embedding_example"})
    assert capsys.readouterr().out == "Groups with no carer: 0\n"
