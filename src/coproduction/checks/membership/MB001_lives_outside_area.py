"""MB001 lives-outside-area: For groups that require residence, fires for each current member whose recorded area
differs from the policy's ``area`` (or, when that is not set, the register's area).

The rule (:func:`lives_outside_area`), its metadata and its documentation (:data:`CHECK`);
``docs/checks/MB001.md`` is generated from them.
"""

from __future__ import annotations

from collections.abc import Iterator

from coproduction.checks._queries import (
    group_label,
)
from coproduction.checks.engine import Check, CheckContext, CheckDoc, Flag, Principle, SubjectKind
from coproduction.checks.sources import cite
from coproduction.models.group import Group
from coproduction.policy import Severity


def _normalise_area(area: str) -> str:
    """Areas compare without regard to case or spacing ("West  Oxfordshire" is "west oxfordshire")."""
    return " ".join(area.split()).casefold()


def lives_outside_area(context: CheckContext) -> Iterator[Flag]:
    register, as_of = context.register, context.as_of
    area = context.policy.area or register.area
    wanted = _normalise_area(area)
    groups_of: dict[str, list[Group]] = {}
    for group in register.groups:
        if not group.requires_residence:
            continue
        for member in context.index.current_members(group.id, as_of):
            groups_of.setdefault(member.id, []).append(group)
    for member in register.members:
        groups = groups_of.get(member.id)
        if not groups or member.area is None or _normalise_area(member.area) == wanted:
            continue
        names = ", ".join(sorted(group_label(g) for g in groups))
        message = (
            f"{member.name} is recorded as living in {member.area!r}, outside {area!r}; "
            f"{'this group requires' if len(groups) == 1 else 'these groups require'} residence: {names}"
        )
        hint = (
            f"Check {member.name}'s area with them; if they have moved, talk about other ways to stay "
            "involved, and if the group does not need residence, change its setting."
        )
        yield Flag(member.id, message, hint)


CHECK = Check(
    code="MB001",
    name="lives-outside-area",
    principle=Principle.MEMBERSHIP,
    severity=Severity.WARNING,
    subject=SubjectKind.MEMBER,
    doc=CheckDoc(
        what=(
            "For groups that require residence, fires for each current member whose recorded area differs "
            "from the policy's `area` (or, when that is not set, the register's area). Areas compare "
            "ignoring case and extra spaces. Members with no recorded area are not judged. A member of "
            "several such groups gets one finding naming them all."
        ),
        why=(
            "A council's board speaks for the people of its area; Team-Up asks members to live in "
            "Oxfordshire. Someone who has moved away may no longer use the council's services."
        ),
        example="A member of a board that requires residence in 'Oxfordshire' whose area is 'Swindon'.",
        instead=(
            "Check the member's address with them. If they have moved, talk about other ways to stay "
            "involved (a regional network, a user-led organisation); if the group does not need residence, "
            "say so in its settings."
        ),
        settings=("area",),
        sources=(
            cite("oxfordshire-ccg-coproduction", "members live in the council's area"),
        ),
    ),
    run=lives_outside_area,
)
