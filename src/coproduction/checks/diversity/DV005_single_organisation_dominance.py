"""DV005 single-organisation-dominance: Among a group's current staff members, finds an organisation that provides more
than ``max_organisation_share`` (default 0.5, that is half) of them.

The rule (:func:`single_organisation_dominance`), its metadata and its documentation (:data:`CHECK`);
``docs/checks/DV005.md`` is generated from them.
"""

from __future__ import annotations

from collections.abc import Iterator

from coproduction.checks.diversity._common import _groups_with_members, _percent, _plural
from coproduction.checks.engine import Check, CheckContext, CheckDoc, Flag, Principle, SubjectKind
from coproduction.checks.sources import cite, project_default
from coproduction.policy import Severity


def single_organisation_dominance(context: CheckContext) -> Iterator[Flag]:
    limit = context.policy.max_organisation_share
    for group, members in _groups_with_members(context):
        staff = [m for m in members if m.is_staff]
        if not staff:
            continue
        spellings: dict[str, list[str]] = {}
        for m in staff:
            if m.organisation and m.organisation.strip():
                spellings.setdefault(m.organisation.strip().casefold(), []).append(m.organisation.strip())
        for key in sorted(spellings):
            count = len(spellings[key])
            share = count / len(staff)
            if share <= limit:
                continue
            yield Flag(
                group.id,
                f"{min(spellings[key])} provides {count} of the {_plural(len(staff), 'staff member')} "
                f"({_percent(share)}), more than the {_percent(limit)} allowed.",
                "Invite staff from partner organisations, such as the NHS, the voluntary sector and care "
                "providers.",
            )


CHECK = Check(
    code="DV005",
    name="single-organisation-dominance",
    principle=Principle.DIVERSITY,
    severity=Severity.INFO,
    subject=SubjectKind.GROUP,
    doc=CheckDoc(
        what=(
            "Among a group's current staff members, finds an organisation that provides more than "
            "`max_organisation_share` (default 0.5, that is half) of them. "
            "Organisation names are compared ignoring case and spaces at the ends. Staff with no organisation "
            "recorded count towards the total but not towards any organisation."
        ),
        why=(
            "When one organisation provides most of the staff, its way of working sets the agenda; partners "
            "such as the NHS and the voluntary sector, and the services people actually use, are unheard."
        ),
        example=(
            "A board's 6 staff members: 4 from the county council, 1 from the NHS and 1 from a charity; 4 of 6 "
            "(66.7%) is more than 50%, so DV005 reports the council."
        ),
        instead="Invite staff from partner organisations: the NHS, the voluntary sector and care providers.",
        settings=("max_organisation_share",),
        sources=(
            cite("scie-guide-51", "the diversity principle"),
            cite("nsun-4pi", "Presence: the right people, reflecting the community"),
            project_default("max_organisation_share = 0.5"),
        ),
    ),
    run=single_organisation_dominance,
)
