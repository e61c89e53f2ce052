"""The JSON output contract for scripts (docs/embedding.md, "Output").

Besides the contract's fields, ``mode`` says whether the findings may be published (``"publishable"``, the
default) or are for internal use only (``"internal"``): see :func:`coproduction.api.check_register`.

The text is exactly ``json.dumps(report_to_dict(report), ensure_ascii=False, indent=2) + "\\n"``, but written
from templates: Python's JSON encoder runs in pure Python when asked to indent, which at national scale (over a
million findings) took longer than the checks. :func:`iter_json` yields the text in pieces so that a caller can
write it without holding it all (or a dict per finding) in memory.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from json.encoder import encode_basestring
from typing import Any

from coproduction.api import CheckReport
from coproduction.checks import Finding

#: Findings per piece yielded by :func:`iter_json`.
CHUNK_FINDINGS = 4096


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


def mode(report: CheckReport) -> str:
    """``"publishable"`` (the findings may be published: diversity findings say only what the publishable audit
    implies) or ``"internal"`` (exact figures, for internal use only)."""
    return "internal" if report.internal else "publishable"


def report_to_dict(report: CheckReport) -> dict[str, Any]:
    return {
        "as_of": report.as_of.isoformat(),
        "policy": report.policy,
        "mode": mode(report),
        "summary": report.summary,
        "findings": [finding_to_dict(f) for f in report.findings],
    }


def render_json(report: CheckReport) -> str:
    """One JSON object, keys in contract order, UTF-8 text, ending in a newline."""
    return "".join(iter_json(report))


def iter_json(report: CheckReport) -> Iterator[str]:
    """:func:`render_json`'s text in pieces, identical to ``json.dumps(..., ensure_ascii=False, indent=2)``."""
    head = {
        "as_of": report.as_of.isoformat(),
        "policy": report.policy,
        "mode": mode(report),
        "summary": report.summary,
    }
    opening = json.dumps(head, ensure_ascii=False, indent=2)
    yield opening[:-2]  # without the closing "\n}"
    if not report.findings:
        yield ',\n  "findings": []\n}\n'
        return
    yield ',\n  "findings": [\n'
    encode = encode_basestring
    prefixes: dict[tuple[object, ...], str] = {}
    pieces: list[str] = []
    separator = ""
    for finding in report.findings:
        subject = finding.subject
        key = (finding.code, finding.name, finding.principle, finding.severity, subject.kind)
        prefix = prefixes.get(key)
        if prefix is None:
            prefix = prefixes[key] = (
                f'    {{\n      "code": {encode(finding.code)},\n      "name": {encode(finding.name)},\n'
                f'      "principle": {encode(finding.principle.value)},\n'
                f'      "severity": {encode(finding.severity.value)},\n'
                f'      "subject": {{\n        "kind": {encode(subject.kind.value)},\n        "id": '
            )
        pieces.append(
            f'{separator}{prefix}{encode(subject.id)}\n      }},\n'
            f'      "message": {encode(finding.message)},\n      "hint": {encode(finding.hint)}\n    }}'
        )
        separator = ",\n"
        if len(pieces) == CHUNK_FINDINGS:
            yield "".join(pieces)
            pieces.clear()
    pieces.append("\n  ]\n}\n")
    yield "".join(pieces)
