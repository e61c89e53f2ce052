"""Plain text output for people at a terminal, one finding per line, like a linter."""

from __future__ import annotations

from coproduction.api import CheckReport


def render_text(report: CheckReport) -> str:
    lines = [f"Checked as of {report.as_of.isoformat()} with policy {report.policy!r}.", ""]
    for f in report.findings:
        lines.append(f"{f.subject.kind.value} {f.subject.id}: {f.code} {f.name} [{f.severity.value}] {f.message}")
        lines.append(f"    hint: {f.hint}")
    if report.findings:
        lines.append("")
    s = report.summary
    total = len(report.findings)
    lines.append(
        f"{total} finding{'s' if total != 1 else ''}: "
        f"{s['error']} error{'s' if s['error'] != 1 else ''}, "
        f"{s['warning']} warning{'s' if s['warning'] != 1 else ''}, {s['info']} info."
    )
    return "\n".join(lines) + "\n"
