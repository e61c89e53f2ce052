"""GR005 irregular-meetings: For each group with a cadence, measures the gaps in days between consecutive held
meetings, and from the last held meeting to the "as of" date, counting each gap that ends within the 12 calendar
months up to the "as of" date.

The rule (:func:`irregular_meetings`), its metadata and its documentation (:data:`CHECK`);
``docs/checks/GR005.md`` is generated from them.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from datetime import date

from coproduction.checks._queries import (
    group_label,
    months_before,
    number,
)
from coproduction.checks.engine import Check, CheckContext, CheckDoc, Flag, Principle, SubjectKind
from coproduction.checks.sources import cite, project_default
from coproduction.models.group import Group
from coproduction.policy import Severity

#: Months in which GR005 looks for gaps between held meetings ("in the last 12 months", docs/checks/GR005.md).
IRREGULAR_WINDOW_MONTHS = 12


def irregular_meetings(context: CheckContext) -> Iterator[Flag]:
    register, policy, as_of = context.register, context.policy, context.as_of
    window_start = months_before(as_of, IRREGULAR_WINDOW_MONTHS)
    for group in register.groups:
        if group.cadence is None:
            continue
        days = sorted({day for _, day in context.index.held_meetings_with_days(group.id, as_of)})
        if not days:
            continue
        longest = _longest_gap(days, as_of, window_start)
        if longest is None:
            continue
        start, end = longest
        gap = (end - start).days
        limit = group.cadence.frequency.nominal_days * policy.irregular_gap_factor
        if gap <= limit:
            continue
        if end == as_of and start == days[-1]:
            what = f"{gap} days have passed since its last held meeting on {start.isoformat()}"
        else:
            what = (
                f"the longest gap between its held meetings in the 12 months to {as_of.isoformat()} was "
                f"{gap} days ({start.isoformat()} to {end.isoformat()})"
            )
        message = (
            f"{group_label(group)} meets {group.cadence.frequency.value}, but {what}; the policy allows "
            f"up to {number(limit)} days"
        )
        hint = _irregular_hint(group)
        yield Flag(group.id, message, hint)


def _longest_gap(days: list[date], as_of: date, window_start: date) -> tuple[date, date] | None:
    """The longest (start, end) gap ending within ``window_start..as_of``; the earliest when tied."""
    points = [*days, as_of] if days[-1] < as_of else days
    best: tuple[date, date] | None = None
    for start, end in itertools.pairwise(points):
        if end < window_start:
            continue
        if best is None or (end - start) > (best[1] - best[0]):
            best = (start, end)
    return best


def _irregular_hint(group: Group) -> str:
    return (
        "Set meeting dates well ahead, rearrange rather than cancel, and record meetings as held; if the "
        f"group now meets less often than {group.cadence.frequency.value if group.cadence else 'planned'}, "
        "change its cadence."
    )


CHECK = Check(
    code="GR005",
    name="irregular-meetings",
    principle=Principle.GOVERNANCE,
    severity=Severity.WARNING,
    subject=SubjectKind.GROUP,
    doc=CheckDoc(
        what=(
            "For each group with a cadence, measures the gaps in days between consecutive held meetings, "
            'and from the last held meeting to the "as of" date, counting each gap that ends within the '
            '12 calendar months up to the "as of" date. Fires when the longest is more than the cadence\'s '
            "nominal days times `irregular_gap_factor` (30 x 1.5 = 45 days for a monthly group); exactly "
            "45 days does not fire. Groups without a cadence, and groups with no held meeting on or before "
            'the "as of" date (new groups), are not judged. '
            "A meeting's date is its start's date in the policy's `timezone`."
        ),
        why=(
            "Regular meetings keep people involved and momentum going; Team-Up and the champions meet every "
            "month. Long gaps lose members, and the gap since the last meeting counts too: a group that "
            "stopped meeting months ago is the most irregular of all."
        ),
        example=("A monthly board that met in January and then not until April: a gap of 90 days, over 45."),
        instead=(
            "Set dates a year ahead, rearrange rather than cancel, and record meetings as held. If the group "
            "now meets less often, change its cadence."
        ),
        settings=("irregular_gap_factor", "timezone"),
        sources=(
            cite("oxfordshire-scie-easy-read", "the Team-Up board meets every month and the champions once a month"),
            project_default("irregular_gap_factor = 1.5"),
        ),
    ),
    run=irregular_meetings,
)
