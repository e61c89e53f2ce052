"""Findings as CSV (RFC 4180, https://www.rfc-editor.org/rfc/rfc4180): a header row with the JSON contract's
columns (:data:`~coproduction.reports.checks.findings_table.COLUMNS`), then one row per finding, in the report's
order; UTF-8, lines ending in CRLF, a field quoted when it holds a comma, a double quote or a line break (a quote
inside is doubled).

A field that a spreadsheet would take for a formula (it begins with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
return) is written after an apostrophe, ``'=HYPERLINK(...)``, so that Excel and LibreOffice show it as text and
never run it (OWASP, "CSV Injection", https://owasp.org/www-community/attacks/CSV_Injection). No check's own words
begin so; only text from a register can.

A CSV file has no room to say that its figures are for internal use only, and files like it are passed on: a
report made with ``internal=True`` (exact diversity figures) is refused, as the Markdown report refuses it. The
spreadsheet (``xlsx``) says so on its first sheet and may carry one.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from typing import Final

from coproduction.api import CheckReport
from coproduction.errors import OutputError
from coproduction.reports.checks.findings_table import COLUMNS, could_be_formula, finding_row

#: Findings per piece yielded by :func:`iter_csv`.
CHUNK_FINDINGS: Final = 4096


def as_text_cell(text: str) -> str:
    """``text`` as a CSV field a spreadsheet shows as text: after an apostrophe when it could start a formula."""
    return f"'{text}" if could_be_formula(text) else text


def render_csv(report: CheckReport) -> str:
    """The whole CSV text (see the module's description)."""
    return "".join(iter_csv(report))


def iter_csv(report: CheckReport) -> Iterator[str]:
    """:func:`render_csv`'s text in pieces, so that a national report is written as it is made. Raises
    :class:`~coproduction.errors.OutputError` at once (before any piece) for a report made for internal use."""
    if report.internal:
        raise OutputError(
            "--format csv cannot carry --internal figures: a CSV file has no place to say they must not be "
            "published; use --format xlsx (its first sheet says so) or json, or leave out --internal"
        )
    return _pieces(report)


def _pieces(report: CheckReport) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(COLUMNS)
    for number, finding in enumerate(report.findings, start=1):
        writer.writerow([as_text_cell(cell) for cell in finding_row(finding)])
        if number % CHUNK_FINDINGS == 0:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


__all__ = ["as_text_cell", "iter_csv", "render_csv"]
