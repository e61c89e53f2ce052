"""The JSON output contract for scripts (docs/embedding.md, "Output").

Besides the contract's fields, ``mode`` says whether the findings may be published (``"publishable"``, the
default) or are for internal use only (``"internal"``): see :func:`coproduction.api.check_register`.

The text is exactly ``json.dumps(report_to_dict(report), ensure_ascii=False, indent=2) + "\\n"``, but encoded by
msgspec in C: Python's JSON encoder runs in pure Python when asked to indent, which at national scale (over a
million findings) took longer than the checks. :func:`iter_json` yields the text in pieces so that a caller can
write it without holding it all (or a dict per finding) in memory.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import msgspec

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
    for piece in iter_json_bytes(report):
        yield piece.decode("utf-8")


def iter_json_bytes(report: CheckReport) -> Iterator[bytes]:
    """:func:`iter_json`'s pieces as UTF-8 bytes, the form a file is written in.

    The findings are encoded by msgspec in C, :data:`CHUNK_FINDINGS` at a time, and indented by
    ``msgspec.json.format``: a :class:`~coproduction.checks.Finding`'s fields are the contract's keys in the
    contract's order (the subject's too), enumerations encode as their values, and msgspec escapes every character
    as ``json.dumps(..., ensure_ascii=False)`` does (tests/reports/test_json_bytes.py compares them over any
    text). At national scale this took half the time of formatting each finding from a template in Python.
    """
    head = {
        "as_of": report.as_of.isoformat(),
        "policy": report.policy,
        "mode": mode(report),
        "summary": report.summary,
    }
    opening = json.dumps(head, ensure_ascii=False, indent=2)
    findings = report.findings
    if not findings:
        yield (opening[:-2] + ',\n  "findings": []\n}\n').encode("utf-8")
        return
    yield (opening[:-2] + ',\n  "findings": [\n').encode("utf-8")
    encode, indent = msgspec.json.Encoder().encode, msgspec.json.format
    # Each chunk is encoded inside {"findings": [...]} so that the indentation is the report's; the wrapper's
    # opening and closing are cut off again.
    cut_head, cut_tail = len(_WRAPPER_HEAD), -len(_WRAPPER_TAIL)
    separator = b""
    for start in range(0, len(findings), CHUNK_FINDINGS):
        chunk = indent(encode({"findings": findings[start : start + CHUNK_FINDINGS]}), indent=2)
        yield separator + chunk[cut_head:cut_tail]
        separator = b",\n"
    yield b"\n  ]\n}\n"


_WRAPPER_HEAD = b'{\n  "findings": [\n'
_WRAPPER_TAIL = b"\n  ]\n}"
