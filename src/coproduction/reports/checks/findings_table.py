"""Findings as a table: one row per finding, with exactly the columns of the JSON output contract.

The columns are the contract's fields of a finding (``docs/embedding.md``, "Output"), in its order, the subject's two
fields named by their place in the JSON: ``code``, ``name``, ``principle``, ``severity``, ``subject.kind``,
``subject.id``, ``message``, ``hint``. The spreadsheet (:mod:`~coproduction.reports.checks.xlsx_report`) and CSV
(:mod:`~coproduction.reports.checks.csv_report`) writers share them, so a column means the same in every format.
"""

from __future__ import annotations

from typing import Final

from coproduction.checks import Finding

#: The columns, in the JSON contract's order.
COLUMNS: Final = ("code", "name", "principle", "severity", "subject.kind", "subject.id", "message", "hint")

#: What a spreadsheet takes for the start of a formula when a cell's text begins with it: ``=``, ``+``, ``-``,
#: ``@``, and a tab or carriage return before them (OWASP, "CSV Injection",
#: https://owasp.org/www-community/attacks/CSV_Injection).
FORMULA_STARTS: Final = ("=", "+", "-", "@", "\t", "\r")


def finding_row(finding: Finding) -> tuple[str, ...]:
    """One finding's cells, in :data:`COLUMNS` order."""
    return (
        finding.code,
        finding.name,
        finding.principle.value,
        finding.severity.value,
        finding.subject.kind.value,
        finding.subject.id,
        finding.message,
        finding.hint,
    )


def could_be_formula(text: str) -> bool:
    """Whether a spreadsheet opening ``text`` as a cell could take it for a formula."""
    return text.startswith(FORMULA_STARTS)


__all__ = ["COLUMNS", "FORMULA_STARTS", "could_be_formula", "finding_row"]
