"""Markdown for board papers: grouped by principle, in plain words, each finding with what to do.

Written for board members rather than developers: no codes up front (they are kept in brackets so officers can
look them up with ``coproduction explain``), severities in words.
"""

from __future__ import annotations

from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from coproduction.api import CheckReport
from coproduction.checks import Finding, Principle, SubjectKind
from coproduction.errors import OutputError
from coproduction.models.register import Register
from coproduction.policy import Severity

_SEVERITY_WORDS = {
    Severity.ERROR: "Needs action",
    Severity.WARNING: "Worth looking at",
    Severity.INFO: "For information",
}

_PRINCIPLE_INTROS = {
    Principle.EQUALITY: "Everyone takes part as an equal, and people with lived experience share power.",
    Principle.DIVERSITY: "The group reflects the people it serves.",
    Principle.ACCESSIBILITY: "Everyone can take part in the way that suits them best.",
    Principle.RECIPROCITY: "People get something back for what they put in.",
    Principle.GOVERNANCE: "The group has agreed ground rules and meets regularly.",
    Principle.MEMBERSHIP: "Members are supported to take part.",
}


def _escape(text: str) -> str:
    """Escape what is significant inside a line of Markdown, so register text cannot change the document's structure.

    Register text only ever appears mid-line (after a list marker), so block-level markers (``#``, ``-``, ``1.``)
    need no escape; emphasis, code, links, tables, strikethrough and HTML do. Line breaks become spaces.
    """
    out = []
    for ch in text:
        if ch in "\\`*_[]|<>&~":
            out.append("\\" + ch)
        elif ch in "\r\n":
            out.append(" ")
        else:
            out.append(ch)
    return "".join(out)


def subject_label(finding: Finding, register: Register | None, timezone: str = "Europe/London") -> str:
    """What a board member calls the subject: the group's name, the meeting's title and date, the member's name.
    Without the register, the kind and id."""
    kind, ident = finding.subject.kind, finding.subject.id
    if register is not None:
        if kind is SubjectKind.GROUP and ident in register.group_by_id:
            return register.group_by_id[ident].name
        if kind is SubjectKind.MEETING and ident in register.meeting_by_id:
            meeting = register.meeting_by_id[ident]
            try:
                day = meeting.start.astimezone(ZoneInfo(timezone)).date()
            except (ValueError, OverflowError, ZoneInfoNotFoundError):
                day = meeting.start.date()
            return f"{meeting.title}, {day.strftime('%-d %B %Y')}"
        if kind is SubjectKind.MEMBER and ident in register.member_by_id:
            return register.member_by_id[ident].name
        if kind is SubjectKind.POLICY:
            return "the council's policy"
    return f"{kind.value} {ident}"


def render_markdown(report: CheckReport, register: Register | None = None, timezone: str = "Europe/London") -> str:
    """Markdown for board papers. With ``register``, subjects are named as people know them (group and member
    names, meeting titles and dates) rather than by id; ``timezone`` dates the meetings.

    Board papers are published, so a report made for internal use (``check_register(..., internal=True)``) is
    refused with an :class:`~coproduction.errors.OutputError`."""
    if report.internal:
        raise OutputError(
            "Markdown is for board papers, which are published: run the check without internal=True "
            "(on the command line, without --internal)"
        )
    s = report.summary
    lines = [
        "# Co-production check",
        "",
        f"Checked on {report.as_of.strftime('%-d %B %Y')} against the {_escape(report.policy)} policy.",
        "",
    ]
    if not report.findings:
        lines += ["Nothing to report: every check passed.", ""]
        return "\n".join(lines)
    lines += [
        f"- {_SEVERITY_WORDS[Severity.ERROR]}: {s['error']}",
        f"- {_SEVERITY_WORDS[Severity.WARNING]}: {s['warning']}",
        f"- {_SEVERITY_WORDS[Severity.INFO]}: {s['info']}",
        "",
    ]
    by_principle: dict[Principle, list[Finding]] = {}
    for f in report.findings:
        by_principle.setdefault(f.principle, []).append(f)
    for principle in Principle:
        found = by_principle.get(principle)
        if not found:
            continue
        lines += [f"## {principle.heading}", "", _PRINCIPLE_INTROS[principle], ""]
        for f in sorted(found, key=lambda f: (-f.severity.rank, f.sort_key)):
            lines.append(
                f"- **{_SEVERITY_WORDS[f.severity]}** ({_escape(subject_label(f, register, timezone))}): "
                f"{_escape(f.message)}"
            )
            lines.append(f"  - What to do: {_escape(f.hint)} ({f.code})")
        lines.append("")
    return "\n".join(lines)
