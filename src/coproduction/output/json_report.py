"""The JSON output contract for scripts (CHECKS.md, "Output contract for scripts")."""

from __future__ import annotations

import json
from typing import Any

from coproduction.api import CheckReport
from coproduction.checks import Finding


def finding_to_dict(finding: Finding) -> dict[str, Any]:
    return {
        "code": finding.code,
        "name": finding.name,
        "principle": finding.principle.value,
        "severity": finding.severity.value,
        "subject": {"kind": finding.subject.kind.value, "id": finding.subject.id},
        "message": finding.message,
        "hint": finding.hint,
    }


def report_to_dict(report: CheckReport) -> dict[str, Any]:
    return {
        "as_of": report.as_of.isoformat(),
        "policy": report.policy,
        "summary": report.summary,
        "findings": [finding_to_dict(f) for f in report.findings],
    }


def render_json(report: CheckReport) -> str:
    """One JSON object, keys in contract order, UTF-8 text, ending in a newline."""
    return json.dumps(report_to_dict(report), ensure_ascii=False, indent=2) + "\n"
