"""The board report as one self-contained, accessible HTML page, through the shared Jinja2 layout
(:mod:`coproduction.reports.templates`): headings in order, the summary first, lists for points, tables with
captions and header cells, the Easy Read version in large type with a picture (and its text alternative) beside each
point. Tested with axe-core in headless Chromium (tests/report/test_accessibility.py)."""

from __future__ import annotations

from typing import Any

from coproduction.reports import templates


def render(page: dict[str, Any]) -> str:
    """The page (:func:`coproduction.reports.board.content.standard` or ``easy_read``) as HTML."""
    return templates.render(
        "board.html",
        title=page["title"],
        description=page["lead"],
        page=page,
        body_class="easy-read" if page["easy_read"] else "",
    )
