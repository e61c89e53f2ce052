"""Renderers for check reports: text for people, JSON for scripts, Markdown for board papers."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from coproduction.api import CheckReport
from coproduction.errors import OutputError
from coproduction.models.register import Register

FORMATS = ("text", "json", "markdown")


def render(report: CheckReport, format: str) -> str:
    """Render ``report`` in one of :data:`FORMATS`."""
    return _renderer(format)(report)


def render_pieces(
    report: CheckReport, format: str, register: Register | None = None, timezone: str = "Europe/London"
) -> Iterator[str]:
    """:func:`render`'s text in pieces, to be written one after another (JSON and text are produced piece by
    piece, so that a national report need not be held in memory whole). Markdown names subjects from
    ``register`` when given."""
    if format == "json":
        from coproduction.reports.checks.json_report import iter_json

        return iter_json(report)
    if format == "markdown":
        from coproduction.reports.checks.markdown import render_markdown

        return iter((render_markdown(report, register, timezone),))
    if format == "text":
        from coproduction.reports.checks.text import iter_text

        return iter_text(report)
    return iter((render(report, format),))


def _renderer(format: str) -> Callable[[CheckReport], str]:
    if format == "json":
        from coproduction.reports.checks.json_report import render_json

        return render_json
    if format == "markdown":
        from coproduction.reports.checks.markdown import render_markdown

        return render_markdown
    if format == "text":
        from coproduction.reports.checks.text import render_text

        return render_text
    raise OutputError(f"unknown format {format!r}; choose one of {', '.join(FORMATS)}")
