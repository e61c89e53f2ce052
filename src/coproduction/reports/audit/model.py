"""The audit report as plain data: one structure that the text, JSON, Markdown and HTML renderers all show.

Building every format from this one structure keeps their figures identical. In publishable mode the structure is
built only from what may be published: each characteristic's counts go through
:func:`coproduction.audit.suppression.publish_tally`, and every other figure (share, expected count, ratio,
judgement, members to recruit, diversity index, recruitment plan) is shown only when it can be worked out from the
published counts and the public baseline alone, so it cannot give a suppressed count away.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

from coproduction.audit.analysis import NOT_KNOWN, CategoryRow, CharacteristicAudit, GroupAudit, RowStatus
from coproduction.audit.differencing import PreviousPublication, publish_since
from coproduction.audit.errors import AuditError
from coproduction.audit.implied import Implied, implied_row
from coproduction.audit.labels import category_label, category_phrase, characteristic_title
from coproduction.audit.suppression import (
    Cell,
    CellStatus,
    PublishedTally,
    cross_tabulation_withheld_because,
)
from coproduction.audit.targets import RecruitmentPlan
from coproduction.models.diversity import PREFER_NOT_TO_SAY
from coproduction.policy import Policy
from coproduction.reports.audit import summary

INTERNAL = "internal"
"""The report's mode for those who need exact counts: small numbers shown; never to be published."""
PUBLISHABLE = "publishable"
"""The report's mode that is safe to publish: small counts suppressed (by default 1 to 4, shown as "fewer than 5")."""

INTERNAL_NOTICE = (
    "Special category personal data (UK GDPR Article 9). This internal report shows exact counts, including "
    "small numbers that could identify people. Keep it to those who need it; do not publish it. Use "
    "--publishable for a version that is safe to publish."
)


def publishable_notice(threshold: int) -> str:
    return (
        f"Publishable version. Counts from 1 to {threshold - 1} are shown as \"fewer than {threshold}\", and "
        f"further counts are marked \"not shown\" where a small number could otherwise be worked out from the "
        "totals. Figures that would reveal a hidden count are left out."
    )


def _since(previous: PreviousPublication | None) -> str:
    if previous is None:
        return ""
    return (
        f" Compared with the audit published as of {previous.as_of}: counts are also hidden where the change "
        "since then could show who joined or left; \"not published\" means the count could be any number."
    )


def _round(value: Fraction | None, places: int = 4) -> float | None:
    return None if value is None else round(float(value), places)


def cell_data(cell: Cell) -> dict[str, Any]:
    return {"count": cell.value, "suppressed": None if cell.shown else cell.status.value}


def cell_text(cell: dict[str, Any], threshold: int) -> str:
    """How a count reads in a table: the number, "fewer than 5" or "not shown"."""
    return summary.cell_text(cell, threshold)


def _exact_cell(key: str, value: int) -> Cell:
    return Cell(key, CellStatus.SHOWN, value)


def build_report(
    audit: GroupAudit,
    plan: RecruitmentPlan | None,
    policy: Policy,
    *,
    publishable: bool,
    previous: PreviousPublication | None = None,
) -> dict[str, Any]:
    """The report for ``audit`` (and ``plan``, when recruitment targets were asked for) as JSON-ready data.

    ``previous`` (publishable only) is the group's last published audit: counts are then also hidden where the
    change since it would give a member away (:mod:`coproduction.audit.differencing`)."""
    if previous is not None and not publishable:
        raise AuditError("a previous publication is compared with only when the report is publishable")
    threshold = policy.suppression_threshold
    characteristics = []
    published: list[PublishedTally | None] = []
    for item in audit.characteristics:
        before = previous.table(item.characteristic) if previous is not None else None
        table = publish_since(item.tally, threshold, before) if publishable else None
        published.append(table)
        characteristics.append(
            _characteristic(item, table, audit.min_representation_ratio, audit.min_expected_count)
        )
    small_group = publishable and 0 < audit.members < threshold
    report = {
        "report": "coproduction diversity audit",
        "mode": PUBLISHABLE if publishable else INTERNAL,
        "notice": (publishable_notice(threshold) + _since(previous)) if publishable else INTERNAL_NOTICE,
        "summary": {},  # filled below, from the rest of the report (its place keeps it first for a reader)
        "special_category_data": not publishable,
        "group": {"id": audit.group_id, "name": audit.group_name},
        "as_of": audit.as_of.isoformat(),
        "previous": None if previous is None else {"as_of": previous.as_of},
        "baseline": {
            "name": audit.baseline_name,
            "area": audit.baseline_area,
            "description": audit.baseline_description,
        },
        "policy": {
            "name": policy.name,
            "min_representation_ratio": policy.min_representation_ratio,
            "min_expected_count": policy.min_expected_count,
            "suppression_threshold": threshold,
            "min_group_for_cross_tabulation": policy.min_group_for_cross_tabulation,
        },
        "members": {"count": None, "suppressed": CellStatus.SMALL.value}
        if small_group
        else {"count": audit.members, "suppressed": None},
        "characteristics": characteristics,
        "recruitment": _recruitment(audit, plan, published),
        "cross_tabulations": _cross_tabulations(audit, published, policy, publishable),
    }
    for entry in characteristics:
        entry["finding"] = summary.finding(entry, report)
    report["summary"] = summary.build_summary(report)
    return report


def _conclusions(
    row: CategoryRow, visible: bool, table: PublishedTally | None, ratio: Fraction, min_expected: Fraction
) -> Implied:
    """A row's judgement, members needed and shortfall: exact when its count and the number who answered are
    shown (or in the internal report); else only what the published cells imply (:mod:`coproduction.audit.implied`),
    so that "fewer than 5 against 14.7 expected" still says there is a gap."""
    if row.status is RowStatus.NO_BASELINE:
        return Implied(row.status)
    if visible or table is None:
        under = row.status is RowStatus.UNDER
        shortfall = row.expected - row.count if under and row.expected is not None else None
        return Implied(row.status, row.additions_needed, row.additions_needed if under else None, shortfall)
    assert row.baseline_share is not None
    return implied_row(table, (row.category,), row.baseline_share, ratio, min_expected)


def _characteristic(
    item: CharacteristicAudit, table: PublishedTally | None, ratio: Fraction, min_expected: Fraction
) -> dict[str, Any]:
    counted = item.tally
    characteristic = item.characteristic
    if table is None:
        answered = _exact_cell("answered", counted.answered)
        prefer = _exact_cell(PREFER_NOT_TO_SAY, counted.prefer_not_to_say)
        not_known = _exact_cell(NOT_KNOWN, counted.not_known)
        counts = {category: _exact_cell(category, count) for category, count in counted.counts}
    else:
        answered, prefer, not_known = table.answered, table.prefer_not_to_say, table.not_known
        counts = {cell.key: cell for cell in table.categories}
    answered_shown = answered.shown
    rows = []
    for row in item.rows:
        cell = counts[row.category]
        visible = cell.shown and answered_shown
        concluded = _conclusions(row, visible, table, ratio, min_expected)
        rows.append(
            {
                "category": row.category,
                "label": category_label(characteristic, row.category),
                "phrase": category_phrase(characteristic, row.category),
                "count": cell_data(cell),
                "share": _round(row.share) if visible else None,
                "baseline_share": _round(row.baseline_share),
                "expected": _round(row.expected, 2) if answered_shown else None,
                "ratio": _round(row.ratio, 2) if visible else None,
                "status": concluded.status.value if concluded.status is not None else "not-shown",
                "additions_needed": concluded.additions,
                "additions_needed_at_least": concluded.at_least,
                "shortfall": _round(concluded.shortfall, 2),
                "implied": not visible and concluded.status not in (None, RowStatus.NO_BASELINE),
            }
        )
    everything_shown = table is None or table.fully_shown
    source = item.baseline.source if item.baseline is not None else None
    return {
        "characteristic": characteristic.value,
        "title": characteristic_title(characteristic),
        "baseline": None
        if item.baseline is None or source is None
        else {
            "citation": source.citation,
            "table": source.table,
            "title": source.title,
            "released": source.released,
            "url": source.url,
            "note": source.note,
            "population": item.baseline.population,
            "precision": None if item.baseline.precision is None else float(item.baseline.precision),
            "compared_as": [
                {"key": key, "label": category_label(characteristic, key), "categories": list(key.split("+"))}
                for key in item.baseline.unit_keys
            ]
            if item.baseline.grouped
            else None,
        },
        "completeness": {
            "members": counted.members,
            "answered": cell_data(answered),
            "prefer_not_to_say": cell_data(prefer),
            "not_known": cell_data(not_known),
            "unknown_share": _round(item.unknown_share) if (table is None or not_known.shown) else None,
        },
        "diversity_index": _round(item.diversity_index) if everything_shown else None,
        "baseline_diversity_index": _round(item.baseline_diversity_index),
        "rows": rows,
    }


def _recruitment(
    audit: GroupAudit, plan: RecruitmentPlan | None, published: list[PublishedTally | None]
) -> dict[str, Any]:
    if plan is None:
        return {
            "published": False,
            "sentence": "",
            "feasible": None,
            "additions": None,
            "target_size": None,
            "targets": [],
        }
    judged = [
        table
        for item, table in zip(audit.characteristics, published, strict=True)
        if item.has_baseline and table is not None
    ]
    if any(not table.fully_shown for table in judged):
        return {
            "published": False,
            "sentence": (
                "Numbers to recruit are left out of this publishable report because some counts are too small "
                "to publish; the internal report has them."
            ),
            "feasible": None,
            "additions": None,
            "target_size": plan.target_size,
            "targets": [],
        }
    return {
        "published": True,
        "sentence": _plan_sentence(plan),
        "feasible": plan.feasible,
        "additions": plan.additions,
        "target_size": plan.target_size,
        "minimum_additions": plan.minimum_additions,
        "targets": [
            {
                "characteristic": t.characteristic.value,
                "category": t.category,
                "label": category_label(t.characteristic, t.category),
                "at_least": t.at_least,
                "words": t.words,
            }
            for t in plan.targets
        ],
        "incomplete": [characteristic_title(c) for c in plan.incomplete],
    }


def _plan_sentence(plan: RecruitmentPlan) -> str:
    """The plan's sentence, in words a board reads: the one case that names a policy setting says so in words."""
    if not plan.feasible and plan.minimum_additions is None:
        return (
            "No number of new members would close every gap under this policy's rule for a gap (see how these "
            "figures were worked out, at the end)."
        )
    return plan.sentence


def _cross_tabulations(
    audit: GroupAudit, published: list[PublishedTally | None], policy: Policy, publishable: bool
) -> list[dict[str, Any]]:
    out = []
    for cross, table in zip(audit.cross_tabulations, published, strict=True):
        reason = None
        if publishable and table is not None:
            reason = cross_tabulation_withheld_because(
                cross,
                table,
                min_group=policy.min_group_for_cross_tabulation,
                threshold=policy.suppression_threshold,
            )
        entry: dict[str, Any] = {
            "characteristic": cross.characteristic.value,
            "title": characteristic_title(cross.characteristic),
            "published": reason is None,
            "reason": reason,
            "columns": ["lived experience", "staff and others"],
            "rows": [],
        }
        if reason is None:
            entry["rows"] = [
                {
                    "category": key,
                    "label": "Not known" if key == NOT_KNOWN else category_label(cross.characteristic, key),
                    "lived_experience": pair[0],
                    "staff_and_others": pair[1],
                }
                for key, pair in cross.rows
            ]
        out.append(entry)
    return out
