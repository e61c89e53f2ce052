"""Plain text output for people at a terminal, one finding per line, like a linter."""

from __future__ import annotations

from collections.abc import Iterator

from coproduction.api import CheckReport

#: Findings per piece yielded by :func:`iter_text`.
CHUNK_FINDINGS = 4096


PUBLISHABLE_NOTICE = (
    "Publishable: diversity findings give no count that the publishable diversity audit hides "
    "(--internal gives exact figures)."
)
INTERNAL_NOTICE = (
    "Internal: diversity findings give exact figures from monitoring answers (special category data); "
    "do not publish this."
)


def notice(report: CheckReport) -> str:
    """One line on whether the output may be published."""
    return INTERNAL_NOTICE if report.internal else PUBLISHABLE_NOTICE


def render_text(report: CheckReport) -> str:
    return "".join(iter_text(report))


def iter_text(report: CheckReport) -> Iterator[str]:
    """:func:`render_text`'s text in pieces, so that a national report (a million findings, 400 MB of text) is
    written as it is made, not held whole. The part of a line that depends only on the check and the subject's
    kind is made once per check."""
    yield f"Checked as of {report.as_of.isoformat()} with policy {report.policy!r}.\n{notice(report)}\n\n"
    parts: dict[tuple[object, ...], tuple[str, str]] = {}  # (before the subject id, between it and the message)
    pieces: list[str] = []
    for f in report.findings:
        subject = f.subject
        key = (f.code, f.name, f.severity, subject.kind)
        found = parts.get(key)
        if found is None:
            found = parts[key] = (f"{subject.kind.value} ", f": {f.code} {f.name} [{f.severity.value}] ")
        prefix, tail = found
        pieces.append(f"{prefix}{subject.id}{tail}{f.message}\n    hint: {f.hint}\n")
        if len(pieces) == CHUNK_FINDINGS:
            yield "".join(pieces)
            pieces.clear()
    if report.findings:
        pieces.append("\n")
    s = report.summary
    total = len(report.findings)
    pieces.append(
        f"{total} finding{'s' if total != 1 else ''}: "
        f"{s['error']} error{'s' if s['error'] != 1 else ''}, "
        f"{s['warning']} warning{'s' if s['warning'] != 1 else ''}, {s['info']} info.\n"
    )
    yield "".join(pieces)
