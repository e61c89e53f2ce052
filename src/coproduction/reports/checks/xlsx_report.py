"""Findings as an Excel workbook (.xlsx) for officers: a sheet that says what the findings mean, then one row per
finding with the JSON contract's columns (:data:`~coproduction.reports.checks.findings_table.COLUMNS`), the header
row frozen and filterable.

- **About** (the sheet the workbook opens on): in plain words, what the findings are, the date they were checked as
  of, the policy, whether they may be published, and how many there are of each severity.
- **Findings**: the header row, then the findings in the report's order. The header stays in view when scrolling
  and has filter arrows (an AutoFilter over every row). A sheet holds at most 1,048,576 rows (Excel's limit,
  https://support.microsoft.com/en-gb/office/excel-specifications-and-limits-1672b34d-7043-467e-8e27-269d656771c3):
  more findings go on to sheets named ``Findings 2``, ``Findings 3`` ..., each with its own header.

Every cell is written as text, never as a formula: register text such as a name ``=HYPERLINK(...)`` is shown as
written and never runs (OWASP, "CSV Injection", https://owasp.org/www-community/attacks/CSV_Injection).

The same report gives the same bytes: the workbook's created date is the report's as-of date, and XlsxWriter gives
every file inside the package one fixed time stamp. A report made for internal use says so on the About sheet in
the words the text report uses; the command line writes it readable by its owner only.
"""

from __future__ import annotations

import io
from datetime import datetime, time
from typing import Any, Final

import xlsxwriter  # type: ignore[import-untyped]

from coproduction.api import CheckReport
from coproduction.reports.checks.findings_table import COLUMNS, finding_row
from coproduction.reports.checks.text import notice

#: Rows one sheet holds, the header included (Excel's limit).
MAX_ROWS: Final = 1_048_576
#: Column widths, in characters, for :data:`COLUMNS`.
WIDTHS: Final = (8, 32, 14, 10, 12, 24, 80, 60)
TITLE: Final = "Co-production check findings"
ABOUT: Final = (
    "Each row of the Findings sheet is one place where the register does not follow a principle of co-production, "
    "found by a check, with a hint on what to do. Use the arrows in the header row to filter the rows, for "
    "example by severity, by principle or by subject. The columns are those of the JSON report: code (look it up "
    "with `coproduction explain CODE`), name, principle, severity (error, warning or info), subject.kind and "
    "subject.id (the member, group, membership or meeting concerned), message and hint."
)
_OPTIONS: Final[dict[str, Any]] = {
    "constant_memory": True,  # rows are written out as they are made: a county's findings need little memory
    "strings_to_formulas": False,  # text that begins with "=" stays text
    "strings_to_urls": False,
    "strings_to_numbers": False,
}


def render_xlsx(report: CheckReport) -> bytes:
    """The workbook's bytes (see the module's description)."""
    buffer = io.BytesIO()
    workbook = xlsxwriter.Workbook(buffer, _OPTIONS)
    created = datetime.combine(report.as_of, time())
    workbook.set_properties(
        {
            "title": TITLE,
            "subject": f"Checked as of {report.as_of.isoformat()}",
            "author": "coproduction",
            "comments": notice(report),
            "created": created,
        }
    )
    bold = workbook.add_format({"bold": True})
    _about(workbook.add_worksheet("About"), report, bold, workbook.add_format({"bold": True, "font_size": 14}))
    findings = report.findings
    per_sheet = MAX_ROWS - 1
    sheets = max(1, -(-len(findings) // per_sheet))
    for number in range(sheets):
        sheet = workbook.add_worksheet("Findings" if number == 0 else f"Findings {number + 1}")
        chunk = findings[number * per_sheet : (number + 1) * per_sheet]
        for column, width in enumerate(WIDTHS):
            sheet.set_column(column, column, width)
        for column, heading in enumerate(COLUMNS):
            sheet.write_string(0, column, heading, bold)
        sheet.freeze_panes(1, 0)
        sheet.autofilter(0, 0, max(len(chunk), 1), len(COLUMNS) - 1)
        write = sheet.write_string
        for row, finding in enumerate(chunk, start=1):
            for column, cell in enumerate(finding_row(finding)):
                write(row, column, cell)
    workbook.close()
    return buffer.getvalue()


def _about(sheet: Any, report: CheckReport, bold: Any, heading: Any) -> None:
    summary = report.summary
    rows = (
        ("What this is", ABOUT),
        ("Checked as of", report.as_of.isoformat()),
        ("Policy", report.policy),
        ("May it be published?", notice(report)),
        ("Findings", str(len(report.findings))),
        ("Errors", str(summary["error"])),
        ("Warnings", str(summary["warning"])),
        ("Info", str(summary["info"])),
    )
    sheet.set_column(0, 0, 22)
    sheet.set_column(1, 1, 110)
    sheet.write_string(0, 0, TITLE, heading)
    for row, (label, text) in enumerate(rows, start=2):
        sheet.write_string(row, 0, label, bold)
        sheet.write_string(row, 1, text)


__all__ = ["MAX_ROWS", "render_xlsx"]
