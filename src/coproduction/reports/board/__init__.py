"""The board report (issue 16): how well one group is doing co-production and what to do next, in plain English or
Easy Read, as HTML or Markdown (``coproduction report``; docs/report.md).

:func:`board_report` gathers what the library knows about the group -- the checks' findings
(:func:`coproduction.check_register`), the figures of :mod:`coproduction.board_summary`, the publishable diversity
audit (:func:`coproduction.audit_group` with ``publishable=True``), the next meetings -- into one structure
(:mod:`.model`); :mod:`.content` says it in plain English or Easy Read; :mod:`.html` and :mod:`.markdown` lay it out.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import date
from typing import Any, Literal

from coproduction.models.register import Register
from coproduction.policy import Policy
from coproduction.reports.board.model import build_board_report, findings_for_group

#: The formats ``coproduction report`` writes.
BoardFormat = Literal["html", "markdown"]


def board_report(
    register: Register,
    group_id: str,
    *,
    as_of: date,
    policy: Policy | None = None,
    months: int = 12,
    baseline: str | None = None,
    previous: str | os.PathLike[str] | None = None,
) -> dict[str, Any]:
    """The board report's structure for ``group_id`` over the ``months`` months to ``as_of``.

    An unknown group is an :class:`~coproduction.audit.AuditError` naming the register's groups, as for
    ``coproduction audit``; ``baseline`` is a bundled baseline's name or a file's path (default: the policy's).
    ``previous`` is the group's last published audit (``coproduction audit --publishable --format json``), so that
    no diversity count can be worked out from the change since, as ``coproduction audit --previous`` does."""
    from coproduction.api import audit_group, check_register
    from coproduction.board_summary import summarise_group
    from coproduction.checks import builtin_registry

    policy = policy if policy is not None else Policy()
    registry = builtin_registry()
    # The audit comes first: it refuses an invalid register, an invalid policy and an unknown group, in words.
    audit = audit_group(
        register, group_id, as_of=as_of, policy=policy, publishable=True, baseline=baseline, previous=previous
    )
    summary = summarise_group(register, group_id, as_of=as_of, policy=policy, months=months)
    checks = check_register(register, as_of=as_of, policy=policy, registry=registry)
    return build_board_report(
        summary=summary,
        findings=findings_for_group(checks.findings, register, group_id, summary),
        registry=registry,
        audit=audit.data,
        policy_name=policy.name,
        jargon=policy.jargon,
    )


def render_board_report(report: dict[str, Any], *, format: BoardFormat = "html", easy_read: bool = False) -> str:
    """The report as ``format`` ("html" or "markdown"), in plain English or (``easy_read``) Easy Read."""
    from coproduction.reports.board import content, html, markdown

    page = content.easy_read(report) if easy_read else content.standard(report)
    renderers: dict[str, Callable[[dict[str, Any]], str]] = {"html": html.render, "markdown": markdown.render}
    if format not in renderers:
        raise ValueError(f"unknown board report format {format!r}; use html or markdown")
    return renderers[format](page)


__all__ = ["BoardFormat", "board_report", "build_board_report", "findings_for_group", "render_board_report"]
