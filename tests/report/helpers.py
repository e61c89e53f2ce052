"""The example register's board report, built once per test session, and a small hostile register."""

from __future__ import annotations

import re
from datetime import date
from functools import cache
from html import unescape
from pathlib import Path
from typing import Any

from coproduction.io.loader import load_register
from coproduction.models.register import Register
from coproduction.reports.board import board_report, render_board_report

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "oxfordshire"
BOARD = "team-up-board"
AS_OF = date(2026, 11, 25)
VARIANTS = {"plain": False, "easy-read": True}


@cache
def example_register() -> Register:
    return load_register(EXAMPLE)


@cache
def example_report(group: str = BOARD) -> dict[str, Any]:
    return board_report(example_register(), group, as_of=AS_OF)


@cache
def example_page(variant: str, format: str = "html", group: str = BOARD) -> str:
    return render_board_report(example_report(group), format=format, easy_read=VARIANTS[variant])  # type: ignore[arg-type]


_HIDDEN = re.compile(r"<(style|title|svg)\b.*?</\1>", re.S)


def visible_text(page: str) -> str:
    """The words a reader sees in the page's main part: no styles, no titles, no pictures; a line per block."""
    main = page[page.index("<main>") : page.index("</main>")]
    main = _HIDDEN.sub(" ", main)
    main = re.sub(r"</(p|li|h[1-6]|caption|tr)>", "\n", main)
    return unescape(re.sub(r"<[^>]+>", " ", main))
