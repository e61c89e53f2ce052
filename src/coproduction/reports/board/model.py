"""The board report's structure: what the checks found for one group, principle by principle; its meetings and
involvement (:mod:`coproduction.board_summary`); its diversity from the publishable audit; its next meetings.

One JSON-ready dictionary, built once, that both versions (plain English and Easy Read, :mod:`.content`) read. It
names no member: findings are counted per check, never listed per person, and the diversity figures are the
publishable audit's, with its suppression (counts from 1 to 4 shown as "fewer than 5").
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from typing import Any

from coproduction.board_summary import BoardSummary
from coproduction.checks import CheckRegistry, Finding
from coproduction.models.register import Register
from coproduction.policy import Severity
from coproduction.reports.board import wording

#: Principles in the order a report lists them when they are equally important (issue 16's order).
PRINCIPLE_ORDER = ("equality", "diversity", "accessibility", "reciprocity", "governance", "membership")

_RANK = {"error": 0, "warning": 1, "info": 2}


def findings_for_group(
    findings: Iterable[Finding], register: Register, group_id: str, summary: BoardSummary
) -> list[Finding]:
    """The findings about ``group_id``: about the group; about its meetings in the report's period; about a
    member of it. A finding about a member that names a group in quotes counts for the group it names (MB002,
    GR003, MB001 name theirs); one that names no group (training, access needs) counts for each group the member
    belongs to on the "as of" date."""
    group_names = {g.id: g.name for g in register.groups}
    current = {ms.member for ms in register.current_memberships(group_id, summary.as_of)}
    out = []
    for finding in findings:
        kind, subject = finding.subject.kind.value, finding.subject.id
        if kind == "group":
            keep = subject == group_id
        elif kind == "meeting":
            meeting = register.meeting_by_id.get(subject)
            keep = meeting is not None and meeting.group == group_id and subject in summary.meetings_in_period
        elif kind == "member":
            named = [gid for gid, gname in group_names.items() if f"'{gname}'" in finding.message]
            keep = group_id in named if named else subject in current
        else:
            keep = False
        if keep:
            out.append(finding)
    return out


def principles(findings: Sequence[Finding], registry: CheckRegistry) -> list[dict[str, Any]]:
    """Each principle with what was found, most important first: by the worst severity found, then by how many
    findings, then in :data:`PRINCIPLE_ORDER`. Principles with nothing found come last, as what went well."""
    by_code: dict[str, list[Finding]] = {}
    for finding in findings:
        by_code.setdefault(finding.code, []).append(finding)
    grouped: dict[str, list[dict[str, Any]]] = {p: [] for p in PRINCIPLE_ORDER}
    for code, found in sorted(by_code.items()):
        first = found[0]
        principle = first.principle.value
        check = registry[code] if code in registry else None  # noqa: SIM401 (a registry has no get)
        severity = first.severity.value
        easy_found, easy_do = wording.easy_check(code, principle)
        grouped.setdefault(principle, []).append(
            {
                "code": code,
                "name": first.name,
                "title": wording.check_title(code, first.name),
                "severity": severity,
                "severity_words": wording.SEVERITY_WORDS.get(severity, (severity, severity))[0],
                "count": len(found),
                "subjects": _subject_counts(found),
                "next": check.doc.instead if check is not None else first.hint,
                "easy_found": easy_found,
                "easy_do": easy_do,
            }
        )
    out = []
    for principle, items in grouped.items():
        items.sort(key=lambda i: (_RANK.get(i["severity"], 3), -i["count"], i["code"]))
        heading, easy_meaning, _ = wording.PRINCIPLES.get(principle, (principle.title(), "", ""))
        out.append(
            {
                "principle": principle,
                "heading": _principle_heading(principle),
                "easy_heading": heading,
                "easy_meaning": easy_meaning,
                "items": items,
                "worst": items[0]["severity"] if items else None,
                "findings": sum(i["count"] for i in items),
            }
        )
    order = {p: n for n, p in enumerate(PRINCIPLE_ORDER)}
    out.sort(
        key=lambda p: (
            _RANK.get(p["worst"], 9) if p["worst"] else 9,
            -p["findings"],
            order.get(p["principle"], len(order)),
            p["principle"],
        )
    )
    return out


def _principle_heading(principle: str) -> str:
    from coproduction.checks import Principle

    try:
        return Principle(principle).heading
    except ValueError:
        return principle.replace("-", " ").title()


def _subject_counts(found: Sequence[Finding]) -> dict[str, int]:
    counts: dict[str, set[str]] = {}
    for finding in found:
        counts.setdefault(finding.subject.kind.value, set()).add(finding.subject.id)
    return {kind: len(ids) for kind, ids in sorted(counts.items())}


def _money(amount: Decimal) -> str:
    return f"£{amount:,.2f}"


def _figures(summary: BoardSummary) -> dict[str, Any]:
    attendance = summary.attendance
    payments = summary.payments
    return {
        "current_members": summary.current_members,
        "lived_experience_members": summary.lived_experience_members,
        "held": summary.held,
        "cancelled": summary.cancelled,
        "not_recorded": summary.not_recorded,
        "attendance": {
            "expected": attendance.expected,
            "present": attendance.present,
            "apologies": attendance.apologies,
            "rate": attendance.rate,
            "apologies_rate": attendance.apologies_rate,
            "members_counted": attendance.members_counted,
            "members_below": attendance.members_below,
            "min_rate": attendance.min_rate,
            "min_expected": attendance.min_expected,
        },
        "decisions": summary.decisions,
        "decisions_with_lived_experience": summary.decisions_with_lived_experience,
        "min_lived_experience_for_decisions": summary.min_lived_experience_for_decisions,
        "input_items": summary.input_items,
        "outcomes": [
            {"meeting_day": o.meeting_day.isoformat(), "item": o.item, "text": o.text} for o in summary.outcomes
        ],
        "payments": {
            "payments": payments.payments,
            "payment_total": _money(payments.payment_total),
            "expenses": payments.expenses,
            "expenses_total": _money(payments.expenses_total),
            "total": _money(payments.total),
            "declined": payments.declined,
        },
    }


def _upcoming(summary: BoardSummary) -> list[dict[str, Any]]:
    return [
        {
            "id": u.id,
            "title": u.title,
            "day": u.start.date().isoformat(),
            "weekday": _WEEKDAYS[u.start.weekday()],
            "start": u.start.strftime("%H:%M"),
            "end": u.end.strftime("%H:%M"),
            "mode": u.mode,
            "venue": u.venue,
            "address": u.address,
            "features": list(u.features),
            "online": u.online,
            "captions": u.captions,
            "bsl_interpreters": u.bsl_interpreters,
            "breaks": u.breaks,
            "paper_formats": list(u.paper_formats),
        }
        for u in summary.upcoming
    ]


_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def _diversity(audit: Mapping[str, Any]) -> dict[str, Any]:
    """What the board report takes from the publishable audit: its notice, summary, and each characteristic's
    finding and table rows as the audit's own tables show them (so the same suppression applies)."""
    from coproduction.reports.audit import formatting

    data = dict(audit)
    if data.get("mode") != "publishable":
        raise ValueError("the board report shows the publishable audit only")
    return {
        "notice": audit["notice"],
        "area": audit["baseline"]["area"],
        "baseline": audit["baseline"]["description"],
        "members": formatting.count(data["members"], data),
        "summary": list(audit["summary"]["paragraphs"]),
        "headline": audit["summary"]["headline"],
        "reflects": list(audit["summary"]["reflects"]),
        "with_gaps": list(audit["summary"]["with_gaps"]),
        "cannot_judge": list(audit["summary"]["cannot_judge_from_this_version"])
        + list(audit["summary"]["too_few_to_judge"]),
        "headers": [*formatting.HEADERS[:4], formatting.HEADERS[6]],
        "characteristics": [
            {
                "title": item["title"],
                "finding": item["finding"],
                "rows": [[*row[:4], row[6]] for row in formatting.category_rows(item, data)],
            }
            for item in audit["characteristics"]
        ],
    }


def build_board_report(
    *,
    summary: BoardSummary,
    findings: Sequence[Finding],
    registry: CheckRegistry,
    audit: Mapping[str, Any],
    policy_name: str,
    jargon: Mapping[str, str],
) -> dict[str, Any]:
    """The board report of ``summary``'s group: ``findings`` are the group's own (:func:`findings_for_group`),
    ``audit`` the publishable audit's report (``coproduction audit --publishable --format json``)."""
    counts = {s.value: 0 for s in Severity if s.value in _RANK}
    for finding in findings:
        counts[finding.severity.value] = counts.get(finding.severity.value, 0) + 1
    return {
        "report": "coproduction board report",
        "group": {"id": summary.group_id, "name": summary.group_name},
        "as_of": summary.as_of.isoformat(),
        "period": {
            "start": summary.period.start.isoformat(),
            "end": summary.period.end.isoformat(),
            "months": summary.period.months,
        },
        "policy": policy_name,
        "counts": counts,
        "principles": principles(findings, registry),
        "figures": _figures(summary),
        "diversity": _diversity(audit),
        "upcoming": _upcoming(summary),
        "jargon": dict(sorted(jargon.items())),
    }
