"""Renderers for check reports: text for people, JSON for scripts, Markdown for board papers, CSV and an Excel
workbook (xlsx) of the findings for officers."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from coproduction.api import CheckReport
from coproduction.errors import OutputError
from coproduction.models.register import Register

FORMATS = ("text", "json", "markdown", "csv", "xlsx")
#: Formats whose output is bytes, not text (:func:`render_bytes`): never written to a terminal.
BINARY_FORMATS = ("xlsx",)


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
    if format == "csv":
        from coproduction.reports.checks.csv_report import iter_csv

        return iter_csv(report)
    return iter((render(report, format),))


def render_encoded_pieces(
    report: CheckReport, format: str, register: Register | None = None, timezone: str = "Europe/London"
) -> Iterator[bytes]:
    """:func:`render_pieces` as UTF-8 bytes, to be written to a file one after another (JSON is encoded straight to
    bytes, without a text in between)."""
    if format == "json":
        from coproduction.reports.checks.json_report import iter_json_bytes

        return iter_json_bytes(report)
    return (piece.encode("utf-8") for piece in render_pieces(report, format, register, timezone))


def render_bytes(report: CheckReport, format: str) -> bytes:
    """``report`` as the bytes of a file: the workbook for ``xlsx``, UTF-8 text for the other :data:`FORMATS`."""
    if format == "xlsx":
        from coproduction.reports.checks.xlsx_report import render_xlsx

        return render_xlsx(report)
    return render(report, format).encode("utf-8")


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
    if format == "csv":
        from coproduction.reports.checks.csv_report import render_csv

        return render_csv
    if format in BINARY_FORMATS:
        raise OutputError(f"{format} is not text: use render_bytes(report, {format!r})")
    raise OutputError(f"unknown format {format!r}; choose one of {', '.join(FORMATS)}")
